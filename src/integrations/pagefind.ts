/** Astro integration: index the built site with Pagefind's Node API and fail the build on any error. */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
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

/** Where `npm run build` leaves the claims' search records for Pagefind (beside the views file). */
export const searchRecordsFile = (viewsFile: string) => `${viewsFile}.search.json`;

/** Read the records written with {@link searchRecordsFile}. */
export const readSearchRecords = (path: string): SearchRecord[] => JSON.parse(readFileSync(path, 'utf8')) as SearchRecord[];

/** The slugs of each indexed collection: the pages Astro will write, so Pagefind can read a collection once it has. */
export type ExpectedPages = Record<IndexedCollection, string[]>;

/** Where `npm run build` leaves the {@link ExpectedPages} (beside the views file). */
export const expectedPagesFile = (viewsFile: string) => `${viewsFile}.indexed-pages.json`;

/** Records handed over within one process (`astro build` without `npm run build`): set by the dossier loader. */
const RECORDS = Symbol.for('backchannel.searchRecords');
export const shareSearchRecords = (records: SearchRecord[]) => ((globalThis as Record<symbol, unknown>)[RECORDS] = records);
const sharedSearchRecords = () => ((globalThis as Record<symbol, unknown>)[RECORDS] as SearchRecord[] | undefined) ?? [];

/** A Pagefind index that was given the claims' records first and is waiting for the built pages. */
export interface SiteIndex {
  /**
   * While Astro builds into `dir`: add the next batches of pages (in {@link PAGE_BATCHES} order) whose every page
   * is written, so Pagefind reads them while Astro renders the rest, and once all are read, write the index. Needs
   * the expected pages, and for the last batch the `topLevel` pages (paths in `dir`, see page-order.ts). Resolves
   * when this poll's batches are added (and the index written, if it wrote it); never rejects (errors surface from
   * `finish`).
   */
  poll(dir: string, topLevel?: readonly string[]): Promise<void>;
  /**
   * Add the pages of `dir` not added yet and write `dir/pagefind/` (unless that was done while Astro built and no
   * page changed since); how many HTML files Pagefind read, how many records it added, and how many of the files it
   * read while Astro was building.
   */
  finish(dir: string): Promise<{ files: number; records: number; early: number }>;
}

/** Size and modification time of each page of a batch, by path, to tell whether it changed after Pagefind read it. */
type Snapshot = Map<string, string>;
type Batch = (typeof PAGE_BATCHES)[number];

