/** Diagnostics as text (like remark-lint), as GitHub Actions annotations and as JSON; content text is escaped. */
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { escapeForLog, escapeGithubCommand, safeJson, safeLine } from './log-safety.ts';

/**
 * Render diagnostics like remark-lint: `path:line:column  error  message  rule-id`, then the hint. Every line
 * goes through `safeLine`: content text in a message cannot start a line of the log.
 */
export function formatDiagnostics(list: readonly Diagnostic[]): string {
  const lines: string[] = [];
  for (const d of sortDiagnostics(list)) {
    lines.push(safeLine(`${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.rule}`));
    if (d.hint) lines.push(...d.hint.split('\n').map((line) => safeLine(`    hint: ${escapeForLog(line)}`)));
  }
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return lines.join('\n');
}

/** Render diagnostics as GitHub Actions annotations (`::error file=…,line=…,col=…::message`), one line each. */
export function formatGithubAnnotations(list: readonly Diagnostic[]): string {
  return sortDiagnostics(list)
    .map((d) => {
      const props = `file=${escapeGithubCommand(d.file, true)},line=${d.line},col=${d.column},title=${escapeGithubCommand(d.rule, true)}`;
      // Line breaks in content are written out (`\n`); only the one before the hint is a line break of the annotation.
      const text = escapeGithubCommand(escapeForLog(d.message)) + (d.hint ? `%0AHint: ${escapeGithubCommand(escapeForLog(d.hint))}` : '');
      return `::${d.severity} ${props}::${text}`;
    })
    .join('\n');
}

/** A JSON report (`npm run check -- --json`): the same data, with nothing a CI log could read as a command. */
export function formatJsonReport(report: Record<string, unknown>): string {
  return safeJson(report);
}
