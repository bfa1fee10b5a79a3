/** A verification worker (see parallel-dossier.ts): process its share of the pages and post the results back. */
import { parentPort, workerData } from 'node:worker_threads';
import { processPages, siteIndexOf } from './build-dossier.ts';
import type { SourceSlug } from './model.ts';
import type { WorkerInput } from './parallel-dossier.ts';

const { index, sources, pages, options } = workerData as WorkerInput;
const site = siteIndexOf(index, new Map(sources.map((s) => [s.slug as SourceSlug, s])));
parentPort!.postMessage(processPages(pages, site, options));
