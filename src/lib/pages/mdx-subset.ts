/**
 * A fast path for the MDX most content pages are written in: frontmatter, ATX headings, paragraphs of plain text
 * with inline links, and <Claim>/<Cite> tags each on a line of their own. It returns the very tree the unified
 * pipeline of mdx-parse.ts gives (remark-parse, -frontmatter, -mdx, -gfm: same nodes, values and positions), or
 * `undefined` as soon as the text uses anything else (emphasis, lists, escapes, entities, expressions, HTML, URLs
 * that GFM would autolink, an indented or blank-with-spaces line…), and the caller parses it with micromark.
 * tests/unit/mdx-subset.test.ts holds it to micromark's tree on every fixture and on generated near-misses.
 *
 * Why: micromark tokenises character by character through every construct's state machine, which made parsing
 * ~60 % of verification. This reads each line once.
 */
import type { Heading, Link, Paragraph, PhrasingContent, Root, RootContent, Text, Yaml } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { Point, Position } from 'unist';

/** Characters that start inline syntax the subset does not parse (see `inline`). */
const INLINE_SPECIAL = new Set([...'\\`*_~<>{}&|]\t\r\0'].map((c) => c.charCodeAt(0)));
/** Text GFM could turn into a link (www., a protocol, an e-mail address): a cheap superset of what it links. */
const autolinkLike = (value: string) =>
  value.includes('@') || value.includes('://') || (value.includes(':') && /mailto:|xmpp:/i.test(value)) || /www\./i.test(value);
