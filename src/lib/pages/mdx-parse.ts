/** Parse content MDX into mdast with positions, without compiling or running any of it. */
import type { Root } from 'mdast';
import type { Position } from '../diagnostics.ts';
import { onDemand } from '../on-demand.ts';
import { parseMdxSubset } from './mdx-subset.ts';

const unifiedPackage = onDemand<typeof import('unified')>('unified');
const remarkParse = onDemand<typeof import('remark-parse')>('remark-parse');
const remarkFrontmatter = onDemand<typeof import('remark-frontmatter')>('remark-frontmatter');
const remarkMdx = onDemand<typeof import('remark-mdx')>('remark-mdx');
const remarkGfm = onDemand<typeof import('remark-gfm')>('remark-gfm');

const buildProcessor = () =>
  unifiedPackage()
    .unified()
    .use(remarkParse().default)
    .use(remarkFrontmatter().default, ['yaml'])
    .use(remarkMdx().default)
    .use(remarkGfm().default);
let built: ReturnType<typeof buildProcessor> | undefined;
/** The unified pipeline, built on first use: pages in the fast parser's subset never load micromark. */
const processor = () => (built ??= buildProcessor());

export type MdxParseResult = { ok: true; tree: Root } | { ok: false; message: string; at: Position };

/**
 * Parse MDX text (LF line endings, frontmatter included so positions are whole-file). Pages in the common subset
 * (see mdx-subset.ts) are read by a fast parser that gives the same tree; the rest, and every error, by micromark.
 * `{ fast: false }` turns the fast path off (tests and the build's determinism check compare both).
 */
export function parseMdx(text: string, { fast = true }: { fast?: boolean } = {}): MdxParseResult {
  const subset = fast ? parseMdxSubset(text) : undefined;
  return subset ? { ok: true, tree: subset } : parseMdxWithMicromark(text);
}

/** Parse MDX text with the unified pipeline (remark-parse, -frontmatter, -mdx, -gfm). */
export function parseMdxWithMicromark(text: string): MdxParseResult {
  try {
    const pipeline = processor();
    return { ok: true, tree: pipeline.runSync(pipeline.parse(text)) as Root };
  } catch (error) {
    const e = error as {
      reason?: string;
      message?: string;
      line?: number;
      column?: number;
      place?: { line?: number; column?: number; start?: { line: number; column: number } };
    };
    const place = e.place && 'start' in e.place && e.place.start ? e.place.start : e.place;
    const message = (e.reason ?? e.message ?? String(error)).split('\n')[0]!;
    // Some micromark errors carry their position only in the text: "… (12:1-12:79)".
    const inText = /\((\d+):(\d+)(?:-\d+:\d+)?\)\s*$/.exec(message);
    const line = e.line ?? (place as { line?: number } | undefined)?.line ?? (inText ? Number(inText[1]) : 1);
    const column = e.column ?? (place as { column?: number } | undefined)?.column ?? (inText ? Number(inText[2]) : 1);
    // micromark suggests `{/* comments */}`, which content may not use (no expressions): the caller says what to do.
    const reason = message
      .replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)\s*$/, '')
      .replace(/\s*\(note: to create a comment in MDX, use `\{\/\* text \*\/\}`\)/, '');
    return { ok: false, message: reason, at: { line, column } };
  }
}
