/**
 * The worst page each limit allows: for every limit of text-limits.ts, tree-rules.ts and the hint budget, a page at the
 * size limit (1 MB) that stays just within it, checked in bounded time. Each prints its CPU time, so a run of this
 * file is the bench of the limits: `npm exec -- vitest run --project unit tests/content/hostile-limits.test.ts`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PAGE_BYTES, TEXT_LIMITS } from '../../src/lib/pages/content-rules.ts';
import { MAX_NESTING } from '../../src/lib/verify/page/tree-rules.ts';
import { INVALID } from './hostile-files.ts';
import { verifyTree } from './verify-helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'backchannel-limits-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HEAD = `---
title: A page at the limits
date:
  value: unknown
  label: Undated
  source: compete-to-lead-talks
  quote: "State Department spokesperson Tommy Pigott said"
participants: [tommy-pigott]
summary: A page as large and as dense as the limits allow.
---

`;
/** A paragraph of 1,900 characters: 500 of them fill the page and stay far below the block limit. */
const PROSE = `${'Officials said the envoy met his counterparts in Geneva before the secretary arrived, according to people familiar with the talks. '.repeat(15)}\n\n`;
/** `unit` (the dense part) `count` times, then prose up to the page size limit. */
function page(dense: string, before = false): string {
  const room = MAX_PAGE_BYTES - Buffer.byteLength(HEAD) - Buffer.byteLength(dense) - 1024;
  expect(room, 'the dense part fits the page').toBeGreaterThan(0);
  const prose = PROSE.repeat(Math.floor(room / Buffer.byteLength(PROSE)));
  return HEAD + (before ? prose + dense : dense + prose);
}

const repeat = (unit: string, n: number, sep = '') => Array.from({ length: n }, (_, i) => unit.replaceAll('{n}', String(i))).join(sep);
const L = TEXT_LIMITS;

/** Each limit's worst page: [name, page text]. Dense parts go after the prose where that is what costs most. */
const worst: [string, () => string][] = [
  ['prose only', () => page('')],
  ['paragraphs of 1,000 lines', () => page(repeat(`${repeat('word word word word word\n', L.blockLines)}\n`, 20))],
  ['marks: 1,000 in each of 20 paragraphs (emphasis)', () => page(repeat(`${repeat('*a* ', L.marksPerBlock / 2)}\n\n`, L.marksPerPage / L.marksPerBlock))],
  ['marks: 20,000 on the page (links)', () => page(repeat(`${repeat('[a](/people/tommy-pigott/) ', 250)}\n\n`, L.marksPerPage / 1000))],
  // Three marks each: the backslash, the `*` it escapes, the `&`.
  ['marks: escapes and references', () => page(repeat(`${repeat('\\* &amp; ', Math.floor(L.marksPerBlock / 3))}\n\n`, 20))],
  ['nested blocks: 256 quotes after the prose', () => page(repeat('> a\n\n', L.nestedBlocks), true)],
  ['nested blocks: lists 8 deep after the prose', () => page(repeat(`${repeat('- a\n', 1)}${repeat('  '.repeat(1) + '- b\n', 7)}\n`, Math.floor(L.nestedBlocks / 7)), true)],
  ['underlined headings after the prose', () => page(repeat('Title {n}\n===\n\n', L.underlines), true)],
  ['table rows after the prose', () => page(repeat(`| a | b |\n| - | - |\n${repeat('| x | y |\n', 998)}\n`, 2), true)],
  ['blocks: 5,000 short paragraphs', () => page(repeat('A short paragraph of reporting, with nothing else in it at all.\n\n', L.blocks - 500))],
  ['tags: 6,000 (inline claims)', () => page(repeat(`${repeat('<Claim id="c-{n}" status="reported">x</Claim> ', 100)}\n\n`, 30))],
  [`depth: ${MAX_NESTING} nested quotes, as often as the nested-block limit allows`, () => page(repeat(`${'> '.repeat(MAX_NESTING)}deep\n\n`, Math.floor(L.nestedBlocks / MAX_NESTING)), true)],
];

