/**
 * The views as `npm run build` hands them to Astro (views-file.ts) and as Astro stores them (packed-view.ts): each
 * entry's JSON taken as bytes, each collection compressed once, and every view read back exactly as it was built.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { dossierLoader } from '../../src/integrations/dossier-loader.ts';
import {
  claimContextsFile,
  COLLECTION_NAMES,
  entryId,
  readRawViews,
  readViewsFile,
  writeViewsFile,
} from '../../src/integrations/views-file.ts';
import { loadDossier } from '../../src/lib/read-content.ts';
import { buildCollections } from '../../src/lib/views/collections.ts';
import { jsonLines, packViews, parseJsonBytes, unpackView, type PackedView } from '../../src/lib/views/packed-view.ts';
import { mapStore } from '../support/map-store.ts';

const work = mkdtempSync(join(tmpdir(), 'backchannel-packed-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const { dossier } = loadDossier(process.cwd());
const collections = buildCollections(dossier);
/** The views as JSON gives them back: what any reader of a views file can expect. */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('views file', () => {
  const file = join(work, 'views.ndjson');
  writeViewsFile(file, collections);

  it('gives every entry its id and its JSON as bytes, in order', () => {
    const raw = readRawViews(file);
    for (const name of COLLECTION_NAMES) {
      expect(raw[name].map((r) => r.id)).toEqual(collections[name].map((e) => entryId(e)));
      expect(raw[name].map((r) => parseJsonBytes(r.json))).toEqual(asJson(collections[name]));
    }
    expect(raw.claims.length).toBeGreaterThan(100);
  });

  it('puts the claims’ passages in context aside, and back when read', () => {
    const lean = join(work, 'lean.ndjson');
    writeViewsFile(lean, collections, claimContextsFile(lean));
    const raw = readRawViews(lean);
    const claims = raw.claims.map((r) => parseJsonBytes<{ citations: object[] }>(r.json));
    expect(claims.flatMap((c) => c.citations).some((citation) => 'context' in citation)).toBe(false);
    expect(readViewsFile(lean, undefined, claimContextsFile(lean))).toEqual(asJson(collections));
    expect(readViewsFile(lean, ['claims'], claimContextsFile(lean)).claims).toEqual(asJson(collections.claims));
  });

  it('names the file and line of a line that is not a view', () => {
    const bad = join(work, 'bad.ndjson');
    writeFileSync(bad, '["people","a",{"slug":"a"}]\n{"slug":"b"}\n');
    expect(() => readRawViews(bad)).toThrow(`${bad}:2: not a [collection, id, entry] line`);
    writeFileSync(bad, '["nobody","a",{}]\n');
    expect(() => readRawViews(bad)).toThrow(`${bad}:1: unknown collection "nobody"`);
  });
});

describe('packed views', () => {
  it('unpack to the views they were packed from, from a views file or from values', () => {
    const file = join(work, 'pack.ndjson');
    writeViewsFile(file, collections);
    const raw = readRawViews(file);
    for (const name of COLLECTION_NAMES) {
      const fromFile = packViews(raw[name].map((r) => r.json));
      const fromValues = packViews(jsonLines(collections[name]));
      expect(fromFile.map((p) => unpackView(p))).toEqual(asJson(collections[name]));
      expect(fromValues.map((p) => unpackView(p))).toEqual(asJson(collections[name]));
    }
  });

  it('keep text in any script, quotes and line breaks exactly', () => {
    const views = [
      { id: 'a', text: 'Zelenskyy — “quoted” é 漢字 😀', html: '<p>a\nb</p>' },
      { id: 'b', text: '' },
      { id: 'c', nested: { list: [1, 2.5, null, true], escaped: '\\"\u2028' } },
    ];
    const packed = packViews(jsonLines(views));
    expect(packed.map((p) => unpackView(p))).toEqual(views);
    expect(packViews(jsonLines([]))).toEqual([]);
  });

  it('share one compressed buffer per collection, smaller than the views', () => {
    const packed = packViews(jsonLines(collections.claims));
    const buffers = new Set(packed.map((p) => p.pack));
    expect(buffers.size).toBe(1);
    const size = packed.at(-1)!.to;
    // The last view ends where the JSON lines do.
    expect(size).toBe(Buffer.byteLength(collections.claims.map((c) => JSON.stringify(c)).join('\n')));
    expect([...buffers][0]!.byteLength).toBeLessThan(size / 2);
  });

  it('unpack once per entry, and leave plain objects as they are', () => {
    const [first] = packViews(jsonLines([{ id: 'x', n: 1 }]));
    expect(unpackView(first!)).toBe(unpackView(first!));
    const plain = { id: 'y' };
    expect(unpackView(plain)).toBe(plain);
  });
});

describe('the dossier loader, given the views by npm run build', () => {
  const file = join(work, 'loader.ndjson');
  writeViewsFile(file, collections);
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of ['BACKCHANNEL_STORE_DATA', 'BACKCHANNEL_VIEWS']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  /** Run the loader of `collection` into a store (by default an empty one) and return what it holds then. */
  async function load(
    collection: (typeof COLLECTION_NAMES)[number],
    entries = new Map<string, object>(),
  ): Promise<{ id: string; data: object }[]> {
    process.env.BACKCHANNEL_VIEWS = file;
    await dossierLoader(collection).load({ store: mapStore(entries) } as never);
    return [...entries].map(([id, data]) => ({ id, data }));
  }

  it('stores packed views that unpack to the views, or the views themselves', async () => {
    const packed = await load('people');
    expect(packed.map((e) => e.id)).toEqual(collections.people.map((p) => p.slug));
    expect(packed.every((e) => (e.data as PackedView).pack instanceof ArrayBuffer)).toBe(true);
    expect(packed.map((e) => unpackView(e.data))).toEqual(asJson(collections.people));
    process.env.BACKCHANNEL_STORE_DATA = 'objects';
    const objects = await load('claims');
    expect(objects.map((e) => e.data)).toEqual(asJson(collections.claims));
  });

  it('deletes the entries gone from the views, and only those', async () => {
    const [kept, ...rest] = collections.people.map((p) => p.slug);
    const before = new Map<string, object>([
      ['someone-renamed', { stale: true }],
      [kept!, { stale: true }],
    ]);
    const after = await load('people', before);
    expect(after.map((e) => e.id).sort()).toEqual([kept!, ...rest].sort());
    expect(unpackView(after.find((e) => e.id === kept)!.data)).toEqual(asJson(collections.people[0]));
  });
});
