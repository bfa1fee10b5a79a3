/** `npm run check`: verify every content file without building pages. */
import { resolve } from 'node:path';
import { formatDiagnostics, formatGithubAnnotations } from '../src/lib/diagnostics.ts';
import { loadDossier } from '../src/lib/read-content.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const contentArg = args.find((a) => a.startsWith('--content='));
const root = resolve(process.env.BACKCHANNEL_ROOT ?? '.');
const started = performance.now();
const { dossier, diagnostics } = loadDossier(root, contentArg ? resolve(contentArg.slice('--content='.length)) : undefined);
const errors = diagnostics.filter((d) => d.severity === 'error');
if (json) {
  process.stdout.write(`${JSON.stringify({ ok: errors.length === 0, errors: errors.length, diagnostics }, null, 2)}\n`);
} else {
  if (diagnostics.length > 0) process.stderr.write(`${formatDiagnostics(diagnostics)}\n`);
  if (process.env.GITHUB_ACTIONS === 'true' && diagnostics.length > 0) process.stdout.write(`${formatGithubAnnotations(diagnostics)}\n`);
  const ms = Math.round(performance.now() - started);
  process.stderr.write(`checked ${dossier.sources.size} sources, ${dossier.pages.size} pages, ${dossier.claims.size} claims in ${ms} ms: ${errors.length === 0 ? 'ok' : `${errors.length} error(s)`}\n`);
}
process.exit(errors.length === 0 ? 0 : 1);
