/** Located problems in content files, and their text, JSON and GitHub renderings. */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** What is wrong, in one sentence. */
  message: string;
  /** Stable rule id, e.g. `quote-not-found`. */
  rule: string;
  /** How to fix it: the closest passage, the expected value, the command to run. */
  hint?: string;
}

export interface Position {
  line: number;
  column: number;
}

/** Collects diagnostics for one file, so callers only pass a position and a rule. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  readonly file: string;
  constructor(file: string) {
    this.file = file;
  }

  error(rule: string, message: string, at: Position | undefined, hint?: string): void {
    this.add('error', rule, message, at, hint);
  }

  warn(rule: string, message: string, at: Position | undefined, hint?: string): void {
    this.add('warning', rule, message, at, hint);
  }

  private add(severity: Severity, rule: string, message: string, at: Position | undefined, hint?: string): void {
    const position = at ?? { line: 1, column: 1 };
    this.diagnostics.push({
      file: this.file,
      line: position.line,
      column: position.column,
      severity,
      message,
      rule,
      ...(hint ? { hint } : {}),
    });
  }
}

/** Sort diagnostics by file, then position, so output is stable. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

/** Render diagnostics like remark-lint: `path:line:column  error  message  rule-id`, then the hint. */
export function formatDiagnostics(list: readonly Diagnostic[]): string {
  const lines: string[] = [];
  for (const d of sortDiagnostics(list)) {
    lines.push(`${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.rule}`);
    if (d.hint) lines.push(...d.hint.split('\n').map((line) => `    hint: ${line}`));
  }
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return lines.join('\n');
}

/** Escape a value for a GitHub Actions workflow command. */
function escapeGithub(value: string, property = false): string {
  let out = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  if (property) out = out.replace(/:/g, '%3A').replace(/,/g, '%2C');
  return out;
}

/** Render diagnostics as GitHub Actions annotations (`::error file=…,line=…,col=…::message`). */
export function formatGithubAnnotations(list: readonly Diagnostic[]): string {
  return sortDiagnostics(list)
    .map((d) => {
      const props = `file=${escapeGithub(d.file, true)},line=${d.line},col=${d.column},title=${escapeGithub(d.rule, true)}`;
      const text = d.hint ? `${d.message}\nHint: ${d.hint}` : d.message;
      return `::${d.severity} ${props}::${escapeGithub(text)}`;
    })
    .join('\n');
}

/** Thrown when content does not verify; carries every diagnostic of the run. */
export class ContentError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(`Content verification failed:\n${formatDiagnostics(diagnostics)}`);
    this.name = 'ContentError';
    this.diagnostics = diagnostics;
  }
}
