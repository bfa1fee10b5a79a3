/** The whole dossier, verified once: list, parse the sources, verify the pages (in parallel when large), assemble. */
import type { Diagnostic } from '../diagnostics.ts';
import type { Dossier } from '../model.ts';
import { assembleDossier } from './assemble.ts';
import type { ContentFile } from './content-files.ts';
import { listContent } from './list-files.ts';
import { resolveOptions, workerCount, type ResolvedOptions, type VerifyOptions } from './options.ts';
import { shareContents, shareMaps, startWorker, verifyInParallel, type PendingWorker } from './parallel.ts';
import { verifyPageFile } from './pages.ts';
import { listAssets, siteIndexOf } from './site-index.ts';
import { readSources } from './sources.ts';

export interface Verified {
  dossier: Dossier;
  diagnostics: Diagnostic[];
  /** Worker threads that verified pages beside the main thread (0: the main thread alone). */
  workers?: number;
}

/** Verify the whole dossier under `options.contentDir`; errors never stop the run early: all are reported. */
export async function verifyDossier(options: VerifyOptions): Promise<Verified> {
  const opts = resolveOptions(options);
  const listing = listContent(opts.contentDir, opts.root);
  const verified = await verifyFiles(listing.files, opts);
  return { ...verified, diagnostics: [...listing.diagnostics, ...verified.diagnostics] };
}

/** Verify listed (or made) content files: the sources on this thread, the pages on `opts.workers` threads too. */
export async function verifyFiles(files: readonly ContentFile[], opts: ResolvedOptions): Promise<Verified> {
  const pageFiles = files.filter((f) => f.collection !== 'sources');
  const workers = workerCount(pageFiles.length, opts.workers);
  // Workers start first and load the parser while this thread parses the sources.
  const pool: PendingWorker[] = Array.from({ length: workers }, () => startWorker());
  try {
    const { sources, diagnostics } = readSources(files, opts);
    const assets = listAssets(opts.publicDir);
    const site = siteIndexOf(files, sources, assets);
    const history = opts.history ? { root: opts.root } : undefined;
    if (pool.length === 0)
      return {
        ...assembleDossier(
          sources,
          pageFiles.map((f) => verifyPageFile(f, site, opts)),
          diagnostics,
          history,
        ),
        workers: 0,
      };
    shareMaps([...sources.values()]);
    const processed = await verifyInParallel(
      pool,
      {
        index: files.map(({ collection, slug }) => ({ collection, slug })),
        sources: [...sources.values()],
        assets: [...assets],
        pages: pageFiles.map(({ file, collection, slug }) => ({ file, collection, slug })),
        contents: shareContents(pageFiles),
        options: { render: opts.render, base: opts.base, fastParsers: opts.fastParsers },
        next: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)),
      },
      site,
    );
    return { ...assembleDossier(sources, processed, diagnostics, history), workers };
  } catch (error) {
    for (const worker of pool) void worker.thread.terminate();
    throw error;
  }
}
