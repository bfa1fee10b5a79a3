/** The site's Content Security Policy, shared by Astro's per-page <meta> and the `_headers` file. */
import { createHash } from 'node:crypto';

/** Runs before first paint so a remembered theme never flashes. Kept here so its hash is computed, not pasted. */
export const THEME_SCRIPT =
  "try{var t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}";

/** `sha256-…` hash of an inline script or style (quote it for a CSP source list). */
export function cspHash(code: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}`;
}

/** Directives besides script-src/style-src (which Astro computes); `frame-ancestors` only works as a header. */
export const CSP_DIRECTIVES: `${'default-src' | 'img-src' | 'font-src' | 'connect-src' | 'worker-src' | 'object-src' | 'base-uri' | 'form-action'} ${string}`[] =
  [
    "default-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];

/** Pagefind compiles its WebAssembly search core at run time. */
export const SCRIPT_RESOURCES = ["'self'", "'wasm-unsafe-eval'"];

/** Security headers for hosts that read `_headers` (Netlify, Cloudflare Pages). */
export function headersFile(scriptHashes: string[], styleHashes: string[]): string {
  const csp = [
    ...CSP_DIRECTIVES,
    `script-src ${[...SCRIPT_RESOURCES, ...scriptHashes.map((h) => `'${h}'`)].join(' ')}`,
    `style-src 'self' ${styleHashes.join(' ')}`.trim(),
    "frame-ancestors 'none'",
  ].join('; ');
  return [
    '/*',
    `  Content-Security-Policy: ${csp}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=()',
    '  X-Frame-Options: DENY',
    '',
  ].join('\n');
}
