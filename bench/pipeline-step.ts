/**
 * The part of `npm run build` before Astro, alone, for the scaling study: verify (loadDossierParallel, as the
 * build does), build the views, and hand them over — as the build did until the views file went line-by-line (one
 * JSON.stringify of everything) and as it does now (views-file.ts). Prints one JSON line with times, sizes and the V8 heap.
 *
 *   node bench/pipeline-step.ts --content .bench/corpus-50000
 */
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { loadDossierParallel } from '../src/lib/read-content.ts';
import { buildCollections } from '../src/lib/views/collections.ts';
import { writeViewsFile } from '../src/integrations/views-file.ts';

const args = process.argv.slice(2);
const i = args.indexOf('--content');
const content = resolve(i >= 0 ? args[i + 1]! : 'content');
const root = resolve(import.meta.dirname, '..');
const heapMiB = () => Math.round(process.memoryUsage().heapUsed / 2 ** 20);
const out: Record<string, unknown> = { content, heapLimitMiB: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20) };

let t = performance.now();
const { dossier, diagnostics } = await loadDossierParallel(root, content);
out.verifyMs = Math.round(performance.now() - t);
out.errors = diagnostics.filter((d) => d.severity === 'error').length;
out.pages = dossier.pages.size;
out.claims = dossier.claims.size;
out.heapAfterVerifyMiB = heapMiB();

t = performance.now();
const views = buildCollections(dossier);
out.viewsMs = Math.round(performance.now() - t);
out.heapAfterViewsMiB = heapMiB();

t = performance.now();
try {
  out.singleJsonChars = JSON.stringify(views).length;
  out.singleJson = 'ok';
} catch (error) {
  out.singleJson = `${(error as Error).name}: ${(error as Error).message}`;
}
out.singleJsonMs = Math.round(performance.now() - t);

const file = join(tmpdir(), `backchannel-pipeline-${process.pid}.ndjson`);
t = performance.now();
writeViewsFile(file, views);
out.viewsFileMs = Math.round(performance.now() - t);
out.viewsFileBytes = statSync(file).size;
rmSync(file, { force: true });
out.heapPeakishMiB = heapMiB();
process.stdout.write(`${JSON.stringify(out)}\n`);
