/**
 * The site's search indexes, through Pagefind's Node API (https://pagefind.app/docs/node-api/). The pages go in
 * `/pagefind/`; the claims, as custom records, in indexes of their own, `/pagefind-claims/` (one per 20,000 claims:
 * `CLAIMS_PER_INDEX`), which the search page merges with the pages' (Pagefind's `mergeIndex`). The claims are known
 * once the content is verified, so their indexes are written while Astro renders the pages; only the pages' index is
 * left for after Astro.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CLAIMS_INDEX, CLAIMS_PER_INDEX, claimsIndexPaths } from '../lib/search-types.ts';
import type { SearchRecord } from '../lib/views/claim-search.ts';

/**
 * The pages Pagefind reads, in this order (its index depends on the order pages are added): the pages whose layout
 * marks a `data-pagefind-body` (people, episodes, sources, discrepancies, and top-level pages such as /about/).
 * Claim permalinks and filter views are left out of the crawl: at 10,000 content pages that is 46,000 of 57,000
 * HTML files Pagefind would parse only to find nothing to index.
 */
export const PAGE_GLOBS: readonly string[] = [
  ...['discrepancies', 'episodes', 'people', 'sources'].map((collection) => `${collection}/*/index.html`),
  '{index.html,*/index.html}',
];

/**
 * The runtime Pagefind writes beside every index (its JS, CSS, UI and WebAssembly): a merged index is read by the
 * pages' runtime, so the claims' index keeps only its entry, metadata, index, filter and fragment files.
 */
const RUNTIME_FILE = /^(?:pagefind[\w.-]*\.(?:js|css)|wasm\.[\w-]+\.pagefind)$/;

/**
 * Parts of the pages' search body left out of the index, besides what templates mark `data-pagefind-ignore`: the
 * kicker ("Episode · November 2025"), and the reference marks and status badges inside rendered content, which would
 * otherwise fill excerpts with "[1] [2] [3] Reported.".
 */
export const EXCLUDED_SELECTORS: readonly string[] = ['.kicker', '.cite', '.claim-meta'];

type Pagefind = typeof import('pagefind');
type Index = NonNullable<Awaited<ReturnType<Pagefind['createIndex']>>['index']>;

/** A new index, in `language`. */
async function createIndex(pagefind: Pagefind, language: string): Promise<Index> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language, excludeSelectors: [...EXCLUDED_SELECTORS] });
  if (!index || errors.length > 0) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
}

/** Add `records`; the binding answers requests in order, so they go in a bounded window. */
async function addRecords(index: Index, records: readonly SearchRecord[]): Promise<void> {
  const WINDOW = 256;
  for (let i = 0; i < records.length; i += WINDOW) {
    const results = await Promise.all(records.slice(i, i + WINDOW).map((r) => index.addCustomRecord(r)));
    const failed = results.flatMap((r) => r.errors);
    if (failed.length > 0) throw new Error(`Pagefind failed to index a claim: ${failed.join('; ')}`);
  }
}

/**
 * The claims' search records, read a range at a time: an array, or the views on disk, so that only one index's
 * records are in Astro's heap while it renders (at 50,000 pages there are 200,000 of them).
 */
export interface ClaimRecords {
  count: number;
  /** The records `from` to `to` (exclusive), in the claims' order. */
  read(from: number, to: number): readonly SearchRecord[];
}

/** `records` as {@link ClaimRecords}. */
export const recordsOf = (records: readonly SearchRecord[]): ClaimRecords => ({
  count: records.length,
  read: (from, to) => records.slice(from, to),
});

/**
 * Write the claims' indexes of `records` into `folder` (replacing it), `perIndex` records to an index (the first in
 * `folder`, the next in `folder/2/`, and so on: see `claimsIndexPaths`), without the runtime the pages' index
 * carries. Each index's records are read when it is written. Pagefind's service is closed at the end; the pages'
 * index ({@link indexPages}) starts its own.
 */
export async function writeClaimsIndex(
  records: ClaimRecords,
  folder: string,
  language: string,
  perIndex: number = CLAIMS_PER_INDEX,
): Promise<void> {
  const pagefind = await import('pagefind');
  rmSync(folder, { recursive: true, force: true });
  try {
    for (const [i, path] of claimsIndexPaths(records.count, perIndex).entries()) {
      const index = await createIndex(pagefind, language);
      await addRecords(index, records.read(i * perIndex, Math.min((i + 1) * perIndex, records.count)));
      const output = join(folder, path.slice(`/${CLAIMS_INDEX}/`.length));
      const written = await index.writeFiles({ outputPath: output });
      if (written.errors.length > 0) throw new Error(`Pagefind failed to write the claims' index: ${written.errors.join('; ')}`);
      for (const file of readdirSync(output)) if (RUNTIME_FILE.test(file)) rmSync(join(output, file));
      await index.deleteIndex();
    }
  } finally {
    await pagefind.close();
  }
}

/**
 * Index the pages of the site in `dir` into `dir/pagefind/`, and move the claims' index written in `claimsIndex` (if
 * any) to `dir/pagefind-claims/`; how many HTML files Pagefind read. Throws with Pagefind's own messages.
 */
export async function indexPages(dir: string, language: string, claimsIndex?: string): Promise<{ files: number }> {
  const pagefind = await import('pagefind');
  try {
    const index = await createIndex(pagefind, language);
    let files = 0;
    for (const glob of PAGE_GLOBS) {
      const added = await index.addDirectory({ path: dir, glob });
      if (added.errors.length > 0) throw new Error(`Pagefind failed to index: ${added.errors.join('; ')}`);
      files += added.page_count;
    }
    if (files === 0) throw new Error('Pagefind indexed no pages: is data-pagefind-body missing?');
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
    if (claimsIndex && existsSync(claimsIndex)) {
      rmSync(join(dir, CLAIMS_INDEX), { recursive: true, force: true });
      renameSync(claimsIndex, join(dir, CLAIMS_INDEX));
    }
    return { files };
  } finally {
    await pagefind.close();
  }
}
