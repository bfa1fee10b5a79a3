/**
 * A fast reader for the YAML that frontmatter is written in: block mappings and sequences indented with spaces,
 * `- key: value` items, flow sequences of scalars (`[a, b]`), and scalars that are plain, double-quoted without
 * escapes, or single-quoted. It gives exactly the value of the `yaml` package (core schema) or declines with
 * undefined, and `yaml` reads whatever it declines: comments, anchors, tags, block scalars, flow mappings, escapes,
 * numbers and booleans, values spanning lines, tabs, trailing spaces, duplicate keys, anything malformed.
 * tests/unit/yaml-subset.test.ts holds it to `yaml` on every content file and fixture and on generated near-misses.
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

/** A value on the line of its key or dash: a flow sequence of scalars, or a scalar. */
function inlineValue(text: string): unknown {
  if (text === '' || text.startsWith(' ')) decline();
  if (!text.startsWith('[')) return scalar(text);
  if (!text.endsWith(']')) decline();
  const inner = spaceTrimmed(text.slice(1, -1));
  return inner === '' ? [] : inner.split(',').map((item) => scalar(spaceTrimmed(item), true));
}

interface Line {
  indent: number;
  text: string;
}

/** Reads the block at `indent` starting at `lines[at]`; returns the value and the next line's index. */
function block(lines: readonly Line[], at: number, indent: number): [unknown, number] {
  return lines[at]!.text.startsWith('- ') || lines[at]!.text === '-' ? sequence(lines, at, indent) : mapping(lines, at, indent);
}

/** The value of `key:` with nothing after it: the more-indented block below (or a sequence at the same indent). */
function nested(lines: readonly Line[], at: number, indent: number): [unknown, number] {
  const next = lines[at];
  if (!next) return decline();
  if (next.indent > indent) return block(lines, at, next.indent);
  if (next.indent === indent && next.text.startsWith('- ')) return sequence(lines, at, indent);
  return decline();
}

function mapping(lines: readonly Line[], at: number, indent: number, into: Record<string, unknown> = {}): [unknown, number] {
  let i = at;
  while (i < lines.length && lines[i]!.indent === indent && !lines[i]!.text.startsWith('- ')) {
    const match = KEY.exec(lines[i]!.text);
    if (!match) decline();
    const [, key, rest] = match!;
    if (Object.hasOwn(into, key!) || key === '__proto__' || plain(key!, false) !== key) decline();
    if (rest === undefined) {
      const [value, next] = nested(lines, i + 1, indent);
      into[key!] = value;
      i = next;
    } else {
      into[key!] = inlineValue(rest);
      i++;
    }
  }
  if (i < lines.length && lines[i]!.indent > indent) decline(); // a scalar continued on the next line, or stray indent
  return [into, i];
}

function sequence(lines: readonly Line[], at: number, indent: number): [unknown, number] {
  const items: unknown[] = [];
  let i = at;
  while (i < lines.length && lines[i]!.indent === indent && lines[i]!.text.startsWith('- ')) {
    const rest = lines[i]!.text.slice(2);
    if (rest.startsWith(' ') || rest.startsWith('- ') || rest === '-') decline();
    if (KEY.test(rest)) {
      // `- key: value` and the keys below it, indented to line up with the first.
      const item: Record<string, unknown> = {};
      const inner = indent + 2;
      const first: Line[] = [{ indent: inner, text: rest }];
      const [, next] = mapping([...first, ...lines.slice(i + 1)], 0, inner, item);
      items.push(item);
      i = i + next;
    } else {
      items.push(inlineValue(rest));
      i++;
    }
  }
  if (i < lines.length && lines[i]!.indent > indent) decline();
  return [items, i];
}

/**
 * The value `yaml` would give for `source` (the text between the frontmatter fences), or undefined when the text is
 * outside the subset (which includes every malformed text).
 */
export function parseYamlSubset(source: string): unknown {
  // Tabs, trailing spaces, line breaks other than LF and characters YAML does not allow in a document.
  if (
    spaceTrimmed(source.replaceAll('\n', ' ')) === '' ||
    /[ ]\n|[ ]$|[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/.test(source)
  )
    return undefined;
  const lines: Line[] = [];
  for (const raw of source.split('\n')) {
    if (raw === '') continue;
    const text = raw.replace(/^ +/, '');
    if (text.startsWith('#') || text.startsWith('---') || text.startsWith('...')) return undefined;
    lines.push({ indent: raw.length - text.length, text });
  }
  if (lines.length === 0 || lines[0]!.indent !== 0) return undefined;
  try {
    const [value, next] = block(lines, 0, 0);
    return next === lines.length ? value : undefined;
  } catch (error) {
    if (error instanceof Decline) return undefined;
    throw error;
  }
}
