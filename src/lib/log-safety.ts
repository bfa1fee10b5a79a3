/**
 * Content text in logs, annotations and comments is data, never markup or commands. A GitHub Actions runner reads
 * every output line that starts with `::` (after white space) as a workflow command, and `##[…]` anywhere in a line
 * as a legacy one; a terminal obeys escape sequences; a Markdown comment renders HTML. These helpers are what every
 * report that prints content text goes through: the check, the build and the pull-request review.
 */

/** C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional controls (Trojan Source). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every control character written out (`\n`, `\u001b`) and `##[` defused, on one line. */
export function escapeForLog(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replaceAll('##[', '##\\[');
}

/** White space .NET's `TrimStart` removes before the runner looks for `::`. */
const LEADING_SPACE = /^[\s\u0085\u00a0\u1680\u180e\u2000-\u200a\u202f\u205f\u3000]*/;

/** One output line, escaped (see {@link escapeForLog}) and never starting a workflow command. */
export function safeLine(text: string): string {
  const line = escapeForLog(text);
  const lead = LEADING_SPACE.exec(line)![0];
  return line.startsWith('::', lead.length) ? `${lead}\\${line.slice(lead.length)}` : line;
}

/** Several output lines: each of `text`'s lines through {@link safeLine}. */
export function safeLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => safeLine(line))
    .join('\n');
}

/** A JSON report that a log may show: valid JSON for the same data, with no `##[` a runner could read. */
export function safeJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent)
    .replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
    .replaceAll('##[', '##\\u005b');
}

/** Text for a Markdown comment or job summary: escaped so that it renders as the same text, not markup. */
export function markdownText(text: string): string {
  return escapeForLog(text)
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/@/g, '&#64;');
}

/**
 * Escape a value for a GitHub Actions workflow command's data (or, with `property`, a property such as `file=`):
 * line breaks become `%0A`, which the runner turns back into line breaks inside the annotation, never in the log.
 */
export function escapeGithubCommand(value: string, property = false): string {
  const out = escapeForLog(value.replace(/%/g, '%25').replace(/\r\n|\r|\n/g, '%0A'));
  return property ? out.replace(/:/g, '%3A').replace(/,/g, '%2C') : out;
}
