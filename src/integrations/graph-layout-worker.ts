/**
 * The worker thread that lays out the relationship graph during `npm run build` (see graph-layout-file.ts); the
 * build starts it with {@link startGraphLayout}.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import { layoutGraph } from '../lib/graph-layout.ts';
import type { GraphInput } from '../lib/views/graph-view.ts';
import { layoutKey, writeLayoutFile } from './graph-layout-file.ts';

/** Lay out `inputFile`'s graph in a worker thread and write it to `outFile`; never rejects. */
export function startGraphLayout(inputFile: string, outFile: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { graphLayout: { inputFile, outFile } } });
    let failed: string | undefined;
    worker.once('error', (error) => (failed = error.message));
    worker.once('exit', (code) => {
      if (failed !== undefined || code !== 0 || !existsSync(outFile))
        writeLayoutFile(outFile, { error: failed ?? `the layout worker exited with code ${code}` });
      resolve();
    });
  });
}

/** Lay out the graph of `inputFile` and write it to `outFile`: the worker's work. */
export function writeGraphLayout(inputFile: string, outFile: string): void {
  const input = JSON.parse(readFileSync(inputFile, 'utf8')) as GraphInput;
  writeLayoutFile(outFile, { key: layoutKey(input), layout: layoutGraph(input.nodes, input.edges) });
}

// Only in the worker started above (test runners run their own code in worker threads too).
const task = isMainThread ? undefined : (workerData as { graphLayout?: { inputFile: string; outFile: string } } | null)?.graphLayout;
if (task) writeGraphLayout(task.inputFile, task.outFile);
