/** A verification worker (see parallel-dossier.ts): process chunks of the pages and post the results back. */
import { parentPort } from 'node:worker_threads';
import { processPages, siteIndexOf } from './build-dossier.ts';
import type { SourceSlug } from './model.ts';
import { sharedText, takeChunks, type WorkerInput } from './parallel-dossier.ts';

parentPort!.once('message', ({ index, sources, pages, texts, options, next }: WorkerInput) => {
  const site = siteIndexOf(index, new Map(sources.map((s) => [s.slug as SourceSlug, s])));
  const numbered = pages.map((page, i) => ({ page, i }));
  const process = (chunk: readonly (typeof numbered)[number][]) =>
    processPages(
      chunk.map(({ page, i }) => ({ ...page, raw: sharedText(texts, i) })),
      site,
      options,
    );
  parentPort!.postMessage(takeChunks(numbered, next, process));
});
