/** The inline half of text-limits.ts: marks of formatting per block and per page, and tags per page. */
import { TEXT_LIMITS } from '../../pages/content-rules.ts';

/** A limit crossed: the rule, what to say, and the column on the current line. */
export type Exceeded = { rule: string; message: string; hint: string; column: number };

/** What the inline pass counts, per block and on the page. */
export interface InlineCounts {
  blockMarks: number;
  marks: number;
  tags: number;
  /** Whether the line scanned last holds a `|` (it may be a table row). */
  pipe: boolean;
}

/** What an ASCII character is to the inline pass (a table: this pass reads every character of every page). */
const Kind = {
  None: 0,
  /** Each run is one mark: emphasis, strikethrough, code. */
  Run: 1,
  /** Each one is a mark: brackets, escapes, references, images, expressions, e-mail addresses. */
  Single: 2,
  Tag: 3,
  Colon: 4,
  W: 5,
  Pipe: 6,
} as const;
type Kind = (typeof Kind)[keyof typeof Kind];
const KINDS = new Uint8Array(128);
for (const c of '*_~`') KINDS[c.charCodeAt(0)] = Kind.Run;
for (const c of '[]\\&!{}@') KINDS[c.charCodeAt(0)] = Kind.Single;
KINDS[60] = Kind.Tag;
KINDS[58] = Kind.Colon;
KINDS[119] = KINDS[87] = Kind.W;
KINDS[124] = Kind.Pipe;

/** A letter, `/` or `>` after `<` starts a tag (or a fragment) for MDX. */
const isTagStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 47 || c === 62;

/** Whether the character at `k`, of kind `kind`, starts a mark of formatting. */
function isMark(text: string, k: number, c: number, kind: Kind): boolean {
  if (kind === Kind.Run) return text.charCodeAt(k - 1) !== c;
  if (kind === Kind.Single || kind === Kind.Tag) return true;
  if (kind === Kind.Colon) return text.charCodeAt(k + 1) === 47 && text.charCodeAt(k + 2) === 47; // `://`
  return kind === Kind.W && text.slice(k, k + 4).toLowerCase() === 'www.';
}

/** Count the line's inline markup from `from` to `end` (`lineStart` for columns); returns the limit crossed, if any. */
export function scanInline(text: string, from: number, end: number, lineStart: number, counts: InlineCounts): Exceeded | undefined {
  counts.pipe = false;
  for (let k = from; k < end; k++) {
    const c = text.charCodeAt(k);
    const kind = (c < 128 ? KINDS[c]! : Kind.None) as Kind;
    if (kind === Kind.None) continue;
    if (kind === Kind.Pipe) {
      counts.pipe = true;
      continue;
    }
    if (!isMark(text, k, c, kind)) continue;
    counts.blockMarks++;
    if (++counts.marks > TEXT_LIMITS.marksPerPage || counts.blockMarks > TEXT_LIMITS.marksPerBlock) {
      const page = counts.marks > TEXT_LIMITS.marksPerPage;
      return {
        rule: 'too-much-markup',
        message: page
          ? `Page has more than ${TEXT_LIMITS.marksPerPage.toLocaleString('en-US')} marks of formatting (emphasis, links, code, escapes, references, tags)`
          : `Paragraph has more than ${TEXT_LIMITS.marksPerBlock.toLocaleString('en-US')} marks of formatting (emphasis, links, code, escapes, references, tags)`,
        hint: 'Content is prose with a little formatting: write the text plainly, or split it into paragraphs and pages.',
        column: k - lineStart + 1,
      };
    }
    if (c === 60 && isTagStart(text.charCodeAt(k + 1)) && ++counts.tags > TEXT_LIMITS.tags)
      return {
        rule: 'too-many-tags',
        message: `Page has more than ${TEXT_LIMITS.tags.toLocaleString('en-US')} tags`,
        hint: 'A page holds at most 500 claims; split it into several pages (one person or episode per file).',
        column: k - lineStart + 1,
      };
  }
  return undefined;
}
