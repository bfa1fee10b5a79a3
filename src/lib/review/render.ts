/** The review report as Markdown: every claim changed beside the source passages it cites, then what else changed. */
import type { Diagnostic } from '../diagnostics.ts';
import type { ClaimChange, ReviewDiff, SourceTextChange } from './compare.ts';
import { diagnosticsTable } from './diagnostics-table.ts';
import { code, fenced, finish, md, table } from './markdown.ts';
import type { ReviewBase } from './git-tree.ts';
import type { CitationState, ClaimState, DiscrepancyState } from './snapshot.ts';

/** The first line of every report: how CI finds its own comment on a pull request to update it. */
export const REPORT_MARKER = '<!-- backchannel-review -->';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** Lines of a source edit shown before the rest is summed up. */
const MAX_LINES = 40;

/**
 * One citation: where it is, then the passage with the quoted words marked and a sentence either side (`<b>`, since
 * `**` does not open or close beside some punctuation).
 */
function citation(c: CitationState, mark = ''): string[] {
  const { before, match, after } = c.passage;
  const stance = c.stance === 'supports' ? '' : ` · ${c.stance}`;
  return [
    `- ${mark}${md(c.sourceTitle)} (${code(c.source)}, ¶ ${code(c.paragraph)}${stance})`,
    `  > ${md(before)}<b>${md(match)}</b>${md(after)}`,
  ];
}

function claimLines(c: ClaimState): string[] {
  const who = [c.about.length > 0 ? `about ${c.about.map(code).join(', ')}` : '', c.speaker ? `speaker ${code(c.speaker)}` : '']
    .filter(Boolean)
    .join(' · ');
  return [
    `#### ${code(c.id)} · ${code(c.status)}`,
    `${md(c.pageTitle)} — ${code(c.file)}:${c.line}${who ? ` · ${who}` : ''} · ${plural(c.origins.length, 'independent origin')}`,
    '',
    `> ${md(c.text)}`,
    '',
  ];
}

function addedClaim(c: ClaimState): string[] {
  return [...claimLines(c), ...c.citations.flatMap((x) => citation(x)), ''];
}

function changedClaim(change: ClaimChange): string[] {
  const { before, after } = change;
  const lines = claimLines(after);
  const set = (list: string[]) => (list.length > 0 ? list.map(code).join(', ') : 'none');
  if (change.fields.includes('status')) lines.push(`- **Status:** ${code(before.status)} → ${code(after.status)}`);
  if (change.fields.includes('text')) lines.push(`- **Text** was:`, `  > ${md(before.text)}`);
  if (change.fields.includes('about')) lines.push(`- **About:** ${set(before.about)} → ${set(after.about)}`);
  if (change.fields.includes('speaker')) lines.push(`- **Speaker:** ${code(before.speaker ?? 'none')} → ${code(after.speaker ?? 'none')}`);
  if (change.fields.includes('page')) lines.push(`- **Moved** from ${code(before.file)}`);
  if (change.fields.includes('origins')) lines.push(`- **Independent origins:** ${before.origins.length} → ${after.origins.length}`);
  if (change.citationsRemoved.length > 0)
    lines.push(`- **Citations removed:**`, ...change.citationsRemoved.flatMap((c) => citation(c).map((l) => `  ${l}`)));
  const added = new Set(change.citationsAdded);
  lines.push(
    `- **Citations now:**`,
    ...after.citations.flatMap((c) => citation(c, added.has(c) ? '**new:** ' : '').map((l) => `  ${l}`)),
    '',
  );
  return lines;
}

function sourceText(change: SourceTextChange): string[] {
  const hash =
    change.recordedBefore === change.recordedAfter
      ? `its recorded sha256 is unchanged, so \`npm run check\` reports \`source-hash-mismatch\``
      : `its recorded sha256 changed too (${code((change.recordedBefore ?? 'none').slice(0, 12))} → ${code((change.recordedAfter ?? 'none').slice(0, 12))}), so the check passes: only this report shows the edit`;
  if (change.kind === 'removed') return [`- ${code(change.file)}: **the source was removed**`, ''];
  const shown = (lines: string[], sign: string) => lines.slice(0, MAX_LINES).map((l) => `${sign} ${l}`);
  const extra =
    change.removedLines.length +
    change.addedLines.length -
    Math.min(change.removedLines.length, MAX_LINES) -
    Math.min(change.addedLines.length, MAX_LINES);
  return [
    `- ${code(change.file)}, article text from line ${change.line}: ${hash}.`,
    '',
    fenced([...shown(change.removedLines, '-'), ...shown(change.addedLines, '+')], 'diff'),
    ...(extra > 0 ? ['', `${plural(extra, 'more changed line')} not shown.`] : []),
    '',
  ];
}

