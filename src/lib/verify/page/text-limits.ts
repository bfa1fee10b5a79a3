/**
 * Bounded work, before a page is parsed. micromark is slow or quadratic in some shapes of text: formatting marks in
 * one paragraph (it merges a paragraph's tokens with a splice each), very long paragraphs, underlined headings and
 * block containers (each it closes copies every event so far), tables, and sheer numbers of blocks or tags. One
 * linear pass counts them, and a page past a limit is reported at the line and column that cross it and is not
 * parsed. The limits are far above what prose needs; tests/content/hostile-limits.test.ts times the worst page each
 * allows at the size limit.
 */
import type { Reporter } from '../../diagnostics.ts';
import { TEXT_LIMITS } from '../../pages/content-rules.ts';
import { scanInline, type Exceeded, type InlineCounts } from './inline-limits.ts';

interface BlockCounts extends InlineCounts {
  blockLines: number;
  blocks: number;
  underlines: number;
  tableLines: number;
  nested: number;
  /** Quote markers on the previous line of the block. */
  quotes: number;
  previousBlank: boolean;
}

/** Check `text` (LF) from `from` on; reports the first limit crossed and returns false, or returns true. */
export function checkTextLimits(text: string, from: number, reporter: Reporter): boolean {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < from; i = text.indexOf('\n', i + 1)) line++;
  const counts: BlockCounts = {
    blockLines: 0,
    blocks: 0,
    underlines: 0,
    tableLines: 0,
    nested: 0,
    quotes: 0,
    previousBlank: true,
    blockMarks: 0,
    marks: 0,
    tags: 0,
    pipe: false,
  };
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
function checkLine(text: string, start: number, end: number, counts: BlockCounts): Exceeded | undefined {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const blank = i === end;
  const first = text.charCodeAt(i);
  const startsBlock = !blank && (counts.previousBlank || (i - start < 4 && BLOCK_START.has(first)));
  // A blank line ends a block, and so does a line that starts a construct of its own (a heading, a tag, an item…).
  if (blank || startsBlock) counts.blockLines = counts.blockMarks = 0;
  if (blank) counts.quotes = 0;
  const underline =
    !blank && !counts.previousBlank && i - start < 4 && (first === 61 || first === 45) && /^[=-]+[ \t]*$/.test(text.slice(i, end));
  counts.previousBlank = blank;
  if (blank) return undefined;
  if (++counts.blockLines > TEXT_LIMITS.blockLines)
    return {
      rule: 'block-too-long',
      message: `Paragraph is longer than ${TEXT_LIMITS.blockLines.toLocaleString('en-US')} lines`,
      hint: 'Put a blank line between paragraphs; a paragraph this long is usually missing them.',
      column: 1,
    };
  if (startsBlock && ++counts.blocks > TEXT_LIMITS.blocks)
    return {
      rule: 'too-many-blocks',
      message: `Page has more than ${TEXT_LIMITS.blocks.toLocaleString('en-US')} paragraphs, headings, list items and other blocks`,
      hint: SPLIT,
      column: 1,
    };
  if (underline && ++counts.underlines > TEXT_LIMITS.underlines)
    return {
      rule: 'too-many-blocks',
      message: `Page has more than ${TEXT_LIMITS.underlines} underlined headings (a line of \`=\` or \`-\` under text)`,
      hint: 'Write headings as `## Heading`; put a blank line before a `---` meant as a separator.',
      column: 1,
    };
  const exceeded = checkContainers(text, start, end, counts) ?? scanInline(text, i, end, start, counts);
  if (exceeded) return exceeded;
  if (counts.pipe && ++counts.tableLines > TEXT_LIMITS.tableLines)
    return {
      rule: 'too-many-blocks',
      message: `Page has more than ${TEXT_LIMITS.tableLines.toLocaleString('en-US')} table rows`,
      hint: SPLIT,
      column: 1,
    };
  return undefined;
}

const SPLIT = 'Split the page: one person or episode per file, each with the claims about it.';

/** `#`, `<`, `>`, `-`, `+`, `*`, a digit, a backtick or a tilde: what can start a block inside a run of lines. */
const BLOCK_START = new Set([35, 60, 62, 45, 43, 42, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 96, 126]);

/** Count the list markers and quote markers that start the line; returns the limit crossed, if any. */
function checkContainers(text: string, start: number, end: number, counts: BlockCounts): Exceeded | undefined {
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
