/**
 * Valid variants: content that differs from the canonical form only in ways the content model says do not
 * matter (encoding details, typography, case, whitespace, path style) must verify with zero diagnostics and
 * yield the same claim graph. Static variants live in tests/fixtures/valid/<case>/; BOM, CRLF, CR and NFD
 * variants are generated here from tests/fixtures/valid/base into a temp folder, so git's line-ending
 * handling can never alter them.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dossier } from '../../src/lib/model.ts';
import { normalize } from '../../src/lib/normalize.ts';
import { verifyTree } from './verify-helpers.ts';
import { hashText } from '../../src/lib/sources/parse-source.ts';

const VALID = fileURLToPath(new URL('../fixtures/valid/', import.meta.url));
const INVALID = fileURLToPath(new URL('../fixtures/invalid/', import.meta.url));
const BASE = join(VALID, 'base');

const tmp = mkdtempSync(join(tmpdir(), 'backchannel-valid-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Copy a fixture tree to a temp folder and rewrite the files `select` picks with `transform`. */
function variantOf(from: string, name: string, select: (path: string) => boolean, transform: (text: string, path: string) => string): string {
  const dir = join(tmp, name);
  cpSync(from, dir, { recursive: true });
  let changed = 0;
  for (const path of filesUnder(join(dir, 'content'))) {
    if (!select(path)) continue;
    const before = readFileSync(path, 'utf8');
    const after = transform(before, path);
    if (after !== before) changed++;
    writeFileSync(path, after);
  }
  // A variant identical to its base would prove nothing.
  if (changed === 0) throw new Error(`variant ${name} changed no file`);
  return dir;
}