/** The pages of `batch` in `dir` now, with their size and time. */
function snapshot(dir: string, batch: Batch): Snapshot {
  const files: Snapshot = new Map();
  const add = (path: string) => {
    const file = join(dir, path);
    if (!existsSync(file)) return;
    const { size, mtimeMs } = statSync(file);
    files.set(path, `${size}:${mtimeMs}`);
  };
  const root = batch.collection ? join(dir, batch.collection) : dir;
  if (!batch.collection) add('index.html');
  if (!existsSync(root)) return files;
  for (const entry of readdirSync(root, { withFileTypes: true }))
    if (entry.isDirectory()) add(batch.collection ? `${batch.collection}/${entry.name}/index.html` : `${entry.name}/index.html`);
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
 * The batch's pages when Astro has written every `expected` page (paths in `dir`), each whole, and no other page of
 * the batch; undefined while it has not.
 */
function completeBatch(dir: string, batch: Batch, expected: readonly string[]): Snapshot | undefined {
  for (let i = expected.length - 1; i >= 0; i--) if (!existsSync(join(dir, expected[i]!))) return undefined;
  const files = snapshot(dir, batch);
  if (files.size !== expected.length || !expected.every((path) => files.has(path))) return undefined;
  if (!expected.every((path) => written(join(dir, path)))) return undefined;
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

/** Add one batch of {@link PAGE_BATCHES}; how many pages Pagefind read. */
async function addBatch(index: Index, dir: string, glob: string): Promise<number> {
  const added = await index.addDirectory({ path: dir, glob });
  if (added.errors.length > 0) throw new Error(`Pagefind failed to index: ${added.errors.join('; ')}`);
  return added.page_count;
}

/** Write the index to `dir/pagefind/`. */
async function writeIndex(index: Index, dir: string): Promise<void> {
  const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
}

/**
 * Start Pagefind and add `records` at once: they are known before any page is built, so `npm run build` adds them
 * while Astro renders (at 10,000 pages, 40,000 records take Pagefind ~15 s). Given the `expected` pages, `poll` adds
 * each batch of pages once Astro has written it all, and writes the index once all are read. Errors surface from
 * `finish`.
 */
export function startSiteIndex(records: SearchRecord[], expected?: ExpectedPages): SiteIndex {
  const started = (async () => {
    const pagefind = await import('pagefind');
    try {
      return { pagefind, index: await indexWithRecords(pagefind, records) };
    } catch (error) {
      await pagefind.close();
      throw error;
    }
  })();
  started.catch(() => {}); // reported by finish()
  /** Batches added while Astro built, in order, with the pages as Pagefind read them. */
  const early: { batch: Batch; files: Snapshot; count: number }[] = [];
  /** The index being written once every batch was read early. */
  let writing: Promise<void> | undefined;
  let polling: Promise<void> | undefined;
  let failure: unknown;
  const expectedOf = (batch: Batch, topLevel?: readonly string[]) =>
    batch.collection ? (expected?.[batch.collection] ?? []).map((slug) => `${batch.collection}/${slug}/index.html`) : topLevel;

  return {
    poll(dir, topLevel) {
      if (!expected || failure !== undefined || writing) return Promise.resolve();
      if (polling) return polling;
      polling = (async () => {
        for (let next = PAGE_BATCHES[early.length]; next; next = PAGE_BATCHES[early.length]) {
          const pages = expectedOf(next, topLevel);
          const files = pages && completeBatch(dir, next, pages);
          if (!files) return;
          const { index } = await started;
          early.push({ batch: next, files, count: await addBatch(index, dir, next.glob) });
        }
        const { index } = await started;
        writing = writeIndex(index, dir);
        await writing;
      })()
        .catch((error: unknown) => {
          failure = error;
        })
        .finally(() => {
          polling = undefined;
        });
      return polling;
    },
    async finish(dir) {
      await polling;
      const { pagefind } = await started;
      try {
        if (failure !== undefined) throw failure;
        let { index } = await started;
        const readEarly = early.reduce((sum, batch) => sum + batch.count, 0);
        let [files, from] = [readEarly, early.length];
        // A page read early that changed since (never seen: Astro writes each page once) would leave the index stale:
        // start again from the records, with every batch in the same order.
        if (early.some(({ batch, files }) => !sameSnapshot(files, snapshot(dir, batch)))) {
          await writing?.catch(() => {});
          writing = undefined;
          rmSync(join(dir, 'pagefind'), { recursive: true, force: true });
          await index.deleteIndex();
          index = await indexWithRecords(pagefind, records);
          [files, from] = [0, 0];
        }
        for (const batch of PAGE_BATCHES.slice(from)) files += await addBatch(index, dir, batch.glob);
        if (files === 0) throw new Error('Pagefind indexed no pages: is data-pagefind-body missing?');
        await (writing ?? writeIndex(index, dir));
        return { files, records: records.length, early: from === 0 ? 0 : readEarly };
      } finally {
        await pagefind.close();
      }
    },
  };
}

/**
 * Run Pagefind over `dir` plus `records` and write `dir/pagefind/`; returns how many HTML files it read and how
 * many records it added. Throws with Pagefind's own messages on failure.
 */
export const indexSite = (dir: string, records: SearchRecord[] = []) => startSiteIndex(records).finish(dir);
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'backchannel-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // scripts/build.ts indexes the site itself once the Astro process has exited: Pagefind then does not run
        // beside Astro's rendering memory (at 10k pages ~7 GB each, so the peak was their sum).
        if (process.env.BACKCHANNEL_PAGEFIND === 'after-astro') return;
        const started = performance.now();
        const { files, records } = await indexSite(fileURLToPath(dir), sharedSearchRecords());
        logger.info(`read ${files} pages and ${records} claims in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
