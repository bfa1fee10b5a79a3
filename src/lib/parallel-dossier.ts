/**
 * The dossier of `buildDossier`, with the pages processed on every CPU. Parsing, checking and rendering pages is
 * most of a large dossier's verification and each page is independent once the sources are parsed: worker threads take a share of
 * the pages each, the main thread takes one too, and the results are put together in file order, so the dossier
 * and the diagnostics are exactly those of the sequential run (tests/unit/parallel-dossier.test.ts compares them).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { assembleDossier, parseSources, processPages, siteIndexOf, type ContentFile } from './build-dossier.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { Dossier } from './model.ts';
import type { ProcessedPage, ProcessOptions } from './pages/process-page.ts';
import type { Source } from './sources/parse-source.ts';

/** Below this many pages, starting a worker (loading the parser again) costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;

/** What a worker is given: every file's name (for the site index), the parsed sources and its own pages. */
export interface WorkerInput {
  index: Pick<ContentFile, 'file' | 'collection' | 'slug'>[];
  sources: Source[];
  pages: Pick<ContentFile, 'file' | 'collection' | 'slug' | 'raw'>[];
  options: ProcessOptions;
}

/**
 * How many worker threads to use for `pages` pages: one per CPU beyond the main thread, none for a small dossier.
 * `BACKCHANNEL_WORKERS=n` overrides it (0: all on the main thread).
 */
export function workerCount(pages: number, env = process.env.BACKCHANNEL_WORKERS): number {
  if (env !== undefined && env.trim() !== '') {
    const n = Number(env);
    if (!Number.isInteger(n) || n < 0) throw new Error(`BACKCHANNEL_WORKERS must be a whole number ≥ 0, not "${env}"`);
    return Math.min(n, Math.max(pages - 1, 0));
  }
  return pages < PARALLEL_THRESHOLD ? 0 : Math.min(availableParallelism() - 1, 7);
}

/** Build the dossier from every content file, with `workers` worker threads (see {@link workerCount}). */
export async function buildDossierParallel(
  files: readonly ContentFile[],
  workers?: number,
  options: ProcessOptions = {},
): Promise<{ dossier: Dossier; diagnostics: Diagnostic[] }> {
  const { sources, diagnostics } = parseSources(files);
  const pageFiles = files.filter((f) => f.collection !== 'sources');
  workers ??= workerCount(pageFiles.length);
  const site = siteIndexOf(files, sources);
  if (workers <= 0 || pageFiles.length < 2) return assembleDossier(sources, processPages(pageFiles, site, options), diagnostics);

  // Contiguous shares keep file order; the main thread's share is the last.
  const shares = workers + 1;
  const size = Math.ceil(pageFiles.length / shares);
  const parts = Array.from({ length: shares }, (_, i) => pageFiles.slice(i * size, (i + 1) * size));
  const index = files.map(({ file, collection, slug }) => ({ file, collection, slug }));
  const sourceList = [...sources.values()];
  const jobs = parts.slice(0, -1).map((part) =>
    runWorker({
      index,
      sources: sourceList,
      pages: part.map(({ file, collection, slug, raw }) => ({ file, collection, slug, raw })),
      options,
    }),
  );
  // Should the main thread's share throw, the workers' rejections are still handled.
  const settled = Promise.allSettled(jobs);
  const mine = processPages(parts[parts.length - 1]!, site, options);
  const theirs = await settled;
  const processed: ProcessedPage[] = [];
  for (const result of theirs) {
    if (result.status === 'rejected') throw result.reason;
    processed.push(...result.value);
  }
  processed.push(...mine);
  return assembleDossier(sources, processed, diagnostics);
}

function runWorker(input: WorkerInput): Promise<ProcessedPage[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parallel-dossier-worker.ts', import.meta.url), { workerData: input });
    let result: ProcessedPage[] | undefined;
    worker.once('message', (message: ProcessedPage[]) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      result ? resolve(result) : reject(new Error(`a verification worker exited with code ${code} before it answered`)),
    );
  });
}
