/**
 * Astro integration: generate the pages Pagefind reads before the others, and tell `npm run build` the order.
 *
 * Astro renders pages route by route in its own order. `npm run build` reads each batch of searchable pages as soon as
 * it is whole (see pagefind.ts) and writes the index once every batch is read, so the sooner those pages exist, the
 * more of Pagefind's work happens while Astro renders the rest (filter views, indexes), and the less after it. The
 * claim page template goes first of all, so the claim pages are stamped meanwhile too (see stamp-claims.ts). Each
 * page is rendered exactly as before; only the order changes, and it is fixed.
 */
import type { AstroIntegration } from 'astro';
import { renameSync, writeFileSync } from 'node:fs';
import { CLAIM_TEMPLATE_ID } from '../lib/pages/claim-page.ts';
import { INDEXED_COLLECTIONS } from './pagefind.ts';

/**
 * Set by `npm run build` to the file where the generated pathnames go, in order. Given to `npm run build` as `astro`,
 * it keeps Astro's own order (the build tests compare the two).
 */
export const PAGE_ORDER = 'BACKCHANNEL_PAGE_ORDER';

const segments = (pathname: string) => pathname.split('/').filter((s) => s !== '');

/** Where a page goes in the order: the claim template, each indexed collection in turn, top-level pages, the rest. */
export function pageRank(pathname: string): number {
  const [first, second, ...rest] = segments(pathname);
  if (first === undefined || second === undefined) return INDEXED_COLLECTIONS.length + 1;
  if (rest.length > 0) return INDEXED_COLLECTIONS.length + 2;
  if (first === 'claims' && second === CLAIM_TEMPLATE_ID) return 0;
  const collection = INDEXED_COLLECTIONS.indexOf(first as (typeof INDEXED_COLLECTIONS)[number]);
  return collection >= 0 ? collection + 1 : INDEXED_COLLECTIONS.length + 2;
}

/** `paths` by {@link pageRank}, in Astro's order within a rank. */
export const orderPaths = <T extends { pathname: string }>(paths: readonly T[]): T[] =>
  paths
    .map((path, i) => ({ path, i, rank: pageRank(path.pathname) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ path }) => path);

/**
 * The top-level pages among `pathnames` as files of a `directory`-format build (`index.html`, `about/index.html`):
 * those Pagefind reads in its last batch. Endpoints with an extension and the error pages are not among them.
 */
export function topLevelFiles(pathnames: readonly string[]): string[] {
  const files = new Set<string>();
  for (const pathname of pathnames) {
    const parts = segments(pathname);
    if (parts.length === 0) files.add('index.html');
    else if (parts.length === 1 && !parts[0]!.includes('.') && !/^(404|500)$/.test(parts[0]!)) files.add(`${parts[0]}/index.html`);
  }
  return [...files].sort();
}

export function pageOrderIntegration(): AstroIntegration {
  return {
    name: 'backchannel-page-order',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        if (process.env[PAGE_ORDER] === 'astro') return;
        setPrerenderer((prerenderer) => ({
          name: 'backchannel:searchable-pages-first',
          setup: async () => prerenderer.setup?.(),
          render: (request, options) => prerenderer.render(request, options),
          teardown: async () => prerenderer.teardown?.(),
          async getStaticPaths() {
            const ordered = orderPaths(await prerenderer.getStaticPaths());
            const file = process.env[PAGE_ORDER];
            if (file) {
              writeFileSync(`${file}.partial`, JSON.stringify(ordered.map((p) => p.pathname)));
              renameSync(`${file}.partial`, file);
            }
            return ordered;
          },
        }));
      },
    },
  };
}
