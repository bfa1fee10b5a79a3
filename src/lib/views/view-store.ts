/**
 * The views of one build on disk: a folder with one JSON-lines file per collection and a manifest of each entry's id
 * and byte range. The verification process writes it; the pages read it (src/data/dossier.ts) a whole collection at
 * a time, or one entry at a time by id, without ever holding the file as one string (V8 strings stop at ~512 MiB,
 * and a 50,000-page dossier's claims are larger than that).
 */
import { closeSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Where each entry of one collection lies in its file: `offsets[i]` to `offsets[i + 1]` (the newline excluded). */
interface CollectionManifest {
  file: string;
  ids: string[];
  offsets: number[];
}

interface Manifest {
  version: 1;
  collections: Record<string, CollectionManifest>;
}

const MANIFEST = 'manifest.json';
const BATCH_BYTES = 4 * 1024 * 1024;

/** Writes a view store a collection at a time; the manifest goes last, so a store without one is incomplete. */
export interface ViewStoreWriter {
  /** Write one collection's entries in order, each under the id `idOf` gives it. */
  write(name: string, entries: Iterable<object>, idOf: (entry: object) => string): void;
  /** Write the manifest: the store is complete. */
  close(): void;
}

/** Start writing a view store into `dir`. */
export function viewStoreWriter(dir: string): ViewStoreWriter {
  mkdirSync(dir, { recursive: true });
  const manifest: Manifest = { version: 1, collections: {} };
  return {
    write(name, entries, idOf) {
      const file = `${name}.jsonl`;
      const ids: string[] = [];
      const offsets = [0];
      const fd = openSync(join(dir, file), 'w');
      try {
        let batch: string[] = [];
        let size = 0;
        let at = 0;
        for (const entry of entries) {
          // JSON.stringify escapes line breaks inside strings, so a raw newline only ever ends an entry.
          const line = `${JSON.stringify(entry)}\n`;
          const bytes = Buffer.byteLength(line);
          batch.push(line);
          size += bytes;
          at += bytes;
          ids.push(idOf(entry));
          offsets.push(at);
          if (size >= BATCH_BYTES) {
            writeSync(fd, batch.join(''));
            [batch, size] = [[], 0];
          }
        }
        writeSync(fd, batch.join(''));
      } finally {
        closeSync(fd);
      }
      manifest.collections[name] = { file, ids, offsets };
    },
    close: () => writeFileSync(join(dir, MANIFEST), JSON.stringify(manifest)),
  };
}

/** Write `collections` (name → entries in order) into `dir`, each entry under the id `idOf` gives it. */
export function writeViewStore(dir: string, collections: Record<string, readonly object[]>, idOf: (entry: object) => string): void {
  const writer = viewStoreWriter(dir);
  for (const [name, entries] of Object.entries(collections)) writer.write(name, entries, idOf);
  writer.close();
}

/** Read access to a folder written by {@link writeViewStore}. */
export interface ViewStore {
  /** The ids of a collection's entries, in the order written; empty for a collection the store does not have. */
  ids(collection: string): readonly string[];
  /** One entry by id, read from disk and parsed; undefined when there is none. */
  get<T>(collection: string, id: string): T | undefined;
  /**
   * Several entries by id, in the order given (an unknown id gives undefined), read with the file opened once and
   * neighbouring entries in one read: a page that lists claims reads them all at once.
   */
  getMany<T>(collection: string, ids: readonly string[]): (T | undefined)[];
  /**
   * Every entry of a collection, in order, parsed once and kept while anything holds the list: whole collections are
   * held weakly, so that at 50,000 pages the views do not stay in Astro's heap for the whole render.
   */
  list<T>(collection: string): readonly T[];
  /** Every entry of a collection, in order, read a batch at a time and not kept (for one pass over a large one). */
  each<T>(collection: string): Iterable<T>;
}

/** Open the views in `dir`. Entries are read when asked for; whole collections are kept while in use. */
export function openViewStore(dir: string): ViewStore {
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
  if (manifest.version !== 1) throw new Error(`${join(dir, MANIFEST)}: unknown view store version ${String(manifest.version)}`);
  const lists = new Map<string, WeakRef<readonly unknown[]>>();
  const indexes = new Map<string, Map<string, number>>();
  const collection = (name: string): CollectionManifest => manifest.collections[name] ?? { file: '', ids: [], offsets: [0] };
  const indexOf = (name: string, id: string): number | undefined => {
    let index = indexes.get(name);
    if (!index) indexes.set(name, (index = new Map(collection(name).ids.map((entryId, i) => [entryId, i]))));
    return index.get(id);
  };
  function getMany<T>(name: string, ids: readonly string[]): (T | undefined)[] {
    const at = ids.map((id) => indexOf(name, id));
    const listed = lists.get(name)?.deref();
    if (listed) return at.map((i) => (i === undefined ? undefined : (listed[i] as T)));
    const wanted = [...new Set(at.filter((i) => i !== undefined))].sort((a, b) => a - b);
    const { file, offsets } = collection(name);
    const read = readEntries<T>(join(dir, file), offsets, wanted);
    const byIndex = new Map(wanted.map((i, k) => [i, read[k]!]));
    return at.map((i) => (i === undefined ? undefined : byIndex.get(i)));
  }
  return {
    ids: (name) => collection(name).ids,
    get: <T>(name: string, id: string) => getMany<T>(name, [id])[0],
    getMany,
    list<T>(name: string): readonly T[] {
      let listed = lists.get(name)?.deref();
      if (!listed) {
        const { file, offsets } = collection(name);
        listed = readEntries(join(dir, file), offsets, indices(0, offsets.length - 1));
        lists.set(name, new WeakRef(listed));
      }
      return listed as readonly T[];
    },
    *each<T>(name: string): Iterable<T> {
      const { file, offsets } = collection(name);
      const count = offsets.length - 1;
      for (let first = 0; first < count;) {
        let last = first + 1;
        while (last < count && offsets[last + 1]! - offsets[first]! <= BATCH_BYTES) last++;
        yield* readEntries<T>(join(dir, file), offsets, indices(first, last));
        first = last;
      }
    },
  };
}

/** The numbers `from` to `to` (exclusive). */
const indices = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/**
 * Parse the entries at `wanted` (ascending entry numbers) of a JSON-lines file, opened once: consecutive entries are
 * read together, in batches of about 4 MB.
 */
function readEntries<T>(path: string, offsets: readonly number[], wanted: readonly number[]): T[] {
  const out: T[] = [];
  if (wanted.length === 0) return out;
  const fd = openSync(path, 'r');
  try {
    for (let k = 0; k < wanted.length;) {
      const first = wanted[k]!;
      let end = k + 1;
      while (end < wanted.length && wanted[end] === wanted[end - 1]! + 1 && offsets[wanted[end]! + 1]! - offsets[first]! <= BATCH_BYTES)
        end++;
      const start = offsets[first]!;
      const buffer = Buffer.allocUnsafe(offsets[wanted[end - 1]! + 1]! - start);
      readSync(fd, buffer, 0, buffer.length, start);
      for (; k < end; k++) {
        const i = wanted[k]!;
        out.push(JSON.parse(buffer.toString('utf8', offsets[i]! - start, offsets[i + 1]! - start - 1)) as T);
      }
    }
  } finally {
    closeSync(fd);
  }
  return out;
}

/** A view store over views held in memory (the dev server's), with the same answers as one written to disk. */
export function memoryViewStore(collections: Record<string, readonly object[]>, idOf: (entry: object) => string): ViewStore {
  const indexes = new Map<string, Map<string, object>>();
  const entries = (name: string): readonly object[] => collections[name] ?? [];
  const store: ViewStore = {
    ids: (name) => entries(name).map(idOf),
    get<T>(name: string, id: string): T | undefined {
      let index = indexes.get(name);
      if (!index) indexes.set(name, (index = new Map(entries(name).map((entry) => [idOf(entry), entry]))));
      return index.get(id) as T | undefined;
    },
    getMany<T>(name: string, ids: readonly string[]): (T | undefined)[] {
      return ids.map((id) => store.get<T>(name, id));
    },
    list: <T>(name: string) => entries(name) as readonly T[],
    each: <T>(name: string) => entries(name) as readonly T[],
  };
  return store;
}
