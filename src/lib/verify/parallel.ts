/**
 * Pages verified on every CPU. Parsing, checking and rendering pages is most of a large dossier's verification and
 * each page is independent once the sources are parsed: worker threads and the main thread take chunks of pages
 * from a shared counter, and the results go back in file order, so the dossier and the diagnostics are exactly those
 * of a run on one thread (tests/unit/verify-parallel.test.ts compares them). The pages' bytes and the sources'
 * offset maps go to the workers in shared memory: copying them into every worker's message took the main thread
 * ~0.5 s at 10,000 pages, during which the workers waited.
 */
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics.ts';
import type { Source } from '../sources/parse-source.ts';
import { memoryFile, type ContentFile } from './content-files.ts';
import type { PageOptions } from './options.ts';
import { verifyPageFile, type ProcessedPage } from './pages.ts';
import type { IndexEntry, SiteIndex } from './site-index.ts';

/** Pages go out in chunks of this many: each thread takes the next chunk when it is done with one. */
export const CHUNK = 16;

/**
 * The pages' contents for the workers: bytes in one block of shared memory (page `i` ends at `ends[i]`), a string
 * for a page made in memory, or the problem that kept a page from being read.
 */
export interface SharedContents {
  bytes: Uint8Array;
  ends: Uint32Array;
  strings: (string | null)[];
  problems: (Diagnostic | null)[];
}

/** What a worker is given: the site (file names, sources, assets), the pages, and the shared chunk counter. */
export interface WorkerInput {
  index: IndexEntry[];
  sources: Source[];
  assets: string[];
  pages: Omit<ContentFile, 'content'>[];
  contents: SharedContents;
  options: PageOptions;
  next: Int32Array;
}

/** A worker's answer: its chunks, each with the chunk's number. */
export type WorkerOutput = [chunk: number, pages: ProcessedPage[]][];

/** Read every page's content into shared memory (a page that cannot be read carries its problem instead). */
export function shareContents(pages: readonly ContentFile[]): SharedContents {
  const read = pages.map((f): Uint8Array | string | Diagnostic => {
    try {
      return f.content;
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      return {
        file: f.file,
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'unreadable-file',
        message: `File cannot be read (${reason})`,
        hint: 'Check that it is a plain file you can read.',
      };
    }
  });
  const ends = new Uint32Array(new SharedArrayBuffer(Uint32Array.BYTES_PER_ELEMENT * Math.max(1, pages.length)));
  let total = 0;
  read.forEach((r, i) => (ends[i] = total += r instanceof Uint8Array ? r.length : 0));
  const bytes = new Uint8Array(new SharedArrayBuffer(Math.max(1, total)));
  read.forEach((r, i) => r instanceof Uint8Array && bytes.set(r, i === 0 ? 0 : ends[i - 1]!));
  return {
    bytes,
    ends,
    strings: read.map((r) => (typeof r === 'string' ? r : null)),
    problems: read.map((r) => (r instanceof Uint8Array || typeof r === 'string' ? null : r)),
  };
}

/** Verify the `i`th of the shared pages. */
export function verifySharedPage(input: Pick<WorkerInput, 'pages' | 'contents' | 'options'>, i: number, site: SiteIndex): ProcessedPage {
  const { pages, contents, options } = input;
  const problem = contents.problems[i];
  if (problem) return { claims: [], mentions: [], diagnostics: [problem] };
  const start = i === 0 ? 0 : contents.ends[i - 1]!;
  const content = contents.strings[i] ?? contents.bytes.subarray(start, contents.ends[i]!);
  const page = pages[i]!;
  return verifyPageFile(memoryFile(page.file, page.collection, page.slug, content), site, options);
}

/** Process chunks of `count` pages, taking each chunk's number from `next`, until none is left. */
export function takeChunks(count: number, next: Int32Array, process: (from: number, to: number) => ProcessedPage[]): WorkerOutput {
  const done: WorkerOutput = [];
  for (let chunk = Atomics.add(next, 0, 1); chunk * CHUNK < count; chunk = Atomics.add(next, 0, 1))
    done.push([chunk, process(chunk * CHUNK, Math.min(count, (chunk + 1) * CHUNK))]);
  return done;
}

/** Move the sources' offset maps into one block of shared memory, so a worker's copy of a source shares them. */
export function shareMaps(sources: readonly Source[]): void {
  let total = 0;
  for (const { normalized } of sources) total += normalized.starts.length + normalized.ends.length;
  const shared = new Uint32Array(new SharedArrayBuffer(Uint32Array.BYTES_PER_ELEMENT * Math.max(1, total)));
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

/**
 * Verify `input.pages` on `workers` worker threads and this one. The workers were started before the sources were
 * parsed (they load the parser meanwhile); every thread takes chunks until none is left, so none waits on a slower share.
 */
export async function verifyInParallel(pool: PendingWorker[], input: WorkerInput, site: SiteIndex): Promise<ProcessedPage[]> {
  for (const worker of pool) worker.thread.postMessage(input);
  // Should this thread's chunks throw, the workers' rejections are still handled.
  const settled = Promise.allSettled(pool.map((worker) => worker.result));
  const chunks: ProcessedPage[][] = [];
  const mine = takeChunks(input.pages.length, input.next, (from, to) =>
    Array.from({ length: to - from }, (_, k) => verifySharedPage(input, from + k, site)),
  );
  for (const [chunk, pages] of mine) chunks[chunk] = pages;
  for (const result of await settled) {
    if (result.status === 'rejected') throw result.reason;
    for (const [chunk, pages] of result.value) chunks[chunk] = pages;
  }
  return chunks.flat();
}

/** A verification worker, loading the parser until it is given its input; `result` is its chunks. */
export interface PendingWorker {
  thread: Worker;
  result: Promise<WorkerOutput>;
}

/** Start a verification worker. */
export function startWorker(): PendingWorker {
  const thread = new Worker(new URL('./parallel-worker.ts', import.meta.url));
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
