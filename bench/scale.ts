/**
 * The verification side at sizes too large to build: for each size, generate the corpus and measure
 * `npm run check` (scripts/check.ts) and the pre-Astro part of the build (bench/pipeline-step.ts) as child
 * processes — wall, CPU, peak RSS of the tree. Writes bench/scaling.json (or --out).
 *
 *   node bench/scale.ts --pages 10000,50000,100000 [--sources 500] [--keep]
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus, type CorpusStats } from './generate.ts';
import { measure } from './measure.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (opt('pages') ?? '10000,50000,100000').split(',').map(Number);
const sources = Number(opt('sources') ?? 500);
const outFile = resolve(root, opt('out') ?? 'bench/scaling.json');
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const results: unknown[] =
  existsSync(outFile) && args.includes('--append') ? (JSON.parse(readFileSync(outFile, 'utf8')) as { sizes: unknown[] }).sizes : [];

for (const pages of sizes) {
  const corpus = join(root, '.bench', `corpus-${pages}`);
  process.stderr.write(`== ${pages} pages: generating…\n`);
  const stats: CorpusStats = writeCorpus(corpus, { pages, sources, seed: 1 });
  const check = await measure(process.execPath, [join(root, 'scripts/check.ts'), `--content=${corpus}`], { cwd: root, env });
  const reported = /in (\d+) ms/.exec(check.stderr);
  process.stderr.write(
    `   check: exit ${check.code}, ${check.wallMs} ms wall, ${(check.peakRssBytes / 2 ** 30).toFixed(2)} GiB\n${check.code === 0 ? '' : check.stderr.slice(-1500)}`,
  );
  const step = await measure(process.execPath, [join(root, 'bench/pipeline-step.ts'), '--content', corpus], { cwd: root, env });
  const line = step.stdout.trim().split('\n').pop() ?? '';
  process.stderr.write(
    `   pipeline: exit ${step.code}, ${step.wallMs} ms wall, ${(step.peakRssBytes / 2 ** 30).toFixed(2)} GiB ${line}\n${step.code === 0 ? '' : step.stderr.slice(-1500)}`,
  );
  let pipeline: unknown = { error: step.stderr.slice(-1500) };
  try {
    pipeline = JSON.parse(line);
  } catch {
    // Crashed: keep stderr.
  }
  results.push({
    pages,
    corpus: stats,
    check: {
      exit: check.code,
      wallMs: check.wallMs,
      cpuMs: check.cpuMs,
      peakRssBytes: check.peakRssBytes,
      reportedMs: reported ? Number(reported[1]) : undefined,
      foreignCpuMs: check.foreignCpuMs,
    },
    pipeline: {
      exit: step.code,
      wallMs: step.wallMs,
      cpuMs: step.cpuMs,
      peakRssBytes: step.peakRssBytes,
      foreignCpuMs: step.foreignCpuMs,
      ...(pipeline as object),
    },
  });
  writeFileSync(outFile, `${JSON.stringify({ generatedAt: new Date().toISOString(), node: process.version, sizes: results }, null, 2)}\n`);
  if (!args.includes('--keep')) rmSync(corpus, { recursive: true, force: true });
}
