/**
 * Markdown for pull-request comments and job summaries in which every piece of content text is data: it renders as
 * the same text, never as a link, an image, HTML, a table cell break, a mention or a workflow command.
 */
import { escapeForLog, markdownText, safeLine } from '../log-safety.ts';

/**
 * Content text for Markdown, on one line: escaped by `markdownText`, and `:` too (no `:name:` emoji). A word joiner
 * (U+2060, invisible) before `://` and after `www`, `@` and a `#` before a digit keeps GitHub from making a link, a
 * mention or an issue reference of the text: its autolinker reads the text after escapes are resolved.
 */
export function md(text: string): string {
  return markdownText(text.replace(/\s+/g, ' '))
    .replaceAll(':', '\\:')
    .replaceAll('\\://', '&#8288;\\://')
    .replace(/\bwww\\\./gi, (m) => `${m.slice(0, 3)}&#8288;\\.`)
    .replaceAll('&#64;', '&#64;&#8288;')
    .replace(/\\#(?=\d)/g, '\\#&#8288;');
}

/** An identifier (slug, claim id, rule, ref) as inline code when it is plain, else as escaped text. */
export function code(text: string): string {
  return /^[A-Za-z0-9._/~^-]+$/.test(text) ? `\`${text}\`` : md(text);
}

/** A Markdown table; every cell is given already escaped. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Lines of content shown verbatim in a fenced block (a source's edited lines): the fence is longer than any run of
 * backticks in them, so none can close it, and control characters are written out.
 */
export function fenced(lines: readonly string[], info = ''): string {
  const longest = Math.max(2, ...lines.map((l) => Math.max(0, ...[...l.matchAll(/`+/g)].map((m) => m[0].length))));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${info}`, ...lines.map((l) => escapeForLog(l)), fence].join('\n');
}

/** The final text: no line may start a workflow command, whatever was put together above. */
export function finish(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => safeLine(line))
    .join('\n');
}

/**
 * `markdown` cut to at most `max` characters at a section boundary (a line starting with `#`), with `note` added
 * where it was cut; GitHub takes at most 65,536 characters in a comment and 1 MiB in a job summary.
 */
export function fitTo(markdown: string, max: number, note: string): string {
  if (markdown.length <= max) return markdown;
  const room = max - note.length - 2;
  let cut = markdown.lastIndexOf('\n#', room);
  if (cut <= 0) cut = markdown.lastIndexOf('\n', room);
  return `${markdown.slice(0, Math.max(cut, 0))}\n\n${note}`;
}
