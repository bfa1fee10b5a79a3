/** Sentences of a source's paragraphs, with offsets: the unit a citation's credit is read from (attribution.ts). */
import type { TextSpan } from '../sources/paragraphs.ts';

/** One sentence: its offsets in the article text and the paragraph it belongs to. */
export interface Sentence extends TextSpan {
  /** Index of the paragraph in `source.paragraphs`. */
  paragraph: number;
  text: string;
}

/** Abbreviations after which a full stop does not end a sentence ("Gen. Dan Caine", "Mr. Smith"). */
const ABBREVIATIONS = new Set([
  'gen',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'sen',
  'rep',
  'gov',
  'lt',
  'col',
  'adm',
  'sgt',
  'vs',
  'no',
  'pres',
  'amb',
]);

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']']);
const OPENERS = /["'“‘(\[A-Z0-9•–—]/;

/** Whether the full stop at `dot` belongs to an abbreviation or an initial (`U.S.`, `J.`, `Gen.`). */
function abbreviation(text: string, dot: number): boolean {
  let from = dot;
  while (from > 0 && /[A-Za-z.]/.test(text[from - 1]!)) from--;
  const word = text.slice(from, dot);
  if (word.includes('.')) return true; // U.S. / U.K.: a dotted acronym
  if (/^[A-Z]$/.test(word)) return true; // an initial
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Split `text[start, end)` into sentences: a `.`, `!` or `?` (and closing quotes) followed by space and a capital or quote. */
export function splitSentences(text: string, start: number, end: number, paragraph = 0): Sentence[] {
  const sentences: Sentence[] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    if (ch === '.' && (text[i + 1] === '.' || text[i - 1] === '.')) continue; // an ellipsis written as dots
    let stop = i + 1;
    while (stop < end && CLOSERS.has(text[stop]!)) stop++;
    if (stop >= end) break;
    if (!/\s/.test(text[stop]!)) continue;
    let next = stop;
    while (next < end && /\s/.test(text[next]!)) next++;
    if (next >= end || !OPENERS.test(text[next]!)) continue;
    if (ch === '.' && abbreviation(text, i)) continue;
    sentences.push({ start: from, end: stop, paragraph, text: text.slice(from, stop) });
    from = next;
    i = next - 1;
  }
  if (from < end) sentences.push({ start: from, end, paragraph, text: text.slice(from, end) });
  return sentences;
}

/** Every sentence of `paragraphs` in order, computed once per source (keyed by its text). */
const cache = new WeakMap<object, Sentence[]>();
export function sentencesOf(key: object, text: string, paragraphs: readonly TextSpan[]): Sentence[] {
  const known = cache.get(key);
  if (known) return known;
  const all = paragraphs.flatMap((p, i) => splitSentences(text, p.start, p.end, i));
  cache.set(key, all);
  return all;
}
