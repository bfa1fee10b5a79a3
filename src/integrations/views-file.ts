/**
 * The views handed from `npm run build` to the Astro process, as one JSON document per line (`[collection, entry]`).
 *
 * One `JSON.stringify` of all views is a single string, and V8 strings stop at 2^29 − 24 characters (~512 MiB):
 * the views of 10,000 pages are ~480 MB, so a single document fails just above that. Line by line, neither side
 * ever holds more than one entry as a string.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { DossierCollections } from '../lib/views/collections.ts';

const NEWLINE = 0x0a;
const BATCH_BYTES = 4 * 1024 * 1024;

/** Write every view of every collection to `path`, one `[collection, entry]` JSON array per line. */
export function writeViewsFile(path: string, collections: DossierCollections): void {
  const fd = openSync(path, 'w');
  try {
    let batch: string[] = [];
    let size = 0;
    const flush = () => {
      writeSync(fd, batch.join(''));
      batch = [];
      size = 0;
    };
    for (const [collection, entries] of Object.entries(collections) as [keyof DossierCollections, unknown[]][]) {
      for (const entry of entries) {
        // JSON.stringify escapes line breaks inside strings, so a raw newline only ever ends a record.
        const line = `${JSON.stringify([collection, entry])}\n`;
        batch.push(line);
        size += line.length;
        if (size >= BATCH_BYTES) flush();
      }
    }
    flush();
  } finally {
    closeSync(fd);
  }
}

/**
 * Read a file written by {@link writeViewsFile}, or only some of its collections (the others stay empty; their
 * lines are skipped unparsed). Entries keep their order within each collection.
 */
export function readViewsFile(path: string, only?: readonly (keyof DossierCollections)[]): DossierCollections {
  const wanted = only?.map((name) => Buffer.from(`["${name}",`));
  const collections: DossierCollections = { sources: [], people: [], episodes: [], discrepancies: [], claims: [] };
  const buffer = readFileSync(path);
  let start = 0;
  while (start < buffer.length) {
    let end = buffer.indexOf(NEWLINE, start);
    if (end < 0) end = buffer.length;
    if (end > start && (!wanted || wanted.some((prefix) => buffer.subarray(start, start + prefix.length).equals(prefix)))) {
      const [collection, entry] = JSON.parse(buffer.toString('utf8', start, end)) as [keyof DossierCollections, never];
      const list = collections[collection];
      if (!list) throw new Error(`${path}: unknown collection "${collection}"`);
      list.push(entry);
    }
    start = end + 1;
  }
  return collections;
}
