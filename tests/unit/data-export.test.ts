/**
 * The public JSON exports (src/lib/views/data-export.ts): `claims.json` is written a chunk at a time, and its text is
 * exactly what stringifying the whole export at once gives.
 */
import { describe, expect, it } from 'vitest';
import { buildCollections } from '../../src/lib/views/collections.ts';
import { claimsExport, claimsExportChunks, prettyJsonChunks } from '../../src/lib/views/data-export.ts';
import { corpus, verifyMemory } from '../content/verify-helpers.ts';

const whole = <T>(head: Record<string, unknown>, key: string, items: T[], map: (item: T) => unknown) =>
  JSON.stringify({ ...head, [key]: items.map(map) }, null, 2);
const streamed = <T>(head: Record<string, unknown>, key: string, items: T[], map: (item: T) => unknown) => {
  const chunks = [...prettyJsonChunks(head, key, items, map)];
  return { text: chunks.join(''), chunks: chunks.length };
};

describe('prettyJsonChunks', () => {
  const items = [
    { id: 'a', text: 'line one\nline “two”\r\n\t"quoted" \\ back', nested: { list: [1, [2, []], {}], empty: {} } },
    { id: 'b', none: null, yes: true, n: -1.5e-7, emoji: '👋🏽' },
    'a string',
    42,
    [],
  ];
  const heads: Record<string, unknown>[] = [{}, { version: 2 }, { version: 2, about: { name: 'x', tags: ['a', 'b'] } }];

  it.each(heads)('gives the text of JSON.stringify(…, null, 2) under the head %j, with no, one and many items', (head) => {
    for (const list of [[], items.slice(0, 1), items])
      expect(streamed(head, 'claims', list, (i) => i).text).toBe(whole(head, 'claims', list, (i) => i));
  });

  it('maps each item as it reads it, and writes an item mapped to undefined as null, as JSON.stringify does', () => {
    const map = (i: number) => (i % 2 === 0 ? { i, double: i * 2 } : undefined);
    expect(streamed({ version: 1 }, 'items', [0, 1, 2], map).text).toBe(whole({ version: 1 }, 'items', [0, 1, 2], map));
  });

  it('cuts a large document into chunks of about a megabyte', () => {
    const big = Array.from({ length: 3000 }, (_, i) => ({ i, text: `${'x'.repeat(1000)} ${i}` }));
    const { text, chunks } = streamed({ version: 2 }, 'claims', big, (i) => i);
    expect(text).toBe(whole({ version: 2 }, 'claims', big, (i) => i));
    expect(chunks).toBeGreaterThanOrEqual(3);
    expect(chunks).toBeLessThanOrEqual(4);
  });

  it('reads its items lazily: none before the first chunk is asked for', () => {
    let read = 0;
    const items = (function* () {
      for (let i = 0; i < 5; i++) {
        read++;
        yield i;
      }
    })();
    const chunks = prettyJsonChunks({}, 'n', items, (i) => i);
    expect(read).toBe(0);
    expect([...chunks].join('')).toBe(JSON.stringify({ n: [0, 1, 2, 3, 4] }, null, 2));
    expect(read).toBe(5);
  });
});

describe('claims.json', () => {
  it('streamed, is the text of the whole export stringified at once', async () => {
    const { dossier, diagnostics } = await verifyMemory(corpus(12), { workers: 0 });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const { claims } = buildCollections(dossier, '/dossier/');
    expect(claims.length).toBeGreaterThan(10);
    const site = 'https://example.org';
    expect([...claimsExportChunks(claims, site)].join('')).toBe(JSON.stringify(claimsExport(claims, site), null, 2));
    expect([...claimsExportChunks([], site)].join('')).toBe(JSON.stringify(claimsExport([], site), null, 2));
  });
});
