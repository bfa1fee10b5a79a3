/** The first steps of a page: its text, its frontmatter, and its MDX tree, each bounded before it is read. */
import { type Reporter } from '../../diagnostics.ts';
import { parseFrontmatter, splitFrontmatter, toLf, type ParsedFrontmatter, type SplitFile } from '../../frontmatter.ts';
import { validateFrontmatter } from '../../frontmatter-schema.ts';
import { MAX_PAGE_BYTES } from '../../pages/content-rules.ts';
import { parseMdx } from '../../pages/mdx-parse.ts';
import { checkControlCharacters } from '../../text-rules.ts';
import type { z } from 'zod';
import type { PageOptions } from '../options.ts';
import type { Root } from 'mdast';
import { checkTree } from './tree-rules.ts';
import { checkTextLimits } from './text-limits.ts';
import type { PageInput } from './page-state.ts';

/** The page's text, LF, split at its frontmatter; undefined (reported) when there is nothing to verify. */
export function readText(input: PageInput, reporter: Reporter): { text: string; split: SplitFile } | undefined {
  if (Buffer.byteLength(input.raw, 'utf8') > MAX_PAGE_BYTES) {
    reporter.error('file-too-large', `File is larger than ${MAX_PAGE_BYTES / 1024} KB`, undefined, 'Split it into several pages.');
    return undefined;
  }
  if (input.raw.trim() === '') {
    reporter.error('file-empty', 'File is empty', undefined, 'Start with frontmatter between `---` lines; see docs/content-model.md.');
    return undefined;
  }
  const text = toLf(input.raw);
  // A control character rejects the file; what else it breaks (YAML, MDX) would only repeat the news.
  if (checkControlCharacters(text, reporter)) return undefined;
  const split = splitFrontmatter(text);
  if (!split.hasFrontmatter) {
    reporter.error(
      'frontmatter-missing',
      'File has no YAML frontmatter',
      undefined,
      'Start the file with `---`, the fields, and `---`; see docs/content-model.md.',
    );
    return undefined;
  }
  return { text, split };
}

/** The frontmatter, parsed and, when it parses, validated against the collection's schema. */
export function readFrontmatter<M>(
  split: SplitFile,
  spec: { schema: z.ZodType<M>; fieldHints: Record<string, string> },
  reporter: Reporter,
  options: PageOptions,
): { frontmatter?: ParsedFrontmatter; meta?: M } {
  const frontmatter = parseFrontmatter(split, reporter, { fast: options.fastParsers });
  if (!frontmatter) return {};
  const meta = validateFrontmatter(spec.schema, frontmatter, reporter, spec.fieldHints);
  return meta ? { frontmatter, meta } : { frontmatter };
}

/** The MDX tree, when the text is within the limits, parses, and is not nested too deep. */
export function readTree(text: string, split: SplitFile, reporter: Reporter, options: PageOptions): Root | undefined {
  if (!checkTextLimits(text, split.bodyOffset, reporter)) return undefined;
  const parsed = parseMdx(text, { fast: options.fastParsers });
  if (!parsed.ok) {
    const comment = text
      .split('\n')
      [parsed.at.line - 1]?.slice(Math.max(0, parsed.at.column - 2))
      .startsWith('<!--');
    if (comment)
      reporter.error(
        'html-comment',
        'HTML comments (`<!-- … -->`) are not allowed in content',
        { line: parsed.at.line, column: Math.max(1, parsed.at.column - 1) },
        'Delete the comment: a note for editors belongs in the pull request (MDX comments, `{/* … */}`, are not allowed either).',
      );
    else
      reporter.error(
        'mdx-syntax',
        `MDX syntax error: ${parsed.message}`,
        parsed.at,
        'Close every <Claim> with </Claim> and end every <Cite … /> with />; escape a literal < or { as \\< or \\{.',
      );
    return undefined;
  }
  return checkTree(parsed.tree, reporter, text.includes('&#')) ? parsed.tree : undefined;
}