function discrepancyChange(before: DiscrepancyState, after: DiscrepancyState): string {
  return [
    before.title !== after.title ? `title ${md(before.title)} → ${md(after.title)}` : md(after.title),
    ...(before.kind !== after.kind ? [`kind ${code(before.kind)} → ${code(after.kind)}`] : []),
    ...(before.summary !== after.summary ? [`summary now: ${md(after.summary)}`] : []),
  ].join('; ');
}

function section(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : [`### ${title}`, '', ...lines, ''];
}

/** Render the review of `diff` against `base`, with the working tree's `diagnostics`. */
export function renderReview(diff: ReviewDiff, base: ReviewBase, diagnostics: readonly Diagnostic[]): string {
  const { claims, pages, discrepancies } = diff;
  const counts = [
    `${plural(claims.added.length, 'claim')} added, ${claims.removed.length} removed, ${claims.changed.length} changed`,
    `${plural(pages.added.length, 'page')} added, ${pages.removed.length} removed`,
    ...(diff.sourceTexts.length > 0 ? [`⚠️ **${plural(diff.sourceTexts.length, 'source text')} changed**`] : []),
    diff.errors.after === 0 ? '✅ verifies' : `❌ **${plural(diff.errors.after, 'verification error')}**`,
  ];
  const pageRow = (p: { collection: string; key: string; title: string; file: string }) => [
    p.collection,
    code(p.key.split('/')[1]!),
    md(p.title),
    code(p.file),
  ];
  const pct = (c: { cited: number; substantive: number; percent: number } | undefined) =>
    c ? `${c.cited} of ${c.substantive} paragraphs (${c.percent} %)` : '—';
  const lines = [
    REPORT_MARKER,
    `## Review of the dossier against ${code(base.ref)}`,
    '',
    `Compared with ${code(base.commit.slice(0, 12))} (where this branch left ${code(base.ref)}). ${counts.join(' · ')}.`,
    '',
    ...section(
      '⚠️ Source text changed',
      diff.sourceTexts.length === 0
        ? []
        : [
            'Sources are kept byte for byte: an edited article text is a mistake unless the article itself was replaced.',
            '',
            ...diff.sourceTexts.flatMap(sourceText),
          ],
    ),
    ...section(
      `❌ Verification errors (${diagnostics.filter((d) => d.severity === 'error').length})`,
      diagnostics.length === 0 ? [] : [diagnosticsTable(diagnostics, 200_000)],
    ),
    ...section(`Claims added (${claims.added.length})`, claims.added.flatMap(addedClaim)),
    ...section(`Claims changed (${claims.changed.length})`, claims.changed.flatMap(changedClaim)),
    ...section(
      `Claims removed (${claims.removed.length})`,
      claims.removed.map((c) => `- ${code(c.id)} · ${code(c.status)} — ${code(c.file)}:${c.line}: ${md(c.text)}`),
    ),
    ...section(
      `Pages added (${pages.added.length})`,
      pages.added.length ? [table(['Collection', 'Slug', 'Title', 'File'], pages.added.map(pageRow))] : [],
    ),
    ...section(
      `Pages removed (${pages.removed.length})`,
      pages.removed.length ? [table(['Collection', 'Slug', 'Title', 'File'], pages.removed.map(pageRow))] : [],
    ),
    ...section('Discrepancies', [
      ...discrepancies.added.map((d) => `- Added ${code(d.slug)} (${code(d.kind)}): ${md(d.title)} — ${md(d.summary)}`),
      ...discrepancies.removed.map((d) => `- Removed ${code(d.slug)} (${code(d.kind)}): ${md(d.title)}`),
      ...discrepancies.changed.map(({ before, after }) => `- Changed ${code(after.slug)}: ${discrepancyChange(before, after)}`),
    ]),
    ...section(
      'Coverage of sources',
      diff.coverage.length
        ? [
            table(
              ['Source', 'Before', 'After'],
              diff.coverage.map((c) => [`${md(c.title)} (${code(c.key)})`, pct(c.before), pct(c.after)]),
            ),
          ]
        : [],
    ),
    ...section(
      'Independent origins',
      diff.origins.length
        ? [
            table(
              ['Claim', 'Page', 'Before', 'After'],
              diff.origins.map((o) => [code(o.key), md(o.title), String(o.before), String(o.after)]),
            ),
          ]
        : [],
    ),
  ];
  const nothing =
    claims.added.length +
      claims.removed.length +
      claims.changed.length +
      pages.added.length +
      pages.removed.length +
      diff.sourceTexts.length ===
    0;
  if (nothing) lines.push('No claim, page or source changed.', '');
  return finish(lines.join('\n').replace(/\n{3,}/g, '\n\n'));
}
