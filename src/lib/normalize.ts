/** Text normalisation for quote matching, keeping a map back to the original offsets. */

export interface NormalizedText {
  /** The normalised text: NFC, lower case, straight quotes, ASCII dashes, `...`, single spaces. */
  text: string;
  /** `starts[i]` is where normalised character `i` begins in the original string. */
  starts: Uint32Array;
  /** `ends[i]` is where normalised character `i` ends in the original string. */
  ends: Uint32Array;
}

const DROPPED = /[\uFEFF\u200B-\u200D\u2060\u00AD]/;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC`´]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
const SPACE = /\s/;
const COMBINING = /\p{M}/u;

function foldChar(cluster: string): string {
  if (DROPPED.test(cluster)) return '';
  if (SINGLE_QUOTES.test(cluster)) return "'";
  if (DOUBLE_QUOTES.test(cluster)) return '"';
  if (DASHES.test(cluster)) return '-';
  if (cluster === '\u2026') return '...';
  return cluster.normalize('NFC').toLowerCase();
}

/**
 * Normalise `input` for comparison and record where each output character came from. The offsets are typed arrays:
 * a source's maps are millions of numbers at scale, which cost the garbage collector and the copy to each
 * verification worker far less this way.
 */
export function normalizeWithMap(input: string): NormalizedText {
  return fold(input, true);
}

/** Normalise `input` for comparison (see {@link normalizeWithMap}). */
export function normalize(input: string): string {
  return fold(input, false).text;
}

/** `normalizeWithMap`, with empty maps unless `map`. */
function fold(input: string, map: boolean): NormalizedText {
  let text = '';
  // Most text folds one character to one; `grow` makes room for the rest (`…` becomes `...`).
  let starts = new Uint32Array(map ? input.length + 16 : 0);
  let ends = new Uint32Array(map ? input.length + 16 : 0);
  let length = 0;
  const grow = () => {
    const more = new Uint32Array(starts.length * 2);
    more.set(starts);
    starts = more;
    const moreEnds = new Uint32Array(ends.length * 2);
    moreEnds.set(ends);
    ends = moreEnds;
  };
  let pendingSpace = -1;
  let i = 0;
  const push = (folded: string, start: number, end: number): void => {
    if (pendingSpace >= 0) {
      text += ' ';
      if (map) {
        if (length === starts.length) grow();
        starts[length] = pendingSpace;
        ends[length] = start;
      }
      length++;
      pendingSpace = -1;
    }
    if (!map) {
      text += folded;
      length += folded.length;
      return;
    }
    // One entry per UTF-16 unit, as the text is indexed (a character outside the BMP takes two).
    text += folded;
    for (let k = 0; k < folded.length; k++) {
      if (length === starts.length) grow();
      starts[length] = start;
      ends[length++] = end;
    }
  };
  while (i < input.length) {
    const start = i;
    const code = input.charCodeAt(i);
    // Fast path: ASCII (most of any English text) needs only case and whitespace folding, unless a
    // combining mark follows (NFD input), which the slow path composes.
    if (code < 128 && !(input.charCodeAt(i + 1) >= 0x300)) {
      i++;
      if (code === 32 || (code >= 9 && code <= 13)) {
        if (pendingSpace < 0 && length > 0) pendingSpace = start;
      } else if (code === 96) push("'", start, i);
      else push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : input[start]!, start, i);
      continue;
    }
    const cp = input.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    // Keep a base character together with its combining marks so NFD input composes like NFC.
    while (i < input.length && input.charCodeAt(i) >= 0x300 && COMBINING.test(String.fromCodePoint(input.codePointAt(i)!))) {
      i += input.codePointAt(i)! > 0xffff ? 2 : 1;
    }
    const cluster = input.slice(start, i);
    if (SPACE.test(cluster)) {
      if (pendingSpace < 0 && length > 0) pendingSpace = start;
      continue;
    }
    const folded = foldChar(cluster);
    if (folded !== '') push(folded, start, i);
  }
  return { text, starts: map ? starts.slice(0, length) : starts, ends: map ? ends.slice(0, length) : ends };
}

/** Count the words of a text, ignoring punctuation-only tokens and ellipses. */
export function countWords(input: string): number {
  return normalize(input)
    .split(/\s+|\.\.\./)
    .filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * True when `text.slice(start, end)` does not cut a word in two: a quote must not match "willingness" inside
 * "unwillingness". Only word characters at the edges of the match need a boundary.
 */
export function atWordBoundaries(text: string, start: number, end: number): boolean {
  const cuts = (inside: string | undefined, outside: string | undefined) =>
    inside !== undefined && outside !== undefined && WORD.test(inside) && WORD.test(outside);
  return !cuts(text[start], text[start - 1]) && !cuts(text[end - 1], text[end]);
}

/** Every occurrence of `needle` in `haystack` (both normalised) that respects word boundaries. */
export function* wordMatches(haystack: string, needle: string, from = 0): Generator<number> {
  if (needle === '') return;
  for (let at = haystack.indexOf(needle, from); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (atWordBoundaries(haystack, at, at + needle.length)) yield at;
  }
}
