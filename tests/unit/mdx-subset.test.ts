/**
 * The fast MDX subset parser against micromark: whenever it returns a tree, that tree must be the one the unified
 * pipeline gives (same nodes, values and positions), on every content file and fixture, on generated dossier
 * pages, and on thousands of near-misses made by mutating them (special characters, list and quote markers,
 * trailing spaces, autolinks, entities, odd JSX). It must also take the fast path on the plain pages it is for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, prng } from '../../bench/generate.ts';
import { toLf } from '../../src/lib/frontmatter.ts';
import { parseMdx, parseMdxWithMicromark } from '../../src/lib/pages/mdx-parse.ts';
import { parseMdxSubset } from '../../src/lib/pages/mdx-subset.ts';

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.mdx'))
    .map((e) => join(e.parentPath, e.name));
}

/** Compare the fast tree with micromark's; returns whether the fast path was taken. */
function agrees(text: string, label: string): boolean {
  const fast = parseMdxSubset(text);
  if (!fast) return false;
  const slow = parseMdxWithMicromark(text);
  expect(slow.ok, `${label}: the subset parser accepted text micromark rejects`).toBe(true);
  if (slow.ok) expect(fast, label).toEqual(slow.tree);
  return true;
}

/** Near-misses per run (MDX_SUBSET_ROUNDS=50000 for a longer hunt). */
const ROUNDS = Number(process.env.MDX_SUBSET_ROUNDS ?? 3000);

const corpus = generateCorpus({ pages: 60, sources: 20, seed: 7 }).files.filter((f) => !f.path.startsWith('sources/'));

