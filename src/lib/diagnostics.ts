/** Located problems in content files; report-format.ts renders them as text, GitHub annotations or JSON. */
import { formatDiagnostics } from './report-format.ts';

export { formatDiagnostics, formatGithubAnnotations } from './report-format.ts';

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

/** Content text quoted in a message, at most `max` characters: a hostile 480 KB value must not fill the log. */
export function clip(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
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

/** Thrown when content does not verify; carries every diagnostic of the run. */
export class ContentError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(`Content verification failed:\n${formatDiagnostics(diagnostics)}`);
    this.name = 'ContentError';
    this.diagnostics = diagnostics;
  }
}
