/**
 * The dossier of `buildDossier`, with the pages processed on every CPU. Parsing, checking and rendering pages is
 * most of a large dossier's verification and each page is independent once the sources are parsed: worker threads
 * and the main thread take chunks of pages from a shared counter, and the results are put together in file order,
 * so the dossier and the diagnostics are exactly those of the sequential run (tests/unit/parallel-dossier.test.ts
 * compares them). The pages' texts and the sources' offset maps go to the workers in shared memory: copying them
 * into every worker's message took the main thread ~0.5 s at 10,000 pages, during which the workers waited.
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

/** Pages go out in chunks of this many: each thread takes the next chunk when it is done with one. */
export const CHUNK = 16;

/**
 * What a worker is given: every file's name (for the site index), the parsed sources (their offset maps in shared
 * memory), every page and its text, and the shared counter from which each thread takes the next chunk of pages.
 */
export interface WorkerInput {
  index: Pick<ContentFile, 'file' | 'collection' | 'slug'>[];
  sources: Source[];
  pages: Pick<ContentFile, 'file' | 'collection' | 'slug'>[];
  texts: SharedTexts;
  options: ProcessOptions;
  next: Int32Array;
}

/**
 * Texts as UTF-8 in one block of shared memory, the end of each in `ends`; or the strings themselves when one of
 * them is not well-formed UTF-16 (a lone surrogate would not survive the round trip through UTF-8).
 */
export type SharedTexts = { bytes: Uint8Array; ends: Uint32Array } | { strings: readonly string[] };

export function shareTexts(texts: readonly string[]): SharedTexts {
  if (!texts.every((t) => t.isWellFormed())) return { strings: texts };
  const ends = new Uint32Array(new SharedArrayBuffer(Uint32Array.BYTES_PER_ELEMENT * texts.length));
  let total = 0;
  texts.forEach((text, i) => (ends[i] = total += Buffer.byteLength(text)));
  const bytes = Buffer.from(new SharedArrayBuffer(total));
  let at = 0;
  for (const text of texts) at += bytes.write(text, at);
  return { bytes, ends };
}

/** The `i`th of the shared texts. */
export function sharedText(texts: SharedTexts, i: number): string {
  if ('strings' in texts) return texts.strings[i]!;
  const start = i === 0 ? 0 : texts.ends[i - 1]!;
  return Buffer.from(texts.bytes.buffer, texts.bytes.byteOffset + start, texts.ends[i]! - start).toString('utf8');
}

/** Move the sources' offset maps into one block of shared memory, so a worker's copy of a source shares them. */
export function shareMaps(sources: readonly Source[]): void {
  let total = 0;
  for (const { normalized } of sources) total += normalized.starts.length + normalized.ends.length;
  const shared = new Uint32Array(new SharedArrayBuffer(Uint32Array.BYTES_PER_ELEMENT * total));
  let at = 0;
  const move = (map: Uint32Array): Uint32Array => {
    shared.set(map, at);
    at += map.length;
    return shared.subarray(at - map.length, at);
  };
  for (const { normalized } of sources) {
    normalized.starts = move(normalized.starts);
    normalized.ends = move(normalized.ends);
  }
}

/** A worker's answer: its chunks, each with the chunk's number. */
export type WorkerOutput = [chunk: number, pages: ProcessedPage[]][];

/** Process chunks of `pages`, taking each chunk's number from `next`, until none is left. */
export function takeChunks<T>(pages: readonly T[], next: Int32Array, process: (chunk: readonly T[]) => ProcessedPage[]): WorkerOutput {
  const done: WorkerOutput = [];
  for (let chunk = Atomics.add(next, 0, 1); chunk * CHUNK < pages.length; chunk = Atomics.add(next, 0, 1))
    done.push([chunk, process(pages.slice(chunk * CHUNK, (chunk + 1) * CHUNK))]);
  return done;
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

/**
 * Build the dossier from every content file, with `workers` worker threads (see {@link workerCount}). The workers
 * start first and load the parser while this thread parses the sources; then every thread, this one included, takes
 * chunks of pages until none is left, so none waits on a slower share.
 */
export async function buildDossierParallel(
  files: readonly ContentFile[],
  workers?: number,
  options: ProcessOptions = {},
): Promise<{ dossier: Dossier; diagnostics: Diagnostic[] }> {
  const pageFiles = files.filter((f) => f.collection !== 'sources');
  workers ??= workerCount(pageFiles.length);
  if (workers <= 0 || pageFiles.length < 2) {
    const { sources, diagnostics } = parseSources(files);
    return assembleDossier(sources, processPages(pageFiles, siteIndexOf(files, sources), options), diagnostics);
  }
  const pool = Array.from({ length: workers }, () => startWorker());
  // Should parsing the sources throw, the workers are told to stop.
  let site: ReturnType<typeof siteIndexOf>;
  let parsed: ReturnType<typeof parseSources>;
  try {
    parsed = parseSources(files);
    site = siteIndexOf(files, parsed.sources);
  } catch (error) {
    for (const worker of pool) void worker.thread.terminate();
    throw error;
  }
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const sources = [...parsed.sources.values()];
  shareMaps(sources);
  const input: WorkerInput = {
    index: files.map(({ file, collection, slug }) => ({ file, collection, slug })),
    sources,
    pages: pageFiles.map(({ file, collection, slug }) => ({ file, collection, slug })),
    texts: shareTexts(pageFiles.map((f) => f.raw)),
    options,
    next,
  };
  for (const worker of pool) worker.thread.postMessage(input);
  // Should this thread's chunks throw, the workers' rejections are still handled.
  const settled = Promise.allSettled(pool.map((worker) => worker.result));
  const chunks: ProcessedPage[][] = [];
  for (const [chunk, pages] of takeChunks(pageFiles, next, (part) => processPages(part, site, options))) chunks[chunk] = pages;
  for (const result of await settled) {
    if (result.status === 'rejected') throw result.reason;
    for (const [chunk, pages] of result.value) chunks[chunk] = pages;
  }
  return assembleDossier(parsed.sources, chunks.flat(), parsed.diagnostics);
}

/** A verification worker, loading the parser until it is given its input; `result` is its chunks. */
function startWorker(): { thread: Worker; result: Promise<WorkerOutput> } {
  const thread = new Worker(new URL('./parallel-dossier-worker.ts', import.meta.url));
  const result = new Promise<WorkerOutput>((resolve, reject) => {
    let output: WorkerOutput | undefined;
    thread.once('message', (message: WorkerOutput) => (output = message));
    thread.once('error', reject);
    thread.once('exit', (code) =>
      output ? resolve(output) : reject(new Error(`a verification worker exited with code ${code} before it answered`)),
    );
  });
  result.catch(() => {}); // handled by the caller, or moot once it has thrown
  return { thread, result };
}
