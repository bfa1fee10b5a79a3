/**
 * A fast reader for the YAML that frontmatter is written in: block mappings and sequences indented with spaces,
 * `- key: value` items, flow sequences of scalars (`[a, b]`), and scalars that are plain, double-quoted without
 * escapes, or single-quoted. It gives exactly the value of the `yaml` package (core schema) or declines with
 * undefined, and `yaml` reads whatever it declines: comments, anchors, tags, block scalars, flow mappings, escapes,
 * numbers and booleans, values spanning lines, tabs, trailing spaces, duplicate keys, anything malformed.
 * It also gives where each value and key starts, as `yaml`'s nodes do, so a page whose diagnostics or citations need
 * a position in its frontmatter does not pay for `yaml` either.
 * tests/unit/yaml-subset.test.ts holds both to `yaml` on every content file and fixture and on generated near-misses.
 */

/** Plain scalars the core schema reads as something other than a string (from yaml's schema/core tags). */
const NOT_A_STRING = [
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
];
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/;

/** Thrown to decline; caught once at the top. */
class Decline extends Error {}
const decline = (): never => {
  throw new Decline();
};

/** A plain scalar's value, for the plain scalars the subset takes (no indicator first, no `: ` or ` #` inside). */
function plain(text: string, inFlow: boolean): string | null {
  if (text === '' || /^[-?:,[\]{}#&*!|>'"%@`\s]/.test(text) || /: |:$| #|\s$/.test(text)) decline();
  if (inFlow && /[,[\]{}]/.test(text)) decline();
  if (NULL.test(text)) return null;
  if (NOT_A_STRING.some((re) => re.test(text))) decline();
  return text;
}

/** A scalar written on one line, the whole of `text`. */
function scalar(text: string, inFlow = false): string | null {
  if (text.startsWith('"')) {
    const inner = text.slice(1, -1);
    if (text.length < 2 || !text.endsWith('"') || /["\\]/.test(inner)) decline();
    return inner;
  }
  if (text.startsWith("'")) {
    const inner = text.slice(1, -1);
    if (text.length < 2 || !text.endsWith("'") || inner.replaceAll("''", '').includes("'")) decline();
    return inner.replaceAll("''", "'");
  }
  return plain(text, inFlow);
}

/** `text` without the spaces around it (only spaces: YAML's other white space is a tab, and a no-break space is text). */
const spaceTrimmed = (text: string) => text.replace(/^ +| +$/g, '');

/**
 * Where a value starts (as `yaml`'s node range does: a mapping at its first key, a block sequence at its first dash,
 * a flow sequence at its bracket, a quoted scalar at its quote), and for a mapping where each key starts.
 */
export interface Located {
  start: number;
  keys?: Map<string, { at: number; node: Located }>;
  items?: Located[];
}

/** A value on the line of its key or dash, starting at offset `at`: a flow sequence of scalars, or a scalar. */
function inlineValue(text: string, at: number): [unknown, Located] {
  if (text === '' || text.startsWith(' ')) decline();
  if (!text.startsWith('[')) return [scalar(text), { start: at }];
  if (!text.endsWith(']')) decline();
  const inner = text.slice(1, -1);
  if (spaceTrimmed(inner) === '') return [[], { start: at, items: [] }];
  const values: unknown[] = [];
  const items: Located[] = [];
  let from = 0;
  for (const item of inner.split(',')) {
    values.push(scalar(spaceTrimmed(item), true));
    items.push({ start: at + 1 + from + (item.length - item.replace(/^ +/, '').length) });
    from += item.length + 1;
  }
  return [values, { start: at, items }];
}

interface Line {
  indent: number;
  text: string;
  /** Offset of `text` (after the indent) in the source. */
  at: number;
}

/** Reads the block at `indent` starting at `lines[at]`; returns the value, where it is and the next line's index. */
function block(lines: readonly Line[], at: number, indent: number): [unknown, Located, number] {
  return lines[at]!.text.startsWith('- ') || lines[at]!.text === '-' ? sequence(lines, at, indent) : mapping(lines, at, indent);
}

/** The value of `key:` with nothing after it: the more-indented block below (or a sequence at the same indent). */
function nested(lines: readonly Line[], at: number, indent: number): [unknown, Located, number] {
  const next = lines[at];
  if (!next) return decline();
  if (next.indent > indent) return block(lines, at, next.indent);
  if (next.indent === indent && next.text.startsWith('- ')) return sequence(lines, at, indent);
  return decline();
}

function mapping(lines: readonly Line[], at: number, indent: number): [unknown, Located, number] {
  const into: Record<string, unknown> = {};
  const keys = new Map<string, { at: number; node: Located }>();
  let i = at;
  while (i < lines.length && lines[i]!.indent === indent && !lines[i]!.text.startsWith('- ')) {
    const line = lines[i]!;
    const match = KEY.exec(line.text);
    if (!match) decline();
    const [, key, rest] = match!;
    if (Object.hasOwn(into, key!) || key === '__proto__' || plain(key!, false) !== key) decline();
    const [value, node, next] =
      rest === undefined ? nested(lines, i + 1, indent) : [...inlineValue(rest, line.at + key!.length + 2), i + 1];
    into[key!] = value;
    keys.set(key!, { at: line.at, node });
    i = next;
  }
  if (i < lines.length && lines[i]!.indent > indent) decline(); // a scalar continued on the next line, or stray indent
  return [into, { start: lines[at]!.at, keys }, i];
}

function sequence(lines: readonly Line[], at: number, indent: number): [unknown, Located, number] {
  const values: unknown[] = [];
  const items: Located[] = [];
  let i = at;
  while (i < lines.length && lines[i]!.indent === indent && lines[i]!.text.startsWith('- ')) {
    const line = lines[i]!;
    const rest = line.text.slice(2);
    if (rest.startsWith(' ') || rest.startsWith('- ') || rest === '-') decline();
    if (KEY.test(rest)) {
      // `- key: value` and the keys below it, indented to line up with the first.
      const first: Line = { indent: indent + 2, text: rest, at: line.at + 2 };
      const [value, node, next] = mapping([first, ...lines.slice(i + 1)], 0, indent + 2);
      values.push(value);
      items.push(node);
      i = i + next;
    } else {
      const [value, node] = inlineValue(rest, line.at + 2);
      values.push(value);
      items.push(node);
      i++;
    }
  }
  if (i < lines.length && lines[i]!.indent > indent) decline();
  return [values, { start: lines[at]!.at, items }, i];
}

/**
 * The value `yaml` would give for `source` (the text between the frontmatter fences), or undefined when the text is
 * outside the subset (which includes every malformed text).
 */
export function parseYamlSubset(source: string): unknown {
  return readYamlSubset(source)?.value;
}

/** `parseYamlSubset`'s value and where each of its values starts, or undefined when the text is outside the subset. */
export function readYamlSubset(source: string): { value: unknown; located: Located } | undefined {
  // Tabs, trailing spaces, line breaks other than LF and characters YAML does not allow in a document.
  if (
    spaceTrimmed(source.replaceAll('\n', ' ')) === '' ||
    /[ ]\n|[ ]$|[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/.test(source)
  )
    return undefined;
  const lines: Line[] = [];
  let offset = 0;
  for (const raw of source.split('\n')) {
    const text = raw.replace(/^ +/, '');
    if (text.startsWith('#') || text.startsWith('---') || text.startsWith('...')) return undefined;
    if (raw !== '') lines.push({ indent: raw.length - text.length, text, at: offset + raw.length - text.length });
    offset += raw.length + 1;
  }
  if (lines.length === 0 || lines[0]!.indent !== 0) return undefined;
  try {
    const [value, located, next] = block(lines, 0, 0);
    return next === lines.length ? { value, located } : undefined;
  } catch (error) {
    if (error instanceof Decline) return undefined;
    throw error;
  }
}

/** The node at `path` (as `yaml`'s `getIn(path, true)` finds it), or undefined. */
function locatedAt(root: Located, path: readonly PropertyKey[]): Located | undefined {
  let node: Located | undefined = root;
  for (const step of path) {
    if (node?.keys) node = typeof step === 'string' ? node.keys.get(step)?.node : undefined;
    else if (node?.items) {
      // yaml takes an index written as a string too.
      const index = typeof step === 'string' && step !== '' ? Number(step) : step;
      node = typeof index === 'number' && Number.isInteger(index) && index >= 0 ? node.items[index] : undefined;
    } else return undefined;
  }
  return node;
}

/**
 * Where the value at `path` starts, or the key `key` in the mapping there, or the nearest parent that exists (at
 * the key that leads towards the missing value): the offset frontmatter.ts's `nodeOffset` finds in yaml's document.
 */
export function locatedOffset(root: Located, path: readonly PropertyKey[], key?: string): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = locatedAt(root, path.slice(0, depth));
    if (!node) continue;
    if (depth === path.length && key !== undefined && node.keys?.has(key)) return node.keys.get(key)!.at;
    const next = path[depth];
    if (depth < path.length && typeof next === 'string' && node.keys?.has(next)) return node.keys.get(next)!.at;
    return node.start;
  }
  return 0;
}
