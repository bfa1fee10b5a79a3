/** A verification worker (see parallel.ts): verify chunks of the pages and post the results back. */
import { parentPort } from 'node:worker_threads';
import type { SourceSlug } from '../model.ts';
import { takeChunks, verifySharedPage, type WorkerInput } from './parallel.ts';
import { siteIndexOf } from './site-index.ts';

parentPort!.once('message', (input: WorkerInput) => {
  const site = siteIndexOf(input.index, new Map(input.sources.map((s) => [s.slug as SourceSlug, s])), new Set(input.assets));
  const output = takeChunks(input.pages.length, input.next, (from, to) =>
    Array.from({ length: to - from }, (_, k) => verifySharedPage(input, from + k, site)),
  );
  parentPort!.postMessage(output);
});
