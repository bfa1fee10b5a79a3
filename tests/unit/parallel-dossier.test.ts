/** Verification on worker threads gives exactly the sequential result: same dossier, same diagnostics, same order. */
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.ts';
import { buildDossier, type ContentFile } from '../../src/lib/build-dossier.ts';
import {
  buildDossierParallel,
  CHUNK,
  PARALLEL_THRESHOLD,
  shareMaps,
  sharedText,
  shareTexts,
  takeChunks,
  workerCount,
} from '../../src/lib/parallel-dossier.ts';
import { parseSource } from '../../src/lib/sources/parse-source.ts';

function corpus(pages: number): ContentFile[] {
  return generateCorpus({ pages, sources: 12, seed: 7 }).files.map(({ path, text }) => {
    const [collection, name] = path.split('/') as [ContentFile['collection'], string];
    return { file: `content/${path}`, collection, slug: name.replace(/\.mdx?$/, ''), raw: text };
  });
}

describe('buildDossierParallel', () => {
  it('builds the same dossier as buildDossier on 2 and 3 workers', async () => {
    const files = corpus(40);
    const sequential = buildDossier(files);
    expect(sequential.diagnostics).toEqual([]);
    for (const workers of [2, 3]) expect(await buildDossierParallel(files, workers)).toEqual(sequential);
  }, 60_000);

  it('puts the chunks back in file order however the threads took them', async () => {
    const files = corpus(10 * CHUNK + 3);
    const sequential = buildDossier(files);
    for (const workers of [1, 3]) expect(await buildDossierParallel(files, workers)).toEqual(sequential);
  }, 60_000);

  it('reports the same errors in the same order, a duplicate claim id across shares included', async () => {
    const files = corpus(30);
    const pages = files.filter((f) => f.collection !== 'sources');
    const first = pages[0]!;
    const last = pages[pages.length - 1]!;
    const firstId = /<Claim id="([^"]+)"/.exec(first.raw)![1]!;
    // The last page (another worker's share) reuses the first page's claim id; a middle page misquotes its source.
    last.raw = last.raw.replace(/<Claim id="[^"]+"/, `<Claim id="${firstId}"`);
    const middle = pages[Math.floor(pages.length / 2)]!;
    middle.raw = middle.raw.replace(/quote="([^"]+)"/, 'quote="these words are in no source at all"');
    const sequential = buildDossier(files);
    const rules = sequential.diagnostics.map((d) => d.rule);
    expect(rules).toContain('duplicate-claim-id');
    expect(rules.some((r) => r.startsWith('quote-'))).toBe(true);
    const parallel = await buildDossierParallel(files, 2);
    expect(parallel.diagnostics).toEqual(sequential.diagnostics);
    expect(parallel.dossier).toEqual(sequential.dossier);
  }, 60_000);
});

describe('verifying without rendering (npm run check)', () => {
  it('gives the same diagnostics, claims and graph, with only the rendered HTML and headings left out', async () => {
    const files = corpus(30);
    const pages = files.filter((f) => f.collection !== 'sources');
    const broken = pages[3]!;
    broken.raw = broken.raw.replace(/quote="([^"]+)"/, 'quote="these words are in no source at all"');
    const rendered = buildDossier(files);
    expect(rendered.diagnostics.length).toBeGreaterThan(0);
    const unrendered = await buildDossierParallel(files, 2, { render: false });
    expect(unrendered.diagnostics).toEqual(rendered.diagnostics);
    const strip = (d: typeof rendered.dossier) => ({
      ...d,
      pages: new Map([...d.pages].map(([k, p]) => [k, { ...p, html: '', headings: [] }])),
      claims: new Map([...d.claims].map(([k, c]) => [k, { ...c, html: '' }])),
    });
    expect(unrendered.dossier).toEqual(strip(rendered.dossier));
    expect([...unrendered.dossier.pages.values()].every((p) => p.html === '')).toBe(true);
    expect([...rendered.dossier.pages.values()].some((p) => p.html !== '')).toBe(true);
  }, 60_000);
});

describe('shared memory for the workers', () => {
  it('gives back every text, in any script and empty ones, from one shared block', () => {
    const texts = ['', 'plain', '“Vitkoff” — déjà vu … 😀', '', 'Привет\r\nмир', '\uFEFFbom'];
    const shared = shareTexts(texts);
    expect('bytes' in shared && shared.bytes.buffer instanceof SharedArrayBuffer).toBe(true);
    expect(texts.map((_, i) => sharedText(shared, i))).toEqual(texts);
  });

  it('sends the strings themselves when one holds a lone surrogate, which UTF-8 cannot carry', () => {
    const texts = ['fine', 'broken \uD800 half'];
    const shared = shareTexts(texts);
    expect('strings' in shared).toBe(true);
    expect(texts.map((_, i) => sharedText(shared, i))).toEqual(texts);
  });

  it('moves the sources’ offset maps into shared memory without changing them', () => {
    const files = corpus(4).filter((f) => f.collection === 'sources');
    const sources = files.map((f) => parseSource(f.raw, f.file, f.slug).source!);
    const before = sources.map((s) => ({ starts: [...s.normalized.starts], ends: [...s.normalized.ends] }));
    shareMaps(sources);
    expect(sources.every((s) => s.normalized.starts.buffer instanceof SharedArrayBuffer)).toBe(true);
    expect(sources.map((s) => ({ starts: [...s.normalized.starts], ends: [...s.normalized.ends] }))).toEqual(before);
  });
});

describe('takeChunks', () => {
  it('takes each chunk once, from a counter threads share, until none is left', () => {
    const next = new Int32Array(new SharedArrayBuffer(4));
    const pages = Array.from({ length: 3 * CHUNK + 1 }, (_, i) => i);
    const seen: number[][] = [];
    Atomics.store(next, 0, 1); // another thread took chunk 0
    const done = takeChunks(pages, next, (chunk) => {
      seen.push([...chunk]);
      return [];
    });
    expect(done.map(([chunk]) => chunk)).toEqual([1, 2, 3]);
    expect(seen.flat()).toEqual(pages.slice(CHUNK));
    expect(takeChunks(pages, next, () => [])).toEqual([]);
  });
});

describe('workerCount', () => {
  it('uses no worker for a small dossier and honours BACKCHANNEL_WORKERS', () => {
    expect(workerCount(PARALLEL_THRESHOLD - 1, undefined)).toBe(0);
    expect(workerCount(PARALLEL_THRESHOLD, undefined)).toBeGreaterThanOrEqual(0);
    expect(workerCount(5000, '0')).toBe(0);
    expect(workerCount(5000, '3')).toBe(3);
    expect(workerCount(2, '3')).toBe(1);
    expect(() => workerCount(5000, 'two')).toThrow(/BACKCHANNEL_WORKERS must be a whole number/);
    expect(() => workerCount(5000, '-1')).toThrow(/BACKCHANNEL_WORKERS/);
  });
});