describe('parseMdxSubset', () => {
  it('gives micromark’s tree for every content file and fixture it accepts', () => {
    const files = [...mdxFiles('content'), ...mdxFiles('tests/fixtures')];
    expect(files.length).toBeGreaterThan(50);
    let fast = 0;
    for (const file of files) if (agrees(toLf(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')), file)) fast++;
    expect(fast, 'some real pages take the fast path').toBeGreaterThan(0);
  });

  it('takes the fast path for generated dossier pages, with micromark’s tree', () => {
    expect(corpus.length).toBeGreaterThan(50);
    for (const file of corpus) expect(agrees(file.text, file.path), `${file.path} takes the fast path`).toBe(true);
  });

  it('gives micromark’s tree or declines, on near-misses of those pages', () => {
    const random = prng(20261127);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const inserts = [
      '*',
      '_',
      '**',
      '`',
      '\\',
      '~',
      '~~',
      '|',
      '&amp;',
      '&',
      '<',
      '>',
      '{',
      '}',
      '[',
      ']',
      '![x](/a/)',
      '[x]',
      '[x][y]',
      '[^1]',
      'www.example.com',
      'https://example.com',
      'a@b.co',
      'mailto:x',
      ' ',
      '  ',
      '\t',
      '\u00a0',
      '😀',
      '\n',
      '\n\n',
      '\n- ',
      '\n* ',
      '\n+ ',
      '\n1. ',
      '\n2) ',
      '\n> ',
      '\n# ',
      '\n####### ',
      '\n#',
      '\n---',
      '\n===',
      '\n    ',
      '\n```',
      '\nimport x from "y"',
      '\nexport const a = 1',
      '\n<br />',
      '\n<Claim>',
      '\n</Claim>',
      '\n<Cite />',
      '\n<Cite source="a" quote="b c d e"/>',
      "\n<Cite source='a' />",
      '\n<Cite a={1} />',
      '\n<Foo.Bar />',
      '<Cite />',
      '(',
      ')',
      '[a](/b/ "t")',
      '[a](<b>)',
      '[a](/b c/)',
      '[a]()',
      '[](/b/)',
      '#',
      '# ',
      '"',
      '’',
      '\n[a]: /b/',
      '\n<!-- c -->',
      '\n:--|--',
      'H~2~O',
      '$x$',
      ':smile:',
      '\r',
      'ä',
      '\u200b',
    ];
    let fastPath = 0;
    let cases = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const base = pick(corpus).text;
      let text = base;
      const edits = 1 + Math.floor(random() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * text.length);
        text = text.slice(0, at) + pick(inserts) + text.slice(at);
      }
      cases++;
      if (agrees(text, `round ${round}`)) fastPath++;
    }
    // Some near-misses still fall in the subset (a space, a quote, an emoji) and are checked against micromark.
    expect(fastPath).toBeGreaterThan(0);
    expect(fastPath).toBeLessThan(cases);
  }, 120_000);

  // Each edge says what must happen: the fast parser takes it (and gives micromark's tree), or it declines and
  // parseMdx gives micromark's own result, a tree or the error named here.
  const edges: [doc: string, outcome: 'fast' | 'declined' | `error: ${string}`][] = [
    ['---\n---\n', 'fast'],
    ['---\na: 1\n---', 'fast'],
    ['---\na: 1\n---\n# Title\nText right after.\n## Two\n', 'fast'],
    ['---\na: 1\n---\n\nLine one\nline two [x](/y/) and [z](/w/#k)\n', 'fast'],
    [
      '---\na: 1\n---\n\n<Claim id="a" status="reported">\nText.\n<Cite source="s" quote="one two three four" />\n</Claim>\nAfter.\n',
      'fast',
    ],
    ['---\na: 1\n---\n\nBefore.\n<Claim id="a" status="reported">\n\nText.\n\n<Cite source="s" quote="q"/>\n\n</Claim>\n', 'fast'],
    ['---\na: 1\n---\n\n<Claim   id="a"    status="reported" >\nText.\n</Claim>\n', 'declined'],
    ['---\na: 1\n---\n\n<Claim id="" status="x"/>\n<Cite source="s" quote="q"></Cite>\n', 'declined'],
    ['---\na: 1\n---\n\n<Claim id="a">\n<Claim id="b">\nText.\n</Claim>\n</Claim>\n', 'fast'],
    [
      '---\na: 1\n---\n\n<Claim id="a">\nText.\n</Cite>\n',
      'error: 7:1 Unexpected closing tag `</Cite>`, expected corresponding closing tag for `<Claim>`',
    ],
    ['---\na: 1\n---\n\n<Claim id="a">\nText.\n', 'error: 5:1 Expected a closing tag for `<Claim>`'],
    ['---\na: 1\n---\n\nEmoji 😀 then [link 😀](/a/) ok.\n', 'fast'],
    ['---\na: 1\n---\n\n# Heading with [link](/a/)\n', 'fast'],
    ['---\na: 1\n---\n\n1999 was a year. 2. Not a list.\n', 'fast'],
  ];
  it.each(edges)('handles the edge %j exactly as micromark does (%s)', (doc, outcome) => {
    const taken = agrees(doc, JSON.stringify(doc));
    expect(taken ? 'fast' : 'declined').toBe(outcome === 'fast' ? 'fast' : 'declined');
    if (taken) return;
    const slow = parseMdxWithMicromark(doc);
    expect(parseMdx(doc)).toEqual(slow);
    if (outcome === 'declined') {
      expect(slow.ok).toBe(true);
      if (slow.ok) expect(slow.tree.children.some((n) => n.type === 'mdxJsxFlowElement')).toBe(true);
    } else expect(slow.ok ? 'ok' : `error: ${slow.at.line}:${slow.at.column} ${slow.message}`).toBe(outcome);
  });

  it('is what parseMdx uses when it applies, and micromark otherwise', () => {
    const plain = corpus[0]!.text;
    expect(parseMdx(plain)).toEqual({ ok: true, tree: parseMdxSubset(plain) });
    // `fast: false` (VerifyOptions.fastParsers) reads it with micromark, to the same tree.
    expect(parseMdx(plain, { fast: false })).toEqual(parseMdxWithMicromark(plain));
    expect(parseMdx(plain, { fast: false })).toEqual(parseMdx(plain));
    const rich = `${plain}\nSome *emphasis* here.\n`;
    expect(parseMdxSubset(rich)).toBeUndefined();
    expect(parseMdx(rich)).toEqual(parseMdxWithMicromark(rich));
  });
});
