/**
 * The site's search indexes, through Pagefind's Node API (https://pagefind.app/docs/node-api/). The pages go in
 * `/pagefind/`; the claims, as custom records, in indexes of their own, `/pagefind-claims/` (one per 20,000 claims:
 * `CLAIMS_PER_INDEX`), which the search page merges with the pages' (Pagefind's `mergeIndex`). The claims are known
 * once the content is verified, so their indexes are written while Astro renders the pages; only the pages' indexes
 * are left for after Astro (one per `PAGES_PER_INDEX` collection pages, merged the same way).
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  CLAIMS_INDEX,
  CLAIMS_PER_INDEX,
  PAGES_INDEX,
  PAGES_PER_INDEX,
  SEARCHED_COLLECTIONS,
  claimsIndexPaths,
  indexPaths,
  pagesIndexPaths,
} from '../lib/search-types.ts';
import type { SearchRecord } from '../lib/views/claim-search.ts';

/**
 * The pages Pagefind reads, as paths in the site: each searched collection's pages (`<collection>/<slug>/index.html`,
 * in order of slug), and the top-level pages (`index.html`, `<folder>/index.html`, such as /about/). Only those
 * whose layout marks a `data-pagefind-body` are indexed. Claim permalinks and filter views are left out: at 10,000
 * content pages that is 46,000 of 57,000 HTML files Pagefind would parse only to find nothing to index.
 */
export function searchedPages(dir: string): { collections: string[]; top: string[] } {
  const pagesIn = (folder: string): string[] =>
    existsSync(folder)
      ? readdirSync(folder, { withFileTypes: true })
          .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, 'index.html')))
          .map((entry) => entry.name)
          .sort()
      : [];
  return {
    collections: SEARCHED_COLLECTIONS.flatMap((collection) =>
      pagesIn(join(dir, collection)).map((slug) => `${collection}/${slug}/index.html`),
    ),
    top: [...(existsSync(join(dir, 'index.html')) ? ['index.html'] : []), ...pagesIn(dir).map((name) => `${name}/index.html`)],
  };
}

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
 * `files` of `dir` linked into `tree` at the same paths (copied where a link cannot be made, across file systems):
 * a folder Pagefind reads one index's pages from with `addDirectory`, which gives them their URLs in the site.
 */
function linkTree(dir: string, files: readonly string[], tree: string): void {
  rmSync(tree, { recursive: true, force: true });
  for (const file of files) {
    mkdirSync(dirname(join(tree, file)), { recursive: true });
    try {
      linkSync(join(dir, file), join(tree, file));
    } catch {
      copyFileSync(join(dir, file), join(tree, file));
    }
  }
}

export interface PagesIndexOptions {
  /** A claims' index written aside ({@link writeClaimsIndex}), moved to `dir/pagefind-claims/`. */
  claimsIndex?: string | undefined;
  /** How many pages' indexes to write (`pagesIndexPaths`: what the search page merges); by default, one per `perIndex`. */
  indexes?: number;
  /** The most collection pages an index holds (the `pagesPerSearchIndex` option). */
  perIndex?: number;
  /** A folder for the links each index is read from (`dir` + `.search-pages` by default); removed at the end. */
  work?: string;
}

/**
 * Index the pages of the site in `dir` into `dir/pagefind/` (and `dir/pagefind/2/`… for a dossier of more than
 * `perIndex` pages, without the runtime), and move the claims' index written aside (if any) to
 * `dir/pagefind-claims/`; how many HTML files Pagefind read. Each index reads its pages from a folder of links
 * (`linkTree`), so that Pagefind never walks the claim permalinks. Throws with Pagefind's own messages.
 */
export async function indexPages(dir: string, language: string, options: PagesIndexOptions = {}): Promise<{ files: number }> {
  const { collections, top } = searchedPages(dir);
  const perIndex = options.perIndex ?? PAGES_PER_INDEX;
  const paths = options.indexes ? indexPaths(PAGES_INDEX, options.indexes) : pagesIndexPaths(collections.length, perIndex);
  const work = options.work ?? `${dir}.search-pages`;
  if (paths.length > 1 && collections.length <= (paths.length - 1) * perIndex)
    throw new Error(
      `${collections.length} pages cannot fill ${paths.length} search indexes of up to ${perIndex} (the search page merges them all)`,
    );
  const pagefind = await import('pagefind');
  // The last index takes every page left, so that there are as many indexes as the search page merges.
  const pagesOf = (i: number) => [
    ...(i === 0 ? top : []),
    ...collections.slice(i * perIndex, i === paths.length - 1 ? undefined : (i + 1) * perIndex),
  ];
  const treeOf = (i: number) => join(work, String(i + 1));
  // Each folder of links is removed in the background once Pagefind has read it, and the next one is made while
  // Pagefind writes: neither waits on the other (bench/notes.md, the twentieth run).
  const removals: Promise<void>[] = [];
  try {
    let files = 0;
    linkTree(dir, pagesOf(0), treeOf(0));
    for (const [i, path] of paths.entries()) {
      const index = await createIndex(pagefind, language);
      const added = await index.addDirectory({ path: treeOf(i), glob: '**/index.html' });
      removals.push(rm(treeOf(i), { recursive: true, force: true }));
      if (added.errors.length > 0) throw new Error(`Pagefind failed to index: ${added.errors.join('; ')}`);
      if (added.page_count === 0) throw new Error(`Pagefind indexed no pages for ${path}: is data-pagefind-body missing?`);
      files += added.page_count;
      const output = join(dir, path);
      const writing = index.writeFiles({ outputPath: output });
      writing.catch(() => {}); // awaited below, unless making the next folder throws first
      if (i + 1 < paths.length) linkTree(dir, pagesOf(i + 1), treeOf(i + 1));
      const written = await writing;
      if (written.errors.length > 0) throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
      if (i > 0) for (const file of readdirSync(output)) if (RUNTIME_FILE.test(file)) rmSync(join(output, file));
      await index.deleteIndex();
    }
    if (options.claimsIndex && existsSync(options.claimsIndex)) {
      rmSync(join(dir, CLAIMS_INDEX), { recursive: true, force: true });
      renameSync(options.claimsIndex, join(dir, CLAIMS_INDEX));
    }
    return { files };
  } finally {
    await Promise.allSettled(removals);
    rmSync(work, { recursive: true, force: true });
    await pagefind.close();
  }
}
