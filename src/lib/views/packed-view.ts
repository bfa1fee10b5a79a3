/**
 * How the views sit in Astro's content-layer store: each collection's views as one zstd-compressed buffer of their
 * JSON, and each entry's data a pointer into it.
 *
 * Astro keeps its store as one devalue document, written at the end of every content sync (`astro build`, each
 * `astro dev` refresh) and read back before the first page. devalue walks every object and escapes every string
 * character by character in JavaScript, and before that Astro walks every entry's data twice more (looking for image
 * imports and for references): for the 1k benchmark corpus's 21 MB of views, ~3 s of the build's critical path.
 * An ArrayBuffer is one value to those walks, devalue writes it once however many entries point to it (as base64,
 * with Node's native encoder), and compressed it is a fifth of the size: a smaller store to write and read back, and
 * one that stays under V8's string limit for a far larger dossier (Astro reads the store file as one string).
 * Pages read the views through `src/data/dossier.ts`, which unpacks each entry once per process.
 *
 * `BACKCHANNEL_STORE_DATA=objects` stores the views as plain objects instead (the build-safety test builds both ways
 * and compares every byte).
 */
import { constants, zstdCompressSync, zstdDecompressSync } from 'node:zlib';
import { isLiveView, liveView } from './live-views.ts';

/** A view as stored: where its JSON's UTF-8 bytes lie in its collection's unpacked buffer. */
export interface PackedView {
  pack: ArrayBuffer;
  from: number;
  to: number;
}

/** Whether the content-layer store holds packed views (the default) or plain objects. */
export const packsViews = (env: Record<string, string | undefined> = process.env) => env.BACKCHANNEL_STORE_DATA !== 'objects';

const decoder = new TextDecoder();

/** Parse JSON given as UTF-8 bytes. */
export const parseJsonBytes = <T>(bytes: Uint8Array | ArrayBuffer): T => JSON.parse(decoder.decode(bytes)) as T;

/**
 * Pack views given as their JSON's UTF-8 bytes, slices of one buffer (the views file, or {@link jsonLines}): the
 * span of the buffer that holds them is compressed as it lies, and each view points to its slice of it.
 */
export function packViews(slices: readonly Uint8Array[]): PackedView[] {
  if (slices.length === 0) return [];
  const buffer = slices[0]!.buffer;
  let [start, end] = [Infinity, 0];
  for (const slice of slices) {
    if (slice.buffer !== buffer) throw new Error('packViews: the views are not slices of one buffer');
    start = Math.min(start, slice.byteOffset);
    end = Math.max(end, slice.byteOffset + slice.byteLength);
  }
  const compressed = zstdCompressSync(new Uint8Array(buffer, start, end - start), {
    params: { [constants.ZSTD_c_compressionLevel]: 1 },
  });
  // A buffer of its own: the compressor's may be a view into a larger one.
  const pack = Uint8Array.prototype.slice.call(compressed).buffer;
  return slices.map((slice) => ({ pack, from: slice.byteOffset - start, to: slice.byteOffset - start + slice.byteLength }));
}

/** The JSON of each of `views`, as slices of one buffer (for {@link packViews}). */
export function jsonLines(views: readonly unknown[]): Uint8Array[] {
  // JSON.stringify never writes a raw line break, so each one ends a view.
  const bytes = Buffer.from(views.map((view) => JSON.stringify(view)).join('\n'));
  const slices: Uint8Array[] = [];
  for (let start = 0; slices.length < views.length;) {
    const end = bytes.indexOf(0x0a, start);
    slices.push(bytes.subarray(start, end < 0 ? bytes.length : end));
    start = end + 1;
  }
  return slices;
}

const isPacked = (data: object): data is PackedView => (data as Partial<PackedView>).pack instanceof ArrayBuffer;

const unpackedBuffers = new WeakMap<ArrayBuffer, Uint8Array>();
const unpackedViews = new WeakMap<object, unknown>();

/**
 * The view a store entry's data holds, unpacked once per process (pages ask for whole collections again and
 * again); under `astro dev`, the view it names (live-views.ts); plain objects as they are.
 */
export function unpackView<T>(data: object): T {
  if (isLiveView(data)) return liveView<T>(data);
  if (!isPacked(data)) return data as T;
  let view = unpackedViews.get(data);
  if (view === undefined) {
    let bytes = unpackedBuffers.get(data.pack);
    if (!bytes) unpackedBuffers.set(data.pack, (bytes = zstdDecompressSync(new Uint8Array(data.pack))));
    view = parseJsonBytes(bytes.subarray(data.from, data.to));
    unpackedViews.set(data, view);
  }
  return view as T;
}
