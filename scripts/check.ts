/**
 * `npm run check`: verify every content file without building pages.
 * `npm run check -- --changed [--since <ref>]`: verify only the pages a branch changed (and pages that cite a changed
 * source), against all sources and slugs. Options: `--json`, `--root <dir>` (the project, default `.`),
 * `--content <dir>` (default `<root>/content`), `--workers <n>`. `--base <ref>` is the old name of `--since`.
 * `--summary <file>` also appends a Markdown table of every diagnostic to `<file>` (CI passes `$GITHUB_STEP_SUMMARY`).
 */
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '../src/lib/diagnostics.ts';
import type { ChangedFiles } from '../src/lib/verify/changed-files.ts';

// Started by scripts/check.mjs, which turns Node's compile cache on first. The verifier loads by dynamic import,
// after git has been asked what changed (below).
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const root = resolve(option('root') ?? '.');
const contentArg = option('content');
const contentDir = contentArg ? resolve(contentArg) : resolve(root, 'content');
const since = option('since') ?? option('base');
// --changed asks git first: git reads the work tree while Node loads the verifier.
const asked = args.includes('--changed')
  ? import('../src/lib/verify/changed-files.ts').then(({ askGit }) => askGit(root, contentDir, since))
  : undefined;
// Settled here so that a rejection waits for the verifier's GitError handling below.
asked?.catch(() => undefined);
const [{ GitError, verifyChanged, verifyDossier }, { formatDiagnostics, formatGithubAnnotations, formatJsonReport }, { safeLine }] =
  await Promise.all([import('../src/lib/verify/index.ts'), import('../src/lib/report-format.ts'), import('../src/lib/log-safety.ts')]);

const json = args.includes('--json');
const workersArg = option('workers');
const workers = workersArg === undefined ? undefined : Number(workersArg);
if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) {
  process.stderr.write(
    `${safeLine(`check: --workers takes a whole number ≥ 0 (0: the main thread only), not ${JSON.stringify(workersArg)}`)}\n`,
  );
  process.exit(2);
}
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

interface Run {
  diagnostics: Diagnostic[];
  summary: string;
  notes: string[];
  changed?: { base: string; since: string; files: string[]; deleted: string[]; checked: string[] };
}

async function fullCheck(): Promise<Run> {
  // The check needs the verdict, not the pages' HTML: rendering is left to the build.
  const { dossier, diagnostics } = await verifyDossier({ root, contentDir, render: false, ...(workers !== undefined ? { workers } : {}) });
  return {
    diagnostics,
    notes: [],
    summary: `checked ${dossier.sources.size} sources, ${dossier.pages.size} pages, ${dossier.claims.size} claims`,
  };
}

async function changedCheck(asked: Promise<ChangedFiles>): Promise<Run> {
  let run: Awaited<ReturnType<typeof verifyChanged>>;
  try {
    run = await verifyChanged({ root, contentDir, asked, ...(since ? { since } : {}) });
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    process.stderr.write(`${safeLine(`check --changed: ${error.message}`)}\n`);
    process.exit(2);
  }
  const extra = run.checked.filter((p) => !run.changed.includes(p)).length;
  return {
    diagnostics: run.diagnostics,
    notes: run.notes,
    summary: `checked ${plural(run.changed.length + run.deleted.length, 'changed content file')} against ${run.ref}: ${plural(run.checked.length, 'page')}${extra > 0 ? ` (${extra} because a source or page they name changed)` : ''}, ${plural(run.claims, 'claim')}, ${plural(run.sources, 'source')} parsed`,
    changed: { base: run.ref, since: run.mergeBase, files: run.changed, deleted: run.deleted, checked: run.checked },
  };
}

const run = asked ? await changedCheck(asked) : await fullCheck();
const errors = run.diagnostics.filter((d) => d.severity === 'error');
if (json) {
  const report = {
    ok: errors.length === 0,
    errors: errors.length,
    diagnostics: run.diagnostics,
    ...(run.changed ? { changed: run.changed, notes: run.notes } : {}),
  };
  process.stdout.write(`${formatJsonReport(report)}\n`);
} else {
  if (run.diagnostics.length > 0) process.stderr.write(`${formatDiagnostics(run.diagnostics)}\n`);
  if (process.env.GITHUB_ACTIONS === 'true' && run.diagnostics.length > 0)
    process.stdout.write(`${formatGithubAnnotations(run.diagnostics)}\n`);
  // performance.now() counts from process start: the time printed includes Node start-up and module loading.
  const ms = Math.round(performance.now());
  process.stderr.write(`${safeLine(`${run.summary} in ${ms} ms: ${errors.length === 0 ? 'ok' : `${errors.length} error(s)`}`)}\n`);
  for (const note of run.notes) process.stderr.write(`${safeLine(`note: ${note}`)}\n`);
}
const summaryFile = option('summary');
if (summaryFile) {
  // A job summary shows every error, where a step's annotations stop at ten.
  const { checkSummary } = await import('../src/lib/review/diagnostics-table.ts');
  const verdict = `${run.summary}: ${errors.length === 0 ? 'ok' : `${errors.length} error(s)`}`;
  appendFileSync(summaryFile, `${checkSummary(run.diagnostics, verdict)}\n`);
}
process.exit(errors.length === 0 ? 0 : 1);
