/**
 * The fast frontmatter reader against the `yaml` package: whenever it gives a value, `yaml` must read the same text
 * without an error and give the same value and the same position for every value, key and missing path, on every
 * content file and fixture, on generated pages, on hand-picked cases and on thousands of near-misses (indicators,
 * quotes, comments, numbers, tabs, spaces, line breaks).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { generateCorpus, prng } from '../../bench/generate.ts';
import { nodeOffset, parseFrontmatter, splitFrontmatter, toLf } from '../../src/lib/frontmatter.ts';
import { locatedOffset, parseYamlSubset, readYamlSubset } from '../../src/lib/yaml-subset.ts';
import type { Diagnostic, Reporter } from '../../src/lib/diagnostics.ts';

function frontmatters(dir: string): { label: string; yaml: string }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.mdx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .map((file) => ({ label: file, yaml: splitFrontmatter(toLf(readFileSync(file, 'utf8'))).yaml }))
    .filter((f) => f.yaml !== '');
}

/**
 * Every path a diagnostic could ask about in `value`: each value's, each key's (as `[path, key]`), and paths that
 * do not exist (a missing key, an index past the end, an index written as a string, a path through a scalar).
 */
function queries(value: unknown, path: PropertyKey[] = []): [PropertyKey[], string?][] {
  const out: [PropertyKey[], string?][] = [[path], [[...path, 'missing']], [[...path, 'missing', 0]]];
  if (Array.isArray(value)) {
    out.push([[...path, value.length]], [[...path, '0']], [[...path, -1]]);
    value.forEach((v, i) => out.push(...queries(v, [...path, i])));
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push([path, k], [path, 'missing'], ...queries(v, [...path, k]));
  return out;
}

/** Compare the fast value and positions with yaml's; returns whether the fast reader took the text. */
function agrees(yaml: string, label: string): boolean {
  const fast = readYamlSubset(yaml);
  expect(parseYamlSubset(yaml), label).toEqual(fast?.value);
  if (fast === undefined) return false;
  const doc = parseDocument(yaml, { uniqueKeys: true, prettyErrors: false });
  expect(
    doc.errors.map((e) => e.message),
    `${label}: accepted text yaml rejects`,
  ).toEqual([]);
  expect(fast.value, label).toEqual(doc.toJS());
  for (const [path, key] of queries(fast.value))
    expect(locatedOffset(fast.located, path, key), `${label} at ${JSON.stringify(path)} ${key ?? ''}`).toBe(nodeOffset(doc, path, key));
  return true;
}

const ROUNDS = Number(process.env.YAML_SUBSET_ROUNDS ?? 3000);
const corpus = generateCorpus({ pages: 60, sources: 20, seed: 11 }).files.map((f) => ({
  label: f.path,
  yaml: splitFrontmatter(f.text).yaml,
}));

describe('parseYamlSubset', () => {
  it('gives yaml’s value for every content file and fixture it takes, and takes most of them', () => {
    const files = [...frontmatters('content'), ...frontmatters('tests/fixtures')];
    expect(files.length).toBeGreaterThan(50);
    const fast = files.filter((f) => agrees(f.yaml, f.label)).length;
    expect(fast / files.length).toBeGreaterThan(0.8);
  });

  it('takes every generated page and source', () => {
    for (const f of corpus) expect(agrees(f.yaml, f.label), `${f.label} takes the fast path`).toBe(true);
  });

  it.each([
    ['a: b\nc:\n  d: "e: f"\n  g: [h, "i j", \'k\'\'s\']', { a: 'b', c: { d: 'e: f', g: ['h', 'i j', "k's"] } }],
    ['list:\n  - one\n  - two: 2x\n    three: x\nnext: null', { list: ['one', { two: '2x', three: 'x' }], next: null }],
    ['list:\n- a\n- b\nz: ~', { list: ['a', 'b'], z: null }],
    [
      'hash: 044b210bb44265f5fb4fa7598f679b3f3b6deb298a79c462b605867204b4311c\ndate: 2025-08',
      {
        hash: '044b210bb44265f5fb4fa7598f679b3f3b6deb298a79c462b605867204b4311c',
        date: '2025-08',
      },
    ],
    ['empty: []\ncurly: “Vitkoff” is a misspelling’s case', { empty: [], curly: '“Vitkoff” is a misspelling’s case' }],
  ])('reads %j', (yaml, value) => {
    expect(parseYamlSubset(yaml)).toEqual(value);
    expect(agrees(yaml, yaml)).toBe(true);
  });

  it.each([
    ['a number', 'n: 12'],
    ['a float', 'n: 1.5e3'],
    ['a boolean', 'b: true'],
    ['a comment', 'a: b # note'],
    ['a comment line', '# note\na: b'],
    ['an anchor', 'a: &x b'],
    ['a tag', 'a: !!str 1'],
    ['a block scalar', 'a: |\n  b'],
    ['a folded value', 'a: b\n  c'],
    ['an escape', 'a: "b\\"c"'],
    ['a flow mapping', 'a: {b: c}'],
    ['a tab', 'a:\tb'],
    ['a trailing space', 'a: b '],
    ['a duplicate key', 'a: b\na: c'],
    ['a value with ": "', 'a: b: c'],
    ['a key with no value', 'a:\nb: c'],
    ['a CR', 'a: b\r\nc: d'],
    ['a quoted key', '"a": b'],
    ['a multi-line quote', 'a: "b\n  c"'],
    ['a stray indent', 'a: b\n   c: d'],
  ])('declines %s', (_, yaml) => {
    expect(parseYamlSubset(yaml)).toBeUndefined();
  });

  it('gives yaml’s value or declines, on near-misses of those frontmatters', () => {
    const random = prng(20261128);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const inserts = [
      ' ',
      '  ',
      ':',
      ': ',
      '-',
      '- ',
      '#',
      ' #',
      '"',
      "'",
      "''",
      '[',
      ']',
      ',',
      '{',
      '}',
      '\n',
      '\n  ',
      '\t',
      '0',
      '1.5',
      'true',
      'null',
      '~',
      '&',
      '*',
      '!',
      '|',
      '>',
      '?',
      '%',
      '@',
      '`',
      '\\',
      '---',
      '...',
      '\u00a0',
      '\u2028',
    ];
    const bases = [...corpus.slice(0, 30), ...frontmatters('content')].map((f) => f.yaml);
    let taken = 0;
    for (let round = 0; round < ROUNDS; round++) {
      let text = pick(bases);
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        const at = Math.floor(random() * (text.length + 1));
        text = random() < 0.25 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + pick(inserts) + text.slice(at);
      }
      if (agrees(text, JSON.stringify(text))) taken++;
    }
    expect(taken, 'some near-misses are still in the subset').toBeGreaterThan(ROUNDS / 10);
  }, 600_000);
});

