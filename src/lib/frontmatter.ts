/** Split a content file into YAML frontmatter and body, parse it with positions, validate it with zod. */
import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import type { Position, Reporter } from './diagnostics.ts';
import { firstControlCharacter } from './text-rules.ts';
import { locatedOffset, readYamlSubset } from './yaml-subset.ts';
import { onDemand } from './on-demand.ts';

/** `yaml`, loaded when frontmatter leaves the fast reader's subset (or a position in it is asked for). */
export const yamlPackage = onDemand<typeof import('yaml')>('yaml');

export interface SplitFile {
  /** The YAML text between the `---` fences ('' when there is none). */
  yaml: string;
  /** Line (1-based) of the first YAML line in the file. */
  yamlLine: number;
  /** Everything after the closing fence, untouched. */
  body: string;
  /** Offset of the body in the (BOM-less, LF) text. */
  bodyOffset: number;
  hasFrontmatter: boolean;
}

/** Strip a BOM and turn CRLF/CR line endings into LF; line and column numbers stay the same. */
export function toLf(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Split `text` (already LF) at its `---` frontmatter fences. */
export function splitFrontmatter(text: string): SplitFile {
  const open = /^---[ \t]*\n/.exec(text);
  if (!open) return { yaml: '', yamlLine: 1, body: text, bodyOffset: 0, hasFrontmatter: false };
  const close = /^---[ \t]*(\n|$)/m;
  const rest = text.slice(open[0].length);
  const match = close.exec(rest);
  if (!match) return { yaml: '', yamlLine: 1, body: text, bodyOffset: 0, hasFrontmatter: false };
  const bodyOffset = open[0].length + match.index + match[0].length;
  return { yaml: rest.slice(0, match.index), yamlLine: 2, body: text.slice(bodyOffset), bodyOffset, hasFrontmatter: true };
}

/** Line/column of a character offset in `text`. */
export function positionAt(text: string, offset: number, lineOffset = 0): Position {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return { line: line + lineOffset, column: offset - lastBreak };
}

export interface ParsedFrontmatter {
  data: unknown;
  /** Position of the value at a path (or of the nearest parent that exists). */
  locate(path: readonly PropertyKey[], key?: string): Position;
}

/** How to read frontmatter: `fast` (the default) takes the subset reader first; false reads everything with `yaml`. */
export interface FrontmatterOptions {
  fast?: boolean;
}

/**
 * Parse YAML frontmatter, reporting syntax errors with file positions. Returns undefined on a syntax error.
 * Frontmatter in the common subset is read by a fast reader that gives `yaml`'s exact value and positions
 * (yaml-subset.ts); `yaml` reads the rest.
 */
export function parseFrontmatter(
  split: SplitFile,
  reporter: Reporter,
  { fast = true }: FrontmatterOptions = {},
): ParsedFrontmatter | undefined {
  let parsed: { doc: Document; lineCounter: LineCounter } | undefined;
  const full = () => {
    if (!parsed) {
      const { LineCounter, parseDocument } = yamlPackage();
      const lineCounter = new LineCounter();
      parsed = { doc: parseDocument(split.yaml, { lineCounter, uniqueKeys: true, prettyErrors: false }), lineCounter };
    }
    return parsed;
  };
  const toPosition = (offset: number): Position => {
    const { line, col } = full().lineCounter.linePos(offset);
    return { line: line + split.yamlLine - 1, column: col };
  };
  const locate = (path: readonly PropertyKey[], key?: string) => toPosition(nodeOffset(full().doc, path, key));
  const subset = fast ? readYamlSubset(split.yaml) : undefined;
  if (subset !== undefined)
    return {
      data: subset.value,
      locate: (path, key) => positionAt(split.yaml, locatedOffset(subset.located, path, key), split.yamlLine - 1),
    };
  const { doc } = full();
  const problems = yamlProblems(doc);
  for (const problem of problems) reporter.error('frontmatter-yaml', problem.message, toPosition(problem.offset), problem.hint);
  if (problems.length > 0) return undefined;
  let data: unknown;
  try {
    data = doc.toJS() ?? {};
  } catch (error) {
    // toJS throws on what parses but cannot be a value (yaml's own resource limits among them).
    reporter.error(
      'frontmatter-yaml',
      `Malformed YAML frontmatter: ${String((error as Error).message).split('\n')[0]}`,
      toPosition(0),
      YAML_HINT,
    );
    return undefined;
  }
  const parsedFrontmatter: ParsedFrontmatter = { data, locate };
  // Only `yaml` reads escapes (`"\e"`); the subset reader declines them.
  checkFrontmatterText(parsedFrontmatter, reporter);
  return parsedFrontmatter;
}

const YAML_HINT = 'Check indentation and quoting; a value containing `: ` or starting with a quote must be quoted as a whole.';

/** The syntax errors of `doc`, or else its first alias: frontmatter needs none, and aliases can multiply a value. */
function yamlProblems(doc: Document): { message: string; offset: number; hint: string }[] {
  if (doc.errors.length > 0)
    return doc.errors.map((error) => ({
      message: `Malformed YAML frontmatter: ${error.message.split('\n')[0]}`,
      offset: error.pos[0],
      hint: YAML_HINT,
    }));
  const { visit } = yamlPackage();
  let alias: number | undefined;
  visit(doc, {
    Alias(_, node) {
      alias = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return alias === undefined
    ? []
    : [
        {
          message: 'YAML aliases (`*name`) are not allowed in frontmatter',
          offset: alias,
          hint: 'Write the value out in full where it is used.',
        },
      ];
}

/**
 * Report each frontmatter string that holds a control character once YAML has read it: an escape (`"\e"`, `"\0"`)
 * puts one there that the file's text does not show.
 */
export function checkFrontmatterText(parsed: ParsedFrontmatter, reporter: Reporter): void {
  const visit = (value: unknown, path: PropertyKey[]): void => {
    if (typeof value === 'string') {
      const found = firstControlCharacter(value);
      if (found)
        reporter.error(
          'control-character',
          `Control character ${found} is not allowed in content (in \`${describePath(path)}\`)`,
          parsed.locate(path),
          'Delete it, or the YAML escape that writes it (`\\e`, `\\0`, `\\a`…): content may hold tabs and line breaks, no other control characters.',
        );
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
  };
  visit(parsed.data, []);
}

/** Where `yaml` puts the value at `path`, or the key `key` in the mapping there, or the nearest parent that exists. */
export function nodeOffset(doc: Document, path: readonly PropertyKey[], key?: string): number {
  const { isMap, isScalar } = yamlPackage();
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true) as YamlNode | undefined;
    if (!node || !node.range) continue;
    if (depth === path.length && key !== undefined && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
    }
    if (depth < path.length && isMap(node)) {
      // The value is missing or the path ends in a key: point at the key when there is one.
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === path[depth]);
      if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
    }
    return node.range[0];
  }
  return 0;
}

/** `roles[0].quote`: a frontmatter path as a reader writes it. */
export function describePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('') || '(frontmatter)';
}
