/**
 * Bounded work, before a page is parsed. micromark is quadratic in some shapes of text: runs of emphasis characters
 * in one paragraph, brackets, very long paragraphs, and block containers (each list item or quote it closes copies
 * every event so far). One linear pass counts them, and a page past a limit is reported at the line that crosses
 * it and not parsed. The limits are far above what prose needs; tests/content/hostile-input.test.ts times the worst
 * page each allows at the size limit.
 */
import type { Reporter } from '../../diagnostics.ts';

export const TEXT_LIMITS = {
  /** Lines of one paragraph or other block (consecutive non-blank lines). */
  blockLines: 1_000,
  /** Runs of `*`, `_` or `~` in one block, and on the page. */
  delimitersPerBlock: 1_000,
  delimitersPerPage: 10_000,
  /** `[` and `]` in one block, and on the page. */
  bracketsPerBlock: 1_000,
  bracketsPerPage: 10_000,
  /** List items nested in another list or a quote, and block quotes, on the page (top-level list items are free). */
  nestedBlocks: 256,
} as const;

interface Counts {
  blockLines: number;
  blockDelimiters: number;
  blockBrackets: number;
  delimiters: number;
  brackets: number;
  nested: number;
  /** Quote markers on the previous line of the block. */
  quotes: number;
}

type Exceeded = { rule: string; message: string; hint: string; column: number };

/** Check `text` (LF) from `from` on; reports the first limit crossed and returns false, or returns true. */
export function checkTextLimits(text: string, from: number, reporter: Reporter): boolean {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < from; i = text.indexOf('\n', i + 1)) line++;
  const counts: Counts = { blockLines: 0, blockDelimiters: 0, blockBrackets: 0, delimiters: 0, brackets: 0, nested: 0, quotes: 0 };
  for (let start = from; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const exceeded = checkLine(text, start, end, counts);
    if (exceeded) {
      reporter.error(exceeded.rule, exceeded.message, { line, column: exceeded.column }, exceeded.hint);
      return false;
    }
    start = end + 1;
  }
  return true;
}

/** Count one line; returns the limit it crosses, if any. */
function checkLine(text: string, start: number, end: number, counts: Counts): Exceeded | undefined {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i === end) {
    counts.blockLines = counts.blockDelimiters = counts.blockBrackets = counts.quotes = 0;
    return undefined;
  }
  if (++counts.blockLines > TEXT_LIMITS.blockLines)
    return {
      rule: 'block-too-long',
      message: `Paragraph is longer than ${TEXT_LIMITS.blockLines} lines`,
      hint: 'Put a blank line between paragraphs; a paragraph this long is usually missing them.',
      column: 1,
    };
  const nested = checkContainers(text, start, end, counts);
  if (nested) return nested;
  for (let k = i; k < end; k++) {
    const c = text.charCodeAt(k);
    if ((c === 42 || c === 95 || c === 126) && text.charCodeAt(k - 1) !== c) {
      counts.blockDelimiters++;
      if (++counts.delimiters > TEXT_LIMITS.delimitersPerPage || counts.blockDelimiters > TEXT_LIMITS.delimitersPerBlock)
        return limit(
          'too-many-delimiters',
          'emphasis or strikethrough marks (`*`, `_`, `~`)',
          counts.delimiters > TEXT_LIMITS.delimitersPerPage,
          k - start + 1,
        );
    } else if (c === 91 || c === 93) {
      counts.blockBrackets++;
      if (++counts.brackets > TEXT_LIMITS.bracketsPerPage || counts.blockBrackets > TEXT_LIMITS.bracketsPerBlock)
        return limit('too-many-brackets', 'brackets (`[`, `]`)', counts.brackets > TEXT_LIMITS.bracketsPerPage, k - start + 1);
    }
  }
  return undefined;
}

function limit(rule: string, what: string, page: boolean, column: number): Exceeded {
  const max = rule === 'too-many-delimiters' ? TEXT_LIMITS.delimitersPerPage : TEXT_LIMITS.bracketsPerPage;
  const perBlock = rule === 'too-many-delimiters' ? TEXT_LIMITS.delimitersPerBlock : TEXT_LIMITS.bracketsPerBlock;
  return {
    rule,
    message: page
      ? `Page has more than ${max.toLocaleString('en-US')} ${what}`
      : `Paragraph has more than ${perBlock.toLocaleString('en-US')} ${what}`,
    hint: 'Content is prose with a little formatting; escape a literal character with a backslash or remove the markup.',
    column,
  };
}

/** Count the list markers and quote markers that start the line; returns the limit crossed, if any. */
function checkContainers(text: string, start: number, end: number, counts: Counts): Exceeded | undefined {
  let k = start;
  let indent = 0;
  let markers = 0;
  let quotes = 0;
  for (;;) {
    while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) indent += text.charCodeAt(k++) === 9 ? 4 : 1;
    const c = text.charCodeAt(k);
    let after = k + 1;
    if (c === 62 /* > */) {
      quotes++;
      k = after;
      if (quotes > counts.quotes && ++counts.nested > TEXT_LIMITS.nestedBlocks) return nestedLimit(k - start);
      continue;
    }
    if (c >= 48 && c <= 57) {
      while (after < end && after - k < 9 && text.charCodeAt(after) >= 48 && text.charCodeAt(after) <= 57) after++;
      if (text.charCodeAt(after) !== 46 && text.charCodeAt(after) !== 41) break;
      after++;
    } else if (c !== 45 && c !== 43 && c !== 42) break;
    if (after < end && text.charCodeAt(after) !== 32 && text.charCodeAt(after) !== 9) break;
    // A list item is nested when something opens before it on the line: indentation, a quote or another item.
    if ((indent >= 2 || markers > 0 || quotes > 0) && ++counts.nested > TEXT_LIMITS.nestedBlocks) return nestedLimit(k - start + 1);
    markers++;
    k = after;
  }
  counts.quotes = quotes;
  return undefined;
}

function nestedLimit(column: number): Exceeded {
  return {
    rule: 'too-many-nested-blocks',
    message: `Page has more than ${TEXT_LIMITS.nestedBlocks} nested list items and block quotes`,
    hint: 'Keep lists to a level or two and quote sources with <Cite>, not with `>`.',
    column,
  };
}
