/**
 * `npm run review -- --base <ref>`: a Markdown report of what the working tree changes in the dossier against `<ref>`
 * (claims beside their cited passages, pages, coverage, origins, discrepancies, source texts, verification errors).
 * Options: `--out <file>` (write there instead of stdout), `--max <chars>` (cut the report at a section boundary),
 * `--comment <file>` (also write it cut to fit a pull-request comment, pointing to the CI run for the rest),
 * `--html <file>` (also write it as an HTML page, to read it without GitHub),
 * `--root <dir>` (the project, default `.`), `--content <dir>` (default `<root>/content`). Exits 0 when the report is
 * written, whatever it says; 2 when git cannot give the base.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GitError } from '../src/lib/verify/index.ts';
import { code, fitTo, reviewChanges } from '../src/lib/review/index.ts';
import { reportHtml } from '../src/lib/review/html.ts';
import { safeLine } from '../src/lib/log-safety.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const base = option('base');
if (!base) {
  process.stderr.write(
    'usage: npm run review -- --base <git ref> [--out <file>] [--max <chars>] [--comment <file>] [--html <file>] [--root <dir>] [--content <dir>]\n',
  );
  process.exit(2);
}
const root = resolve(option('root') ?? '.');
const contentArg = option('content');
const max = option('max');

try {
  const review = await reviewChanges({ root, base, contentDir: contentArg ? resolve(contentArg) : resolve(root, 'content') });
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: run } = process.env;
  const where =
    server && repository && run
      ? `[the job summary of the CI run](${server}/${repository}/actions/runs/${run})`
      : 'the job summary of the CI run';
  const note = `_The report was cut here: the whole report is in ${where}, or run ${code(`npm run review -- --base ${base}`)} locally._`;
  const markdown = `${max ? fitTo(review.markdown, Number(max), note) : review.markdown}\n`;
  const out = option('out');
  if (out) writeFileSync(out, markdown);
  else process.stdout.write(markdown);
  // GitHub takes at most 65,536 characters in a comment.
  const comment = option('comment');
  if (comment) writeFileSync(comment, `${fitTo(review.markdown, 60_000, note)}\n`);
  const html = option('html');
  if (html) writeFileSync(html, reportHtml(review.markdown, `Review against ${base}`));
  const { claims, sourceTexts, errors } = review.diff;
  const counts = `${claims.added.length} added, ${claims.removed.length} removed, ${claims.changed.length} changed`;
  const summary = `claims ${counts}; source texts changed: ${sourceTexts.length}; errors: ${errors.after}`;
  process.stderr.write(`${safeLine(`review against ${base} (${review.base.commit.slice(0, 12)}): ${summary}`)}\n`);
} catch (error) {
  if (!(error instanceof GitError)) throw error;
  process.stderr.write(`${safeLine(`review: ${error.message}`)}\n`);
  process.exit(2);
}
