/** Astro integration: write `_headers` (CSP and security headers) for hosts that read it. */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { THEME_SCRIPT, cspHash, headersFile } from '../lib/csp.ts';

export function headersIntegration(): AstroIntegration {
  return {
    name: 'backchannel-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        writeFileSync(new URL('_headers', dir), headersFile([cspHash(THEME_SCRIPT)], []));
      },
    },
  };
}
