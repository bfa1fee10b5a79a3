/**
 * The relationship graph laid out on a worker thread of the verification process: at 10,000 pages the force layout
 * takes ~2 s, which would otherwise come before the views are written and Astro can render.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { layoutGraph, type GraphLayout } from '../lib/graph-layout.ts';
import type { GraphInput } from '../lib/views/graph-view.ts';

/** Lay `input` out on a worker thread. */
export function layOutOnThread(input: GraphInput): Promise<GraphLayout> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { graphLayout: input } });
    let layout: GraphLayout | undefined;
    worker.once('message', (message: GraphLayout) => (layout = message));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      layout && code === 0 ? resolve(layout) : reject(new Error(`the layout worker exited with code ${code}`)),
    );
  });
}

// Only in the worker started above (test runners run their own code in worker threads too).
const input = isMainThread ? undefined : (workerData as { graphLayout?: GraphInput } | null)?.graphLayout;
if (input) parentPort!.postMessage(layoutGraph(input.nodes, input.edges));