/** A link destination the subset takes literally: no spaces, brackets, quotes, escapes or references. */
const DESTINATION = /^[A-Za-z0-9/#?=.:%+,;~-]+$/;
/** Paragraph lines that could start another construct: lists, quotes, code, breaks, tables, setext underlines, ESM. */
const NOT_A_PARAGRAPH_LINE = /^(?:[\s>#*+=_`~|:<-]|\d{1,9}[.)](?:\s|$)|(?:import|export)\s)/;
const JSX_NAME = /[A-Za-z][A-Za-z0-9]*/y;
const JSX_ATTRIBUTE = / +([A-Za-z][A-Za-z0-9]*)="([^"&{}<>\n]*)"/y;

type FlowParent = Root | MdxJsxFlowElement;

/** Parse `text` (LF line endings, frontmatter included), or `undefined` if it leaves the subset. */
export function parseMdxSubset(text: string): Root | undefined {
  return new SubsetParser(text).parse();
}

/** A JSX tag on a line of its own. */
interface Tag {
  name: string;
  attributes: MdxJsxAttribute[];
  closing: boolean;
  selfClosing: boolean;
}

/** One parse: the text, where its lines start, and the flow elements open so far. */
class SubsetParser {
  readonly text: string;
  readonly lineStarts: number[] = [0];
  readonly stack: FlowParent[] = [];
  paragraph: { start: number; end: number } | undefined;

  constructor(text: string) {
    this.text = text;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  lineEnd(n: number): number {
    return n + 1 < this.lineStarts.length ? this.lineStarts[n + 1]! - 1 : this.text.length;
  }

  point(offset: number): Point {
    const { lineStarts } = this;
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1, offset };
  }

  span(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) };
  }

  textNode(start: number, end: number): Text | undefined {
    const value = this.text.slice(start, end);
    return autolinkLike(value) ? undefined : { type: 'text', value, position: this.span(start, end) };
  }

  /** Plain text and `[label](destination)` links in [from, to), or undefined for any other inline syntax. */
  inline(from: number, to: number): PhrasingContent[] | undefined {
    const { text } = this;
    const out: PhrasingContent[] = [];
    let textStart = from;
    for (let i = from; i < to;) {
      const c = text.charCodeAt(i);
      if (c === 91 /* [ */) {
        const link = this.link(from, i, to);
        if (!link) return undefined;
        if (textStart < i) {
          const before = this.textNode(textStart, i);
          if (!before) return undefined;
          out.push(before);
        }
        out.push(link);
        i = link.position!.end.offset!;
        textStart = i;
        continue;
      }
      if (INLINE_SPECIAL.has(c)) return undefined;
      i++;
    }
    if (textStart < to) {
      const rest = this.textNode(textStart, to);
      if (!rest) return undefined;
      out.push(rest);
    }
    return out;
  }

  /** The `[label](destination)` link at `i` (inline content starting at `from`, ending at `to`), or undefined. */
  link(from: number, i: number, to: number): Link | undefined {
    const { text } = this;
    if (i > from && text.charCodeAt(i - 1) === 33 /* ! */) return undefined;
    const close = text.indexOf('](', i + 1);
    const end = close === -1 ? -1 : text.indexOf(')', close + 2);
    if (end === -1 || end >= to) return undefined;
    const label = text.slice(i + 1, close);
    const url = text.slice(close + 2, end);
    if (label === '' || /[[\]\n]/.test(label) || !DESTINATION.test(url)) return undefined;
    for (let j = i + 1; j < close; j++) if (INLINE_SPECIAL.has(text.charCodeAt(j))) return undefined;
    const labelText = this.textNode(i + 1, close);
    if (!labelText) return undefined;
    return { type: 'link', title: null, url, children: [labelText], position: this.span(i, end + 1) };
  }

  /** A line that is one JSX tag: `<Name a="…">`, `<Name a="…" />` or `</Name>`. */
  jsxTag(start: number, end: number): Tag | undefined {
    const { text } = this;
    let i = start + 1;
    const closing = text.charCodeAt(i) === 47; /* / */
    if (closing) i++;
    JSX_NAME.lastIndex = i;
    const name = JSX_NAME.exec(text);
    if (!name) return undefined;
    i = JSX_NAME.lastIndex;
    const attributes: MdxJsxAttribute[] = [];
    for (;;) {
      JSX_ATTRIBUTE.lastIndex = i;
      const m = JSX_ATTRIBUTE.exec(text);
      if (!m || JSX_ATTRIBUTE.lastIndex > end) break;
      const at = i + m[0].length - m[0].trimStart().length;
      attributes.push({ type: 'mdxJsxAttribute', name: m[1]!, value: m[2]!, position: this.span(at, JSX_ATTRIBUTE.lastIndex) });
      i = JSX_ATTRIBUTE.lastIndex;
    }
    const rest = text.slice(i, end);
    const selfClosing = rest === ' />' || rest === '/>';
    if (!selfClosing && rest !== '>') return undefined;
    if (closing && (selfClosing || attributes.length > 0)) return undefined;
    return { name: name[0], attributes, closing, selfClosing };
  }

  add(node: RootContent): void {
    (this.stack[this.stack.length - 1]!.children as RootContent[]).push(node);
  }

  /** Close the paragraph being read, if any; false if its inline content leaves the subset. */
  endParagraph(): boolean {
    if (!this.paragraph) return true;
    const children = this.inline(this.paragraph.start, this.paragraph.end);
    if (!children) return false;
    this.add({ type: 'paragraph', children, position: this.span(this.paragraph.start, this.paragraph.end) } satisfies Paragraph);
    this.paragraph = undefined;
    return true;
  }

  /**
   * The root with its frontmatter node, and the line after the closing fence; exactly `---` lines (anything else
   * goes to micromark, which knows every variant). A carriage return anywhere would be a line ending to micromark.
   */
  frontmatter(): [Root, number] | undefined {
    const { text, lineStarts } = this;
    if (!text.startsWith('---\n') || text.includes('\r')) return undefined;
    let line = 1;
    while (line < lineStarts.length && text.slice(lineStarts[line], this.lineEnd(line)) !== '---') line++;
    if (line >= lineStarts.length) return undefined;
    const yaml: Yaml = {
      type: 'yaml',
      value: line === 1 ? '' : text.slice(4, lineStarts[line]! - 1),
      position: this.span(0, this.lineEnd(line)),
    };
    return [{ type: 'root', children: [yaml], position: this.span(0, text.length) }, line + 1];
  }

  parse(): Root | undefined {
    const start = this.frontmatter();
    if (!start) return undefined;
    const [root, first] = start;
    this.stack.push(root);
    for (let line = first; line < this.lineStarts.length; line++) if (!this.parseLine(line)) return undefined;
    if (!this.endParagraph() || this.stack.length !== 1) return undefined;
    return root;
  }

  /** Read one line of the body; false if it leaves the subset. */
  parseLine(line: number): boolean {
    const { text } = this;
    const start = this.lineStarts[line]!;
    const end = this.lineEnd(line);
    if (start === end) return this.endParagraph();
    const first = text.charCodeAt(start);
    const last = text.charCodeAt(end - 1);
    if (last === 32 /* space */ || last === 9) return false;
    if (first === 60 /* < */) return this.tagLine(start, end);
    if (first === 35 /* # */) {
      const m = /^(#{1,6}) (?=[^ ])/.exec(text.slice(start, Math.min(end, start + 8)));
      if (!m || last === 35 || !this.endParagraph()) return false;
      const children = this.inline(start + m[0].length, end);
      if (!children) return false;
      this.add({ type: 'heading', depth: m[1]!.length as Heading['depth'], children, position: this.span(start, end) } satisfies Heading);
      return true;
    }
    if (NOT_A_PARAGRAPH_LINE.test(text.slice(start, Math.min(end, start + 12)))) return false;
    if (this.paragraph) this.paragraph.end = end;
    else this.paragraph = { start, end };
    return true;
  }

  /** A line that is one JSX tag: open an element, close one, or add a self-closing one. */
  tagLine(start: number, end: number): boolean {
    const tag = this.jsxTag(start, end);
    if (!tag || !this.endParagraph()) return false;
    if (tag.closing) {
      const open = this.stack.pop();
      if (!open || open.type !== 'mdxJsxFlowElement' || open.name !== tag.name) return false;
      open.position = { start: open.position!.start, end: this.point(end) };
      return true;
    }
    const element: MdxJsxFlowElement = {
      type: 'mdxJsxFlowElement',
      name: tag.name,
      attributes: tag.attributes,
      children: [],
      position: this.span(start, end),
    };
    this.add(element);
    if (!tag.selfClosing) this.stack.push(element);
    return true;
  }
}
