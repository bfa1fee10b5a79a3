/**
 * Astro integration: index the built site with Pagefind's Node API and fail the build on any error. The pages go in
 * `/pagefind/`, the claims' records in an index of their own, `/pagefind-claims/`, which the search page merges
 * with the pages' (Pagefind's `mergeIndex`): the claims are known before any page is built, so `npm run build`
 * writes their index while Astro renders, and only the pages' index is left to write after Astro.
 */
import { join } from 'node:path';
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { CLAIMS_INDEX } from '../lib/search-types.ts';
import type { SearchRecord } from '../lib/views/claim-search.ts';

/** The collections whose every entry has a page at `/<collection>/<slug>/` with a search body. */
export const INDEXED_COLLECTIONS = ['discrepancies', 'episodes', 'people', 'sources'] as const;
export type IndexedCollection = (typeof INDEXED_COLLECTIONS)[number];

/**
 * The pages Pagefind reads, in batches added in this order: the pages whose layout marks a `data-pagefind-body`
 * (people, episodes, sources, discrepancies, prose pages like /about/, at any top-level path). Per-person and
 * per-source filter views, indexes and claim permalinks are left out of the crawl: at 10,000 content pages that is
 * 46,000 of 57,000 HTML files Pagefind would parse only to find nothing to index (or, for claims, whole source
 * paragraphs that the source pages already hold).
 *
 * Pagefind's index depends on the order pages are added, so the batches always go in this order, whether a batch is
 * added while Astro still builds ({@link SiteIndex.poll}) or after it.
 */
export const PAGE_BATCHES: readonly { glob: string; collection?: IndexedCollection }[] = [
  ...INDEXED_COLLECTIONS.map((collection) => ({ glob: `${collection}/*/index.html`, collection })),
  { glob: '{index.html,*/index.html}' },
];

export { CLAIMS_INDEX };

/**
 * The runtime Pagefind writes beside every index (its JS, CSS, UI and WebAssembly): a merged index is read by the
 * pages' runtime, so the claims' index keeps only its entry, metadata, index, filter and fragment files.
 */
const RUNTIME_FILE = /^(?:pagefind[\w.-]*\.(?:js|css)|wasm\.[\w-]+\.pagefind)$/;

/** The slugs of each indexed collection: the pages Astro will write, so Pagefind can read a collection once it has. */
export type ExpectedPages = Record<IndexedCollection, string[]>;

/** The site's Pagefind indexes: the claims' one written as soon as it is started, the pages' one waiting for Astro. */
export interface SiteIndex {
  /**
   * While Astro builds into `dir`: add the next batches of pages (in {@link PAGE_BATCHES} order) whose every page
   * is written, so Pagefind reads them while Astro renders the rest. Needs the expected pages. Resolves when this
   * poll's batches are added; never rejects (errors surface from `finish`).
   */
  poll(dir: string): Promise<void>;
  /**
   * Add the pages of `dir` not added yet, write `dir/pagefind/` and put the claims' index in `dir/pagefind-claims/`
   * (none without claims); how many HTML files Pagefind read, how many records it added, and how many of the files
   * it read while Astro was building.
   */
  finish(dir: string): Promise<{ files: number; records: number; early: number }>;
  /** Stop without writing the pages' index, once the claims' index is no longer being written (a failed build). */
  abandon(): Promise<void>;
}

/** Size and modification time of each file of a batch, to tell whether it changed after Pagefind read it. */
type Snapshot = Map<string, string>;

/** The pages of `collection` in `dir` now (those with an index.html), with their size and time. */
function snapshot(dir: string, collection: IndexedCollection): Snapshot {
  const files: Snapshot = new Map();
  const root = join(dir, collection);
  if (!existsSync(root)) return files;
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const file = join(root, entry.name, 'index.html');
    if (!existsSync(file)) continue;
    const { size, mtimeMs } = statSync(file);
    files.set(entry.name, `${size}:${mtimeMs}`);
  }
  return files;
}

const sameSnapshot = (a: Snapshot, b: Snapshot) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/** Whether `file` ends with its closing `</html>` tag: written whole, not half-way through a write. */
function written(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const { size } = fstatSync(fd);
    const tail = Buffer.alloc(Math.min(size, 64));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    return /<\/html>\s*$/i.test(tail.toString('latin1'));
  } finally {
    closeSync(fd);
  }
}

/**
 * The batch's pages when Astro has written every expected page of the collection, each whole, and nothing else in
 * it; undefined while it has not.
 */
function completeBatch(dir: string, collection: IndexedCollection, expected: readonly string[]): Snapshot | undefined {
  const root = join(dir, collection);
  for (let i = expected.length - 1; i >= 0; i--) if (!existsSync(join(root, expected[i]!, 'index.html'))) return undefined;
  if (!expected.every((slug) => written(join(root, slug, 'index.html')))) return undefined;
  // Taken once every page is whole (Astro writes each page once), so it never records a page half-way through a
  // write, which would look changed at the end and make Pagefind start again.
  const files = snapshot(dir, collection);
  if (files.size !== expected.length || !expected.every((slug) => files.has(slug))) return undefined;
  return files;
}

type Pagefind = typeof import('pagefind');
type Index = NonNullable<Awaited<ReturnType<Pagefind['createIndex']>>['index']>;