const isPage = (path: string) => path.endsWith('.mdx');
const isSource = (path: string) => path.endsWith('.md');
const withBom = (text: string) => `\uFEFF${text}`;
const crlf = (text: string) => text.replace(/\n/g, '\r\n');
const crOnly = (text: string) => text.replace(/\n/g, '\r');
const nfd = (text: string) => text.normalize('NFD');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** What the reader gets from a dossier: claims with the passages they cite, and each source's paragraphs. */
function graphOf(dossier: Dossier) {
  return {
    claims: [...dossier.claims.values()]
      .map((c) => ({ id: c.id, status: c.status, about: c.about, citations: c.citations.map((x) => ({ source: x.source, stance: x.stance, paragraphs: x.paragraphs, exact: normalize(x.exact) })) }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    sources: [...dossier.sources.values()].map((s) => ({ slug: s.slug, paragraphs: s.paragraphs.map((p) => `${p.id}:${p.kind}`) })).sort((a, b) => a.slug.localeCompare(b.slug)),
    backlinks: [...dossier.backlinks].map(([slug, m]) => [slug, [...m].sort()]).sort(),
  };
}

const base = verifyTree(BASE);

describe('the base valid fixture', () => {
  it('verifies with zero diagnostics', () => {
    expect(base.diagnostics).toEqual([]);
  });

  it('has every claim verified (so the variants below compare something real)', () => {
    expect(base.dossier.claims.size).toBe(7);
    for (const claim of base.dossier.claims.values()) expect(claim.citations.length, claim.id).toBeGreaterThan(0);
    // The accented fixture is cited, so NFD/NFC differences are exercised.
    expect([...base.dossier.claims.values()].some((c) => c.citations.some((x) => x.source === 'accented-fixture'))).toBe(true);
  });
});

describe('encoding variants generated from the base fixture', () => {
  const variants: [string, (path: string) => boolean, (text: string) => string][] = [
    ['BOM-prefixed MDX pages', isPage, withBom],
    ['BOM-prefixed source files', isSource, withBom],
    ['CRLF line endings in MDX pages', isPage, crlf],
    ['CRLF line endings in source files', isSource, crlf],
    ['old Mac CR line endings in every file', () => true, crOnly],
    ['BOM and CRLF in every file', () => true, (t) => withBom(crlf(t))],
    ['NFD (decomposed) text in every MDX page, so quotes carry combining accents', isPage, nfd],
  ];

  it.each(variants)('%s: zero diagnostics and the same claim graph', (name, select, transform) => {
    const dir = variantOf(BASE, name.replace(/\W+/g, '-'), select, transform);
    const { dossier, diagnostics } = verifyTree(dir);
    expect(diagnostics).toEqual([]);
    expect(graphOf(dossier)).toEqual(graphOf(base.dossier));
  });

  it('a source stored in NFD (with its sha256 recorded over that text) still matches NFC quotes', () => {
    const dir = variantOf(BASE, 'nfd-source', (p) => p.endsWith('accented-fixture.md'), (text) => {
      const [, fm, body] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(text)!;
      const decomposed = nfd(body!);
      expect(decomposed).not.toBe(body);
      return fm!.replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha256(decomposed)}`) + decomposed;
    });
    const { dossier, diagnostics } = verifyTree(dir);
    expect(diagnostics).toEqual([]);
    expect(graphOf(dossier)).toEqual(graphOf(base.dossier));
  });

  it('hashes BOM and CRLF source text like its LF text, so converting line endings keeps sha256 valid', () => {
    const text = readFileSync(join(BASE, 'content/sources/compete-to-lead-talks.md'), 'utf8');
    const body = text.slice(text.indexOf('\n---\n') + 5);
    const recorded = /sha256: ([0-9a-f]{64})/.exec(text)![1];
    expect(sha256(body)).toBe(recorded);
    expect(hashText(body)).toBe(recorded);
    expect(hashText(crlf(body))).toBe(recorded);
    expect(hashText(withBom(crlf(body)))).toBe(recorded);
  });
});

describe('BOM and CRLF do not move reported positions', () => {
  const cases = ['unknown-source', 'frontmatter-unknown-field', 'quote-not-found', 'invalid-date-source', 'source-hash-mismatch'];
  it.each(cases)('%s: same rule, line and column with BOM + CRLF as with LF', (name) => {
    const lf = verifyTree(join(INVALID, name)).diagnostics;
    const converted = verifyTree(variantOf(join(INVALID, name), `positions-${name}`, () => true, (t) => withBom(crlf(t)))).diagnostics;
    expect(lf.length).toBeGreaterThan(0);
    const where = (d: { rule: string; file: string; line: number; column: number }) => ({ rule: d.rule, file: d.file, line: d.line, column: d.column });
    expect(converted.map(where)).toEqual(lf.map(where));
  });
});

describe('static valid variants (tests/fixtures/valid/<case>)', () => {
  const cases = readdirSync(VALID).filter((name) => name !== 'base' && statSync(join(VALID, name)).isDirectory());

  it('exist for every variant the content model promises to ignore', () => {
    expect(cases.sort()).toEqual([
      'curly-and-straight-quotes',
      'dashes',
      'ellipses',
      'letter-case',
      'multiline-quote',
      'occurrence',
      'site-images',
      'whitespace',
      'windows-links',
    ]);
  });

  it.each(cases)('%s: zero diagnostics, and every claim of the variant page is verified', (name) => {
    const { dossier, diagnostics } = verifyTree(join(VALID, name));
    expect(diagnostics).toEqual([]);
    // Every claim beyond the base ones must have all of its citations verified.
    const extra = [...dossier.claims.values()].filter((c) => !base.dossier.claims.has(c.id));
    expect(extra.length).toBeGreaterThan(0);
    for (const claim of extra) expect(claim.citations.length, claim.id).toBeGreaterThan(0);
  });

  it('curly vs straight quotes: each quote lands on the passage with the other kind of quote mark', () => {
    const { dossier } = verifyTree(join(VALID, 'curly-and-straight-quotes'));
    expect(dossier.claims.get('witkoff-rivals-straight' as never)!.citations[0]!.exact).toBe('rivals for the role of Washington’s lead negotiator');
    expect(dossier.claims.get('witkoff-absurd-straight-double' as never)!.citations[0]!.exact).toBe('blocking Rubio from meetings in Paris as “absurd.”');
    expect(dossier.claims.get('witkoff-curly-where-straight' as never)!.citations[0]!.exact).toBe("taking away Witkoff's ability to meet with the Ukrainian delegation without him");
  });

  it('dashes: hyphen, en dash and em dash match each other', () => {
    const { dossier } = verifyTree(join(VALID, 'dashes'));
    expect(dossier.claims.get('witkoff-plans-em-dash-as-hyphen' as never)!.citations[0]!.exact).toBe('failing to disclose his travel plans—including last-minute trips');
    expect(dossier.claims.get('witkoff-plan-en-dash' as never)!.citations[0]!.exact).toBe('settlement plan for the Russia-Ukraine conflict');
  });

  it('ellipses: `...` and `…` elide the same words, within one paragraph', () => {
    const { dossier } = verifyTree(join(VALID, 'ellipses'));
    const a = dossier.claims.get('powell-three-dots-for-ellipsis' as never)!.citations[0]!;
    const b = dossier.claims.get('powell-ellipsis-character' as never)!.citations[0]!;
    expect(a.paragraphs).toHaveLength(1);
    expect([b.source, b.paragraphs, b.start, b.end]).toEqual([a.source, a.paragraphs, a.start, a.end]);
    const c = dossier.claims.get('pigott-elided-three-dots' as never)!.citations[0]!;
    const d = dossier.claims.get('pigott-elided-ellipsis' as never)!.citations[0]!;
    expect(c.paragraphs).toEqual(['p-8']);
    expect([d.paragraphs, d.start, d.end]).toEqual([c.paragraphs, c.start, c.end]);
  });

  it('a quote broken over two lines inside the attribute matches the one-line source sentence', () => {
    const { dossier } = verifyTree(join(VALID, 'multiline-quote'));
    const citation = dossier.claims.get('witkoff-traveled-ahead' as never)!.citations[0]!;
    expect(citation.paragraphs).toEqual(['p-4']);
    expect(citation.exact).toBe('Rubio was expected to take part in talks with Ukraine in Switzerland, but Witkoff traveled there ahead of him');
  });

  it('whitespace: trailing spaces, padded quotes and a no-break space in the source are ignored', () => {
    const { dossier } = verifyTree(join(VALID, 'whitespace'));
    expect(dossier.claims.get('witkoff-traveled-ahead' as never)!.citations[0]!.exact).toBe('but Witkoff traveled there ahead of him');
    expect(dossier.claims.get('kushner-nbsp' as never)!.citations[0]!.exact).toContain('Kushner\u00A0who');
  });

  it('letter case: upper- and lower-case quotes match the mixed-case source', () => {
    const { dossier } = verifyTree(join(VALID, 'letter-case'));
    expect(dossier.claims.get('witkoff-upper-case-quote' as never)!.citations[0]!.exact).toBe('Witkoff has repeatedly acted on foreign policy matters');
    expect(dossier.claims.get('witkoff-lower-case-quote' as never)!.citations[0]!.exact).toBe('U.S. presidential special envoy Steve Witkoff and Secretary of State Marco Rubio');
  });

  it('Windows-style and file-relative links to content files resolve to the pages they name', () => {
    const { dossier } = verifyTree(join(VALID, 'windows-links'));
    const targets = dossier.mentions.filter((m) => m.from === 'episodes/florida-talks').map((m) => m.to);
    expect(new Set(targets)).toEqual(new Set(['people/marco-rubio', 'people/tommy-pigott', 'episodes/pigott-statement', 'discrepancies/spokesperson-first-name']));
    const html = dossier.pages.get('episodes/florida-talks' as never)?.html ?? '';
    expect(html).toContain('href="/people/marco-rubio/"');
    expect(html).toContain('href="/discrepancies/spokesperson-first-name/#spokesperson-named-steve"');
  });

  it('occurrence: a quote found twice cites the occurrence it names, in a <Cite> and in a frontmatter fact', () => {
    const { dossier } = verifyTree(join(VALID, 'occurrence'));
    expect(dossier.claims.get('witkoff-rival-of-the-secretary' as never)!.citations[0]!.paragraphs).toEqual(['p-7']);
    const alias = dossier.pages.get('people/steve-witkoff' as never)!.facts['aliases.0']!;
    expect(alias.paragraphs).toEqual(['p-8']);
    expect(alias.url).toContain('#p-8:~:');
  });

  it('site images: an image in public/ and a link to a claim permalink are part of the site', () => {
    const { dossier } = verifyTree(join(VALID, 'site-images'));
    const html = dossier.pages.get('people/steve-witkoff' as never)!.html;
    expect(html).toContain('src="/images/state-department.svg"');
    expect(html).toContain('href="/claims/rubio-not-informed-florida/"');
  });
});
