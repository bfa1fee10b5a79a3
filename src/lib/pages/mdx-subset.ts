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
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineEnd = (n: number) => (n + 1 < lineStarts.length ? lineStarts[n + 1]! - 1 : text.length);

  const point = (offset: number): Point => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1, offset };
  };
  const span = (start: number, end: number): Position => ({ start: point(start), end: point(end) });

  const textNode = (start: number, end: number): Text | undefined => {
    const value = text.slice(start, end);
    return autolinkLike(value) ? undefined : { type: 'text', value, position: span(start, end) };
  };

  /** Plain text and `[label](destination)` links in [from, to), or undefined for any other inline syntax. */
  const inline = (from: number, to: number): PhrasingContent[] | undefined => {
    const out: PhrasingContent[] = [];
    let textStart = from;
    for (let i = from; i < to;) {
      const c = text.charCodeAt(i);
      if (c === 91 /* [ */) {
        if (i > from && text.charCodeAt(i - 1) === 33 /* ! */) return undefined;
        const close = text.indexOf('](', i + 1);
        const end = close === -1 ? -1 : text.indexOf(')', close + 2);
        if (end === -1 || end >= to) return undefined;
        const label = text.slice(i + 1, close);
        const url = text.slice(close + 2, end);
        if (label === '' || /[[\]\n]/.test(label) || !DESTINATION.test(url)) return undefined;
        for (let j = i + 1; j < close; j++) if (INLINE_SPECIAL.has(text.charCodeAt(j))) return undefined;
        if (textStart < i) {
          const before = textNode(textStart, i);
          if (!before) return undefined;
          out.push(before);
        }
        const labelText = textNode(i + 1, close);
        if (!labelText) return undefined;
        const link: Link = { type: 'link', title: null, url, children: [labelText], position: span(i, end + 1) };
        out.push(link);
        i = end + 1;
        textStart = i;
        continue;
      }
      if (INLINE_SPECIAL.has(c)) return undefined;
      i++;
    }
    if (textStart < to) {
      const rest = textNode(textStart, to);
      if (!rest) return undefined;
      out.push(rest);
    }
    return out;
  };

  /** A line that is one JSX tag: `<Name a="…">`, `<Name a="…" />` or `</Name>`. */
  const jsxTag = (start: number, end: number) => {
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
      attributes.push({ type: 'mdxJsxAttribute', name: m[1]!, value: m[2]!, position: span(at, JSX_ATTRIBUTE.lastIndex) });
      i = JSX_ATTRIBUTE.lastIndex;
    }
    const rest = text.slice(i, end);
    const selfClosing = rest === ' />' || rest === '/>';
    if (!selfClosing && rest !== '>') return undefined;
    if (closing && (selfClosing || attributes.length > 0)) return undefined;
    return { name: name[0], attributes, closing, selfClosing };
  };

  // Frontmatter, exactly `---` lines (anything else goes to micromark, which knows every variant). A carriage
  // return anywhere would be a line ending to micromark.
  if (!text.startsWith('---\n') || text.includes('\r')) return undefined;
  let line = 1;
  while (line < lineStarts.length && text.slice(lineStarts[line], lineEnd(line)) !== '---') line++;
  if (line >= lineStarts.length) return undefined;
  const yaml: Yaml = {
    type: 'yaml',
    value: line === 1 ? '' : text.slice(4, lineStarts[line]! - 1),
    position: span(0, lineEnd(line)),
  };
  const root: Root = { type: 'root', children: [yaml], position: span(0, text.length) };

  const stack: FlowParent[] = [root];
  const add = (node: RootContent) => (stack[stack.length - 1]!.children as RootContent[]).push(node);
  let paragraph: { start: number; end: number } | undefined;
  const endParagraph = (): boolean => {
    if (!paragraph) return true;
    const children = inline(paragraph.start, paragraph.end);
    if (!children) return false;
    const node: Paragraph = { type: 'paragraph', children, position: span(paragraph.start, paragraph.end) };
    add(node);
    paragraph = undefined;
    return true;
  };

  for (line++; line < lineStarts.length; line++) {
    const start = lineStarts[line]!;
    const end = lineEnd(line);
    if (start === end) {
      if (!endParagraph()) return undefined;
      continue;
    }
    const first = text.charCodeAt(start);
    const last = text.charCodeAt(end - 1);
    if (last === 32 /* space */ || last === 9) return undefined;
    if (first === 60 /* < */) {
      const tag = jsxTag(start, end);
      if (!tag || !endParagraph()) return undefined;
      if (tag.closing) {
        const open = stack.pop();
        if (!open || open.type !== 'mdxJsxFlowElement' || open.name !== tag.name) return undefined;
        open.position = { start: open.position!.start, end: point(end) };
        continue;
      }
      const element: MdxJsxFlowElement = {
        type: 'mdxJsxFlowElement',
        name: tag.name,
        attributes: tag.attributes,
        children: [],
        position: span(start, end),
      };
      add(element);
      if (!tag.selfClosing) stack.push(element);
      continue;
    }
    if (first === 35 /* # */) {
      const m = /^(#{1,6}) (?=[^ ])/.exec(text.slice(start, Math.min(end, start + 8)));
      if (!m || last === 35 || !endParagraph()) return undefined;
      const children = inline(start + m[0].length, end);
      if (!children) return undefined;
      const heading: Heading = { type: 'heading', depth: m[1]!.length as Heading['depth'], children, position: span(start, end) };
      add(heading);
      continue;
    }
    if (NOT_A_PARAGRAPH_LINE.test(text.slice(start, Math.min(end, start + 12)))) return undefined;
    if (paragraph) paragraph.end = end;
    else paragraph = { start, end };
  }
  if (!endParagraph() || stack.length !== 1) return undefined;
  return root;
}