describe('the worst page each limit allows is checked in bounded time', () => {
  it.each(worst)('%s', (name, make) => {
    const text = make();
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_PAGE_BYTES);
    const dir = join(tmp, name.replace(/\W+/g, '-'));
    cpSync(join(INVALID, '_base'), dir, { recursive: true });
    writeFileSync(join(dir, 'content/episodes/limits.mdx'), text);
    const started = process.cpuUsage().user;
    const { diagnostics } = verifyTree(dir);
    const ms = Math.round((process.cpuUsage().user - started) / 1000);
    process.stdout.write(`limits: ${name}: ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB in ${ms} ms of CPU\n`);
    // Within every limit: whatever else the page gets wrong (claims without citations…), it was parsed and walked.
    const limits = ['block-too-long', 'too-many-blocks', 'too-many-nested-blocks', 'too-much-markup', 'too-many-tags', 'nesting-too-deep'];
    expect(diagnostics.filter((d) => limits.includes(d.rule))).toEqual([]);
    expect(ms).toBeLessThan(6_000);
  }, 120_000);

  it('one step past each limit is reported (the pages above are at the limits, not below them)', () => {
    const past: [string, string][] = [
      [repeat('word\n', L.blockLines + 1), 'block-too-long'],
      [repeat('*a* ', L.marksPerBlock / 2 + 1), 'too-much-markup'],
      [repeat('> a\n\n', L.nestedBlocks + 1), 'too-many-nested-blocks'],
      [repeat('T\n===\n\n', L.underlines + 1), 'too-many-blocks'],
      [repeat('<Claim id="c-{n}" status="reported">x</Claim>\n\n', L.tags / 2 + 1), 'too-many-tags'],
      [`${'> '.repeat(MAX_NESTING + 1)}x\n`, 'nesting-too-deep'],
    ];
    for (const [dense, rule] of past) {
      const dir = join(tmp, `past-${rule}`);
      cpSync(join(INVALID, '_base'), dir, { recursive: true });
      writeFileSync(join(dir, 'content/episodes/limits.mdx'), HEAD + dense);
      expect(verifyTree(dir).diagnostics.map((d) => d.rule)).toEqual([rule]);
    }
  });
});

describe('the closest-passage hint', () => {
  it('is bounded per page: 500 missing quotes of a 3 MB source', () => {
    const dir = join(tmp, 'hints');
    cpSync(join(INVALID, '_base'), dir, { recursive: true });
    const body = repeat(`Paragraph {n}: ${'officials met in Geneva and later flew home to report to the envoy and the secretary of state, '.repeat(20)}\n`, 1600);
    const sha = createHash('sha256').update(body).digest('hex');
    writeFileSync(join(dir, 'content/sources/long-capture.md'), `---\ntitle: A long capture\npublisher: null\npublished:\n  date: unknown\nlanguage: en\nsha256: ${sha}\n---\n${body}`);
    const quote = 'words {n} that are nowhere in this long capture at all '.repeat(17).trim();
    const claims = repeat(`<Claim id="c-{n}" status="reported">\nOfficials met.\n<Cite source="long-capture" quote="${quote}" />\n</Claim>\n\n`, 500);
    writeFileSync(join(dir, 'content/episodes/limits.mdx'), HEAD + claims);
    const started = process.cpuUsage().user;
    const { diagnostics } = verifyTree(dir);
    const ms = Math.round((process.cpuUsage().user - started) / 1000);
    process.stdout.write(`limits: 500 missing quotes of a 3 MB source in ${ms} ms of CPU\n`);
    expect(diagnostics).toHaveLength(500);
    expect(diagnostics.every((d) => d.rule === 'quote-not-found')).toBe(true);
    expect(diagnostics[0]!.hint).toMatch(/^Closest passage \(\d+% similar, p-\d+\)/);
    expect(diagnostics.at(-1)!.hint).toMatch(/^No closest passage: the hints for the missing quotes above it/);
    expect(ms).toBeLessThan(8_000);
  }, 120_000);
});

describe('npm run check on a page at the size limit', () => {
  it('finishes in a few seconds', () => {
    const dir = join(tmp, 'cli');
    cpSync(join(INVALID, '_base'), dir, { recursive: true });
    writeFileSync(join(dir, 'content/episodes/limits.mdx'), page(''));
    const started = performance.now();
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/check.mjs'), '--root', dir, '--json'], { encoding: 'utf8' });
    const ms = Math.round(performance.now() - started);
    process.stdout.write(`limits: npm run check on a 1 MB page: ${ms} ms wall, Node start-up included\n`);
    expect(run.status, run.stderr).toBe(0);
    // Wall time on a shared machine: generous; the CPU-time tests above hold the verifier to its budget.
    expect(ms).toBeLessThan(20_000);
  }, 60_000);
});