describe('parseFrontmatter on the fast path', () => {
  it('locates values and keys as yaml does', () => {
    const diagnostics: Diagnostic[] = [];
    const reporter = { error: (...args: unknown[]) => diagnostics.push(args as never) } as unknown as Reporter;
    const split = splitFrontmatter('---\ntitle: "A"\ndate:\n  value: "2025-08"\n  label: August\nroles:\n  - title: Envoy\n---\nBody\n');
    expect(parseYamlSubset(split.yaml)).toBeDefined();
    const parsed = parseFrontmatter(split, reporter)!;
    expect(diagnostics).toEqual([]);
    expect(parsed.data).toEqual({ title: 'A', date: { value: '2025-08', label: 'August' }, roles: [{ title: 'Envoy' }] });
    expect(parsed.locate(['date', 'value'])).toEqual({ line: 4, column: 10 });
    expect(parsed.locate(['date'], 'label')).toEqual({ line: 5, column: 3 });
    expect(parsed.locate(['roles', 0, 'title'])).toEqual({ line: 7, column: 12 });
    expect(parsed.locate(['missing', 'deeper'])).toEqual({ line: 2, column: 1 });
  });

  it('places values after blank lines and in flow sequences as yaml does', () => {
    const split = splitFrontmatter('---\n\ntitle: A\n\nparticipants: [ann,  bob , "c d"]\n---\n');
    const parsed = parseFrontmatter(split, {} as Reporter)!;
    expect(parsed.locate(['title'])).toEqual({ line: 3, column: 8 });
    expect(parsed.locate(['participants', 0])).toEqual({ line: 5, column: 16 });
    expect(parsed.locate(['participants', 1])).toEqual({ line: 5, column: 22 });
    expect(parsed.locate(['participants', 2])).toEqual({ line: 5, column: 28 });
    expect(parsed.locate(['participants', 3])).toEqual({ line: 5, column: 15 });
  });
});
