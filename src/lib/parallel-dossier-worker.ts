/** A verification worker (see parallel-dossier.ts): process chunks of the pages and post the results back. */
import { parentPort } from 'node:worker_threads';
import { processPages, siteIndexOf } from './build-dossier.ts';
import type { SourceSlug } from './model.ts';
import { takeChunks, type WorkerInput } from './parallel-dossier.ts';

parentPort!.once('message', ({ index, sources, pages, options, next }: WorkerInput) => {
  const site = siteIndexOf(index, new Map(sources.map((s) => [s.slug as SourceSlug, s])));
  parentPort!.postMessage(takeChunks(pages, next, (chunk) => processPages(chunk, site, options)));
});
