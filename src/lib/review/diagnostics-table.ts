/** Every diagnostic as one row of a Markdown table, for a job summary (annotations stop at 10 per step). */
import { sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { code, md, table } from './markdown.ts';

/** GitHub refuses a job summary over 1 MiB; the table stops below that, saying how many rows it left out. */
export const SUMMARY_LIMIT = 1_000_000;

/** The diagnostics as a table of file, line, severity, rule, message and hint, every cell escaped. */
export function diagnosticsTable(diagnostics: readonly Diagnostic[], limit = SUMMARY_LIMIT): string {
  const rows: string[][] = [];
  let size = 0;
  const sorted = sortDiagnostics(diagnostics);
  for (const d of sorted) {
    const hint = (d.hint ?? '')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(md)
      .join('<br>');
    const row = [code(d.file), `${d.line}:${d.column}`, d.severity, code(d.rule), md(d.message), hint];
    size += row.join(' | ').length + 4;
    if (size > limit) break;
    rows.push(row);
  }
  const left = sorted.length - rows.length;
  const note = left > 0 ? `\n\n${left} more not shown: GitHub caps a job summary at 1 MiB. \`npm run check\` prints every one.` : '';
  return `${table(['File', 'Line', 'Severity', 'Rule', 'Message', 'Hint'], rows)}${note}`;
}

/** A job-summary section for one run of the check: a one-line verdict, then the table of every diagnostic. */
export function checkSummary(diagnostics: readonly Diagnostic[], verdict: string): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const head = `### ${errors === 0 ? '✅' : '❌'} npm run check\n\n${md(verdict)}`;
  return diagnostics.length === 0 ? `${head}\n` : `${head}\n\n${diagnosticsTable(diagnostics)}\n`;
}
