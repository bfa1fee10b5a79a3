/**
 * Verify the content and write the views in a child process. The verified graph of a large dossier takes gigabytes
 * (about 3 GB at 10,000 pages); in Astro's process it would stay resident while Astro renders and Pagefind indexes.
 * The child writes the views to a folder (view-store.ts) and exits, returning all of that memory, while Astro starts
 * up and bundles the pages.
 */
import { fork } from 'node:child_process';
import { getCompileCacheDir } from 'node:module';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../lib/diagnostics.ts';

/** What the build asks of the child. */
export interface VerifyRequest {
  root: string;
  contentDir: string;
  /** The folder the views go to. */
  viewsDir: string;
  /** The path the site is served under (`/`, `/dossier/`): the views' links carry it. */
  base: string;
}

/** What the child answers. */
export interface VerifyResult {
  diagnostics: Diagnostic[];
  counts: { pages: number; claims: number; sources: number };
  /** Milliseconds spent verifying, and building and writing the views (0 when verification failed). */
  phases: { verify: number; views: number };
}

/** Collections the child writes besides the views: the claims' search records and the laid-out graph. */
export const SEARCH_COLLECTION = 'search';
export const GRAPH_COLLECTION = 'graph';

/**
 * The child's heap limit: half the machine's memory, at least V8's usual 4 GiB. The verified graph of a 50,000-page
 * dossier comes near V8's default limit, where it collects garbage again and again (bench/notes.md). The child exits
 * before Astro's memory peaks, so the two never need it at once.
 */
const heapFlag = () => `--max-old-space-size=${Math.max(4096, Math.floor(totalmem() / 2 ** 20 / 2))}`;

/**
 * The child's young generation: 32 MB semi-spaces instead of V8's default. Verification allocates short-lived strings
 * and arrays by the gigabyte; with the larger space fewer of them survive into the old generation, and the process
 * takes a quarter fewer page faults. `npm run check` at 1k pages took 0.5 s less with it (bench/notes.md).
 */
const YOUNG_FLAG = '--max-semi-space-size=32';

/** Node's flags for the child: Astro's own, with the heap limit above and, unless Astro's has one, that young generation. */
function childFlags(): string[] {
  const own = process.execArgv.filter((flag) => !flag.startsWith('--max-old-space-size'));
  return [...own, heapFlag(), ...(own.some((flag) => flag.startsWith('--max-semi-space-size')) ? [] : [YOUNG_FLAG])];
}

/**
 * The child's environment. Astro's command turns Node's compile cache on for its own process (not in CI); a child
 * does not inherit it, and without it the child and its worker threads type-strip and compile every module of the
 * verifier again on every build. `NODE_COMPILE_CACHE` gives the child the same cache, and only when Astro's process
 * has one (https://nodejs.org/api/module.html#module-compile-cache).
 */
function childEnv(): NodeJS.ProcessEnv {
  const cache = getCompileCacheDir();
  return cache ? { ...process.env, NODE_COMPILE_CACHE: cache } : process.env;
}

/** Verify in a child process; resolves with its diagnostics (the views are written only when there is no error). */
export function verifyInChild(request: VerifyRequest): Promise<VerifyResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: childEnv(),
      execArgv: childFlags(),
    });
    let result: VerifyResult | undefined;
    child.once('message', (message) => (result = message as VerifyResult));
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      result && code === 0 ? resolve(result) : reject(new Error(`the verification process exited with ${signal ?? `code ${code}`}`)),
    );
    child.send(request);
  });
}

/** The child's work: verify, derive the views once, write them. */
async function verifyAndWrite({ root, contentDir, viewsDir, base }: VerifyRequest): Promise<VerifyResult> {
  const { verifyDossier } = await import('../lib/verify/index.ts');
  const { writeDossierViews } = await import('../lib/views/write-views.ts');
  const { layOutOnThread } = await import('./layout-thread.ts');
  let started = performance.now();
  const { dossier, diagnostics } = await verifyDossier({ root, contentDir, base });
  const verify = Math.round(performance.now() - started);
  let views = 0;
  if (!diagnostics.some((d) => d.severity === 'error')) {
    started = performance.now();
    await writeDossierViews(dossier, viewsDir, { base, layout: layOutOnThread });
    views = Math.round(performance.now() - started);
  }
  return {
    diagnostics,
    counts: { pages: dossier.pages.size, claims: dossier.claims.size, sources: dossier.sources.size },
    phases: { verify, views },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  process.once('message', (request) => {
    void verifyAndWrite(request as VerifyRequest).then(
      (result) => process.send!(result, () => process.disconnect()),
      (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exit(1);
      },
    );
  });
}
