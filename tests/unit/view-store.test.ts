/**
 * The view store (src/lib/views/view-store.ts): what the build's pages read. A store written to disk and one held in
 * memory give the same answers, whichever way an entry is read: one by id, several at once, a whole collection, or
 * one pass over it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryViewStore, openViewStore, writeViewStore, type ViewStore } from '../../src/lib/views/view-store.ts';

interface Entry {
  id: string;
  n: number;
  text: string;
}

// Entries with line breaks, quotes and non-ASCII text, and two of more than the store's 4 MB read batch.
const entries: Entry[] = Array.from({ length: 40 }, (_, n) => ({
  id: `entry-${n}`,
  n,
  text: n === 7 || n === 8 ? 'é'.repeat(2_500_000) : `line one\nline “two” of ${n}\r\n\t"quoted"`,
}));
const idOf = (entry: object) => (entry as Entry).id;

const dir = mkdtempSync(join(tmpdir(), 'view-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeViewStore(dir, { things: entries, empty: [] }, idOf);

const stores: [string, () => ViewStore][] = [
  ['on disk', () => openViewStore(dir)],
  ['in memory', () => memoryViewStore({ things: entries, empty: [] }, idOf)],
];

describe.each(stores)('a view store %s', (_, open) => {
  it('lists ids, entries and one pass in the order written', () => {
    const store = open();
    expect(store.ids('things')).toEqual(entries.map((e) => e.id));
    expect(store.list('things')).toEqual(entries);
    expect([...store.each('things')]).toEqual(entries);
    expect(store.list('empty')).toEqual([]);
    expect(store.list('missing')).toEqual([]);
  });

  it('reads one entry by id, and nothing for an unknown id', () => {
    const store = open();
    expect(store.get('things', 'entry-8')).toEqual(entries[8]);
    expect(store.get('things', 'entry-39')).toEqual(entries[39]);
    expect(store.get('things', 'entry-40')).toBeUndefined();
    expect(store.get('missing', 'entry-1')).toBeUndefined();
  });

  it('reads several entries in the order asked, repeated and unknown ids included', () => {
    const store = open();
    const ids = ['entry-30', 'entry-2', 'entry-3', 'nope', 'entry-4', 'entry-2', 'entry-8', 'entry-7', 'entry-9', 'entry-39'];
    expect(store.getMany('things', ids)).toEqual(ids.map((id) => entries.find((e) => e.id === id)));
    expect(store.getMany('things', [])).toEqual([]);
    expect(store.getMany('missing', ['entry-1'])).toEqual([undefined]);
  });

  it('answers the same while a whole collection is held', () => {
    const store = open();
    const held = store.list('things');
    expect(store.getMany('things', ['entry-5', 'entry-1'])).toEqual([entries[5], entries[1]]);
    expect(store.get('things', 'entry-6')).toBe(held[6]);
  });
});
