/**
 * The views handed from `npm run build` to the Astro process, as one JSON document per line
 * (`[collection, id, entry]`).
 *
 * One `JSON.stringify` of all views is a single string, and V8 strings stop at 2^29 − 24 characters (~512 MiB):
 * the views of 10,000 pages are ~480 MB, so a single document fails just above that. Line by line, neither side
 * ever holds more than one entry as a string, and the Astro process can take each entry's JSON as bytes without
 * parsing it ({@link readRawViews}).
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { DossierCollections } from '../lib/views/collections.ts';
import { parseJsonBytes } from '../lib/views/packed-view.ts';
import type { ClaimView } from '../lib/views/claim-view.ts';

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const BATCH_BYTES = 4 * 1024 * 1024;

export type CollectionName = keyof DossierCollections;
export const COLLECTION_NAMES: readonly CollectionName[] = ['sources', 'people', 'episodes', 'discrepancies', 'claims'];

/** The id Astro stores an entry under: a page's slug, a claim's id. */
export const entryId = (entry: object): string => ('slug' in entry ? String(entry.slug) : String((entry as { id: unknown }).id));

/** Write `lines` to `path` as JSON, one per line, in batches (never one string of them all). */
function writeJsonLines(path: string, lines: Iterable<unknown>): void {
  const fd = openSync(path, 'w');
  try {
    let batch: string[] = [];
    let size = 0;
    const flush = () => {
      writeSync(fd, batch.join(''));
      batch = [];
      size = 0;
    };
    for (const value of lines) {
      // JSON.stringify escapes line breaks inside strings, so a raw newline only ever ends a record.
      const line = `${JSON.stringify(value)}\n`;
      batch.push(line);
      size += line.length;
      if (size >= BATCH_BYTES) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
}

/** Where a claim's passages in context go when the views file leaves them out: `[id, contexts]` per line. */
export const claimContextsFile = (viewsFile: string) => `${viewsFile}.contexts`;

/**
 * Write every view of every collection to `path`, one `[collection, id, entry]` JSON array per line. With
 * `contextsFile`, claims go without their citations' passages in context (a third of a claim's view, which only the
 * claim pages show: stamp-claims.ts), and those go to `contextsFile` for {@link readViewsFile} to put back.
 */
export function writeViewsFile(path: string, collections: DossierCollections, contextsFile?: string): void {
  const claims = contextsFile ? collections.claims.map(withoutContexts) : collections.claims;
  function* lines() {
    for (const [collection, entries] of Object.entries({ ...collections, claims }) as [CollectionName, object[]][])
      for (const entry of entries) yield [collection, entryId(entry), entry];
  }
  writeJsonLines(path, lines());
  if (contextsFile)
    writeJsonLines(
      contextsFile,
      collections.claims.map((c) => [c.id, c.citations.map((citation) => citation.context)]),
    );
}

/** A claim's view without its citations' passages in context. */
function withoutContexts(claim: ClaimView): ClaimView {
  return { ...claim, citations: claim.citations.map(({ context: _, ...citation }) => citation) as ClaimView['citations'] };
}

/** One line of a views file: its collection, its entry's id, and the entry's JSON as UTF-8 bytes. */
export interface RawView {
  id: string;
  json: Uint8Array;
}

/** Where the JSON string starting at `start` (its opening quote) ends: the index after its closing quote. */
function endOfString(buffer: Uint8Array, start: number, end: number): number {
  for (let i = start + 1; i < end; i++) {
    if (buffer[i] === BACKSLASH) i++;
    else if (buffer[i] === QUOTE) return i + 1;
  }
  return -1;
}

/** The non-empty lines of `buffer`, as the byte offsets where each starts and ends, with its line number. */
function* lineSpans(buffer: Uint8Array): Generator<{ start: number; end: number; line: number }> {
  for (let start = 0, line = 1; start < buffer.length; line++) {
    let end = buffer.indexOf(NEWLINE, start);
    if (end < 0) end = buffer.length;
    if (end > start) yield { start, end, line };
    start = end + 1;
  }
}

/**
 * Read a file written by {@link writeViewsFile} without parsing the entries: each entry's JSON stays bytes (views
 * into one buffer), for the content-layer store to keep as they are. Entries keep their order.
 */
export function readRawViews(path: string): Record<CollectionName, RawView[]> {
  const raw = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, []])) as unknown as Record<CollectionName, RawView[]>;
  const buffer = readFileSync(path);
  for (const { start, end, line } of lineSpans(buffer)) {
    // `["collection","id",{…}]`: the two strings are short; the entry runs to the line's closing bracket.
    const collectionEnd = buffer[start] === 0x5b ? endOfString(buffer, start + 1, end) : -1;
    const idEnd = collectionEnd > 0 && buffer[collectionEnd] === 0x2c ? endOfString(buffer, collectionEnd + 1, end) : -1;
    if (idEnd < 0 || buffer[idEnd] !== 0x2c || buffer[end - 1] !== 0x5d)
      throw new Error(`${path}:${line}: not a [collection, id, entry] line of a views file`);
    const collection = JSON.parse(buffer.toString('utf8', start + 1, collectionEnd)) as CollectionName;
    const list = raw[collection];
    if (!list) throw new Error(`${path}:${line}: unknown collection "${collection}"`);
    list.push({ id: JSON.parse(buffer.toString('utf8', collectionEnd + 1, idEnd)) as string, json: buffer.subarray(idEnd + 1, end - 1) });
  }
  return raw;
}

type PassageContext = ClaimView['citations'][number]['context'];

/**
 * Read a file written by {@link writeViewsFile}, or only some of its collections (the others stay empty). Entries
 * keep their order within each collection. With `contextsFile`, claims get back their passages in context.
 */
export function readViewsFile(path: string, only?: readonly CollectionName[], contextsFile?: string): DossierCollections {
  const raw = readRawViews(path);
  const views = Object.fromEntries(
    COLLECTION_NAMES.map((name) => [name, !only || only.includes(name) ? raw[name].map(({ json }) => parseJsonBytes(json)) : []]),
  ) as unknown as DossierCollections;
  if (contextsFile && views.claims.length > 0) {
    // Line by line, like the views: the contexts of a large dossier would not fit in one string.
    const buffer = readFileSync(contextsFile);
    const contexts = new Map<string, PassageContext[]>();
    for (const { start, end } of lineSpans(buffer)) {
      const [id, list] = parseJsonBytes<[string, PassageContext[]]>(buffer.subarray(start, end));
      contexts.set(id, list);
    }
    for (const claim of views.claims) {
      const list = contexts.get(claim.id);
      if (!list || list.length !== claim.citations.length) throw new Error(`${contextsFile}: no passages in context for claim ${claim.id}`);
      claim.citations.forEach((citation, i) => (citation.context = list[i]!));
    }
  }
  return views;
}
