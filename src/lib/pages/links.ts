/** Resolve links written in content to site URLs; tell internal, external and unsafe links apart. */
import { UNSAFE_URL } from './content-rules.ts';

export type ResolvedLink = { kind: 'internal'; path: string; hash: string } | { kind: 'external'; url: string } | { kind: 'unsafe'; url: string };

const CONTENT_FOLDERS = new Set(['people', 'episodes', 'sources', 'discrepancies', 'claims']);

/**
 * Resolve `href` as written on the page at `fromUrl`. Accepts site URLs (`/people/marco-rubio/`), relative
 * ones, Windows-style separators and content file paths (`../people/marco-rubio.mdx`).
 */
export function resolveLink(href: string, fromUrl: string): ResolvedLink {
  const raw = href.trim();
  if (UNSAFE_URL.test(raw)) return { kind: 'unsafe', url: raw };
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) return { kind: 'external', url: raw };
  const slashed = raw.replace(/\\/g, '/');
  const hashAt = slashed.indexOf('#');
  const pathPart = hashAt >= 0 ? slashed.slice(0, hashAt) : slashed;
  const hash = hashAt >= 0 ? slashed.slice(hashAt + 1) : '';
  if (pathPart === '') return { kind: 'internal', path: fromUrl, hash };
  const segments = pathPart.startsWith('/') ? [] : fromUrl.split('/').filter(Boolean);
  for (const segment of pathPart.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  // `content/people/x.mdx` or `people/x.md` → `/people/x/`.
  if (segments[0] === 'content' && CONTENT_FOLDERS.has(segments[1] ?? '')) segments.shift();
  const last = segments.length - 1;
  if (last >= 0) segments[last] = segments[last]!.replace(/\.(mdx?|html)$/i, '').replace(/^index$/, '');
  const path = `/${segments.filter(Boolean).join('/')}${segments.filter(Boolean).length > 0 ? '/' : ''}`;
  return { kind: 'internal', path, hash };
}