/** A new index holding `records`; the binding answers requests in order, so they go in a bounded window. */
async function indexWithRecords(pagefind: Pagefind, records: readonly SearchRecord[]): Promise<Index> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index || errors.length > 0) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const WINDOW = 256;
  for (let i = 0; i < records.length; i += WINDOW) {
    const results = await Promise.all(records.slice(i, i + WINDOW).map((r) => index.addCustomRecord(r)));
    const failed = results.flatMap((r) => r.errors);
    if (failed.length > 0) throw new Error(`Pagefind failed to index a claim: ${failed.join('; ')}`);
  }
  return index;
}

/** Write the claims' index to `path` (replacing what is there), without the runtime the pages' index carries. */
async function writeClaimsIndex(index: Index, path: string): Promise<void> {
  rmSync(path, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: path });
  if (written.errors.length > 0) throw new Error(`Pagefind failed to write the claims' index: ${written.errors.join('; ')}`);
  for (const file of readdirSync(path)) if (RUNTIME_FILE.test(file)) rmSync(join(path, file));
}

/** Add one batch of {@link PAGE_BATCHES}; how many pages Pagefind read. */
async function addBatch(index: Index, dir: string, glob: string): Promise<number> {
  const added = await index.addDirectory({ path: dir, glob });
  if (added.errors.length > 0) throw new Error(`Pagefind failed to index: ${added.errors.join('; ')}`);
  return added.page_count;
}

/**
 * Start Pagefind and index `records` at once in the claims' own index: they are known before any page is built.
 * Given `claimsAside` (a folder beside the site, as `npm run build` gives), that index is written there now, while
 * Astro renders, and moved into the site by `finish`. Given the `expected` pages, `poll` adds each collection's pages
 * to the pages' index once Astro has written them all. Errors surface from `finish`.
 */
export function startSiteIndex(records: SearchRecord[], expected?: ExpectedPages, claimsAside?: string): SiteIndex {
  const started = (async () => {
    const pagefind = await import('pagefind');
    try {
      const claims = records.length > 0 ? await indexWithRecords(pagefind, records) : undefined;
      const claimsWritten = claims && claimsAside ? writeClaimsIndex(claims, claimsAside) : undefined;
      claimsWritten?.catch(() => {}); // reported by finish()
      return { pagefind, index: await indexWithRecords(pagefind, []), claims, claimsWritten };
    } catch (error) {
      await pagefind.close();
      throw error;
    }
  })();
  started.catch(() => {}); // reported by finish()
  /** Batches added while Astro built, in order, with the pages as Pagefind read them. */
  const early: { collection: IndexedCollection; files: Snapshot; count: number }[] = [];
  let polling: Promise<void> | undefined;
  let failure: unknown;

  return {
    poll(dir) {
      if (!expected || failure !== undefined) return Promise.resolve();
      if (polling) return polling;
      polling = (async () => {
        for (let next = PAGE_BATCHES[early.length]; next?.collection; next = PAGE_BATCHES[early.length]) {
          const files = completeBatch(dir, next.collection, expected[next.collection] ?? []);
          if (!files) return;
          const { index } = await started;
          early.push({ collection: next.collection, files, count: await addBatch(index, dir, next.glob) });
        }
      })()
        .catch((error: unknown) => {
          failure = error;
        })
        .finally(() => {
          polling = undefined;
        });
      return polling;
    },
    async abandon() {
      const run = await started.catch(() => undefined);
      if (!run) return;
      await Promise.allSettled([polling, run.claimsWritten]);
      await run.pagefind.close();
    },
    async finish(dir) {
      await polling;
      const { pagefind, claims, claimsWritten } = await started;
      try {
        if (failure !== undefined) throw failure;
        let { index } = await started;
        const readEarly = early.reduce((sum, batch) => sum + batch.count, 0);
        let [files, from] = [readEarly, early.length];
        // A page read early that changed since (never seen: Astro writes each page once) would leave the index stale:
        // start again from the records, with every batch in the same order.
        const changed = early.find((batch) => !sameSnapshot(batch.files, snapshot(dir, batch.collection)));
        if (changed) {
          console.warn(`[backchannel-pagefind] a ${changed.collection} page changed after Pagefind read it: reading every page again`);
          await index.deleteIndex();
          index = await indexWithRecords(pagefind, []);
          [files, from] = [0, 0];
        }
        for (const batch of PAGE_BATCHES.slice(from)) files += await addBatch(index, dir, batch.glob);
        if (files === 0) throw new Error('Pagefind indexed no pages: is data-pagefind-body missing?');
        const claimsPath = join(dir, CLAIMS_INDEX);
        const [written] = await Promise.all([
          index.writeFiles({ outputPath: join(dir, 'pagefind') }),
          claimsWritten
            ? claimsWritten.then(() => {
                rmSync(claimsPath, { recursive: true, force: true });
                renameSync(claimsAside!, claimsPath);
              })
            : claims
              ? writeClaimsIndex(claims, claimsPath)
              : undefined,
        ]);
        if (written.errors.length > 0) throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
        return { files, records: records.length, early: from === 0 ? 0 : readEarly };
      } finally {
        await pagefind.close();
      }
    },
  };
}

/**
 * Run Pagefind over `dir` plus `records` and write `dir/pagefind/` and `dir/pagefind-claims/`; returns how many HTML
 * files it read and how many records it added. Throws with Pagefind's own messages on failure.
 */
export const indexSite = (dir: string, records: SearchRecord[] = []) => startSiteIndex(records).finish(dir);
