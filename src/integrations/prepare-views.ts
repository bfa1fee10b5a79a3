/**
 * Verify the content and write the views file in a child process. The verified graph of a large dossier takes
 * gigabytes (about 3 GB at 10,000 pages); in the build process it would stay resident while Astro and Pagefind
 * run, adding to the build's peak memory. The child exits once the views are on disk, returning all of it.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../lib/diagnostics.ts';
import { waitForHandOver } from './hand-over.ts';
import type { ExpectedPages } from './pagefind.ts';

export interface PreparedViews {
  diagnostics: Diagnostic[];
  counts: { pages: number; claims: number; sources: number };
  /** Milliseconds spent verifying, and building and writing the views (0 when verification failed). */
  phases: { verify: number; views: number };
}

/** `npm run build` starts Astro while the content is verified, and tells it so with this variable. */
export const VIEWS_PENDING = 'BACKCHANNEL_VIEWS_PENDING';

/**
 * Wait until `viewsFile` exists, when the build said it is being written (`BACKCHANNEL_VIEWS_PENDING=1`): Astro
 * starts while the content is verified and needs the views only at its content sync. Gives up if the build
 * process that would write it has gone (this process was handed to init).
 */
export async function waitForViewsFile(viewsFile: string, env = process.env): Promise<void> {
  if (env[VIEWS_PENDING] === '1' && !(await waitForHandOver(viewsFile)))
    throw new Error(`the build that was verifying the content has gone; no views in ${viewsFile}`);
}

interface Request {
  root: string;
  contentDir: string;
  viewsFile: string;
  /** Whether the claims' passages in context go aside (views-file.ts): Astro renders only a claim page template. */
  contextsAside: boolean;
}

/**
 * Verify `contentDir` and, when it has no errors, write its views to `viewsFile` (see views-file.ts), and beside it
 * the claims' search records and the pages Pagefind will read (see pagefind.ts), the claims' permalinks for the
 * sitemap (see stamp-claims.ts) and the graph's nodes and edges (see graph-layout-file.ts). The views file appears
 * last and whole (written aside, then renamed): an Astro build started meanwhile waits for it (see
 * {@link waitForViewsFile}).
 */
export function prepareViews(root: string, contentDir: string, viewsFile: string, contextsAside: boolean): Promise<PreparedViews> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: PreparedViews | undefined;
    child.once('message', (message) => (result = message as PreparedViews));
    child.once('error', reject);
    child.once('exit', (code) =>
      result && code === 0 ? resolve(result) : reject(new Error(`verification process exited with code ${code}`)),
    );
    child.send({ root, contentDir, viewsFile, contextsAside } satisfies Request);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  process.once('message', async (message) => {
    const { root, contentDir, viewsFile, contextsAside } = message as Request;
    const { loadDossierParallel } = await import('../lib/read-content.ts');
    const { buildCollections } = await import('../lib/views/collections.ts');
    const { claimContextsFile, writeViewsFile } = await import('./views-file.ts');
    const { claimSearchRecord } = await import('../lib/views/claim-search.ts');
    const { expectedPagesFile, INDEXED_COLLECTIONS, searchRecordsFile } = await import('./pagefind.ts');
    const { claimPagesFile } = await import('./stamp-claims.ts');
    const { graphInputFile } = await import('./graph-layout-file.ts');
    const { graphInput, inTimelineOrder } = await import('../lib/views/graph-view.ts');
    const { renameSync, writeFileSync } = await import('node:fs');
    let started = performance.now();
    const { dossier, diagnostics } = await loadDossierParallel(root, contentDir);
    const verify = Math.round(performance.now() - started);
    let views = 0;
    if (!diagnostics.some((d) => d.severity === 'error')) {
      started = performance.now();
      const collections = buildCollections(dossier);
      writeViewsFile(`${viewsFile}.partial`, collections, contextsAside ? claimContextsFile(viewsFile) : undefined);
      writeFileSync(searchRecordsFile(viewsFile), JSON.stringify(collections.claims.map((c) => claimSearchRecord(c))));
      writeFileSync(claimPagesFile(viewsFile), JSON.stringify(collections.claims.map((c) => `/claims/${c.id}/`)));
      const expected = Object.fromEntries(INDEXED_COLLECTIONS.map((c) => [c, collections[c].map((e) => e.slug)])) as ExpectedPages;
      writeFileSync(expectedPagesFile(viewsFile), JSON.stringify(expected));
      writeFileSync(graphInputFile(viewsFile), JSON.stringify(graphInput(collections.people, inTimelineOrder(collections.episodes))));
      renameSync(`${viewsFile}.partial`, viewsFile);
      views = Math.round(performance.now() - started);
    }
    const result: PreparedViews = {
      diagnostics,
      counts: { pages: dossier.pages.size, claims: dossier.claims.size, sources: dossier.sources.size },
      phases: { verify, views },
    };
    process.send!(result, () => process.disconnect());
  });
}
