/**
 * `npm run check`: verify every content file without building pages.
 * `npm run check -- --changed [--base <ref>]`: verify only the pages a branch changed (and pages that cite
 * a changed source), against all sources and slugs. Options: `--json`, `--content=<dir>`.
 */
import { enableCompileCache } from 'node:module';
import { relative, resolve } from 'node:path';
import type { ChangedFiles } from '../src/lib/changed-files.ts';
import type { Diagnostic } from '../src/lib/diagnostics.ts';

// Node's compile cache keeps the type-stripped, compiled modules between runs (a sixth of a --changed run).
// It must be on before the pipeline's modules load, hence the dynamic imports below.
enableCompileCache();
const [
  { changedFiles, GitError },
  { affectedPages, checkSubset },
  { formatDiagnostics, formatGithubAnnotations },
  { listContent },
  { loadDossierParallel, readContent },
] = await Promise.all([
  import('../src/lib/changed-files.ts'),
  import('../src/lib/check-subset.ts'),
  import('../src/lib/diagnostics.ts'),
  import('../src/lib/list-content.ts'),
  import('../src/lib/read-content.ts'),
]);

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const json = args.includes('--json');
const root = resolve(process.env.BACKCHANNEL_ROOT ?? '.');
const contentArg = option('content');
const contentDir = contentArg ? resolve(contentArg) : resolve(root, 'content');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

interface Run {
  diagnostics: Diagnostic[];
  summary: string;
  notes: string[];
  changed?: { base: string; since: string; files: string[]; deleted: string[]; checked: string[] };
}

async function fullCheck(): Promise<Run> {
  // The check needs the verdict, not the pages' HTML: rendering is left to the build.
  const { dossier, diagnostics } = await loadDossierParallel(root, contentDir, undefined, { render: false });
  return {
    diagnostics,
    notes: [],
    summary: `checked ${dossier.sources.size} sources, ${dossier.pages.size} pages, ${dossier.claims.size} claims`,
  };
}

function changedCheck(): Run {
  let info: ChangedFiles;
  const contentRel = relative(root, contentDir).split('\\').join('/');
  try {
    info = changedFiles(root, { ...(option('base') ? { base: option('base')! } : {}), untrackedUnder: contentRel });
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    process.stderr.write(`check --changed: ${error.message}\n`);
    process.exit(2);
  }
  const inContent = (p: string) => p.startsWith(`${contentRel}/`);
  const changed = new Set(info.changed.filter(inContent));
  const deleted = info.deleted.filter(inContent);
  const notes = ['--changed skips cross-file duplicate-id checks; CI runs the full check.'];
  if (info.changed.some((p) => p.startsWith('src/lib/')))
    notes.push('src/lib/ changed: the checker itself changed, so run the full `npm run check`.');
  const read = listContent(contentDir, root);
  // Naming problems belong to the changed file, or to its unchanged twin when a new file reuses a slug.
  const relevant = (d: Diagnostic) =>
    changed.has(d.file) || (d.rule === 'duplicate-slug' && [...changed].some((p) => d.message.endsWith(` ${p}`)));
  const listed = new Set(read.files.map((f) => f.file));
  const unlisted = [...changed].some((p) => !listed.has(p) && !/(^|\/)(\.[^/]*|README\.md)$/.test(p));
  // The full listing (which reads every file) is the authority on file names and places; pay for it only
  // when a changed file has a naming problem or lies outside the collections.
  const naming = unlisted || read.diagnostics.some(relevant) ? readContent(contentDir, root).diagnostics.filter(relevant) : [];
  const focus = affectedPages(read.files, changed, deleted);
  const changedSources = read.files.filter((f) => f.collection === 'sources' && changed.has(f.file)).map((f) => f.slug);
  const result = checkSubset(read.files, focus, changedSources);
  const extra = result.pages.filter((p) => !changed.has(p)).length;
  return {
    diagnostics: [...naming, ...result.diagnostics],
    notes,
    summary: `checked ${plural(changed.size + deleted.length, 'changed content file')} against ${info.base}: ${plural(result.pages.length, 'page')}${extra > 0 ? ` (${extra} because a source or page they name changed)` : ''}, ${plural(result.claims, 'claim')}, ${plural(result.sources, 'source')} parsed`,
    changed: { base: info.base, since: info.since, files: [...changed], deleted, checked: result.pages },
  };
}

const run = args.includes('--changed') ? changedCheck() : await fullCheck();
const errors = run.diagnostics.filter((d) => d.severity === 'error');
if (json) {
  process.stdout.write(
    `${JSON.stringify({ ok: errors.length === 0, errors: errors.length, diagnostics: run.diagnostics, ...(run.changed ? { changed: run.changed, notes: run.notes } : {}) }, null, 2)}\n`,
  );
} else {
  if (run.diagnostics.length > 0) process.stderr.write(`${formatDiagnostics(run.diagnostics)}\n`);
  if (process.env.GITHUB_ACTIONS === 'true' && run.diagnostics.length > 0)
    process.stdout.write(`${formatGithubAnnotations(run.diagnostics)}\n`);
  // performance.now() counts from process start: the time printed includes Node start-up and module loading.
  const ms = Math.round(performance.now());
  process.stderr.write(`${run.summary} in ${ms} ms: ${errors.length === 0 ? 'ok' : `${errors.length} error(s)`}\n`);
  for (const note of run.notes) process.stderr.write(`note: ${note}\n`);
}
process.exit(errors.length === 0 ? 0 : 1);
