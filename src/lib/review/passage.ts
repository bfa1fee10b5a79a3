/**
 * A cited passage as a reviewer reads it: the quoted words, with the sentence before and the sentence after them (from
 * the neighbouring paragraph when the quote starts or ends its own).
 */
import type { PassageContext } from '../views/claim-view.ts';

export interface Passage {
  /** The sentence before the quote, and the start of the quote's own sentence. */
  before: string;
  /** The quoted words, as the source has them. */
  match: string;
  /** The rest of the quote's sentence, and the sentence after it. */
  after: string;
}

/** Longest context kept on either side: a "sentence" of a garbled source can run for a whole paragraph. */
const MAX_SIDE = 400;

/**
 * The end of a sentence: `.`, `!`, `?` or `…` and any closing quotes or brackets. A full stop after an initial or a
 * title (`U.S.`, `Gen.`, `Mr.`) ends no sentence.
 */
const STOP = /(?:(?<!(?:^|[\s(“"'‘.])(?:[A-Z]|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Jr|Sr|St|No|vs))\.|[!?…])["'”’)\]]*/;

/** Where each sentence of `text` starts (always 0 first): after `.`, `!`, `?` or `…`, closing quotes, then space. */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(new RegExp(`${STOP.source}\\s+(?=\\S)`, 'g'))) starts.push(m.index + m[0].length);
  return starts;
}

const squash = (s: string) => s.replace(/\s+/g, ' ');
const SENTENCE_END = new RegExp(`${STOP.source}(?=\\s|$)`, 'g');

/** Where each sentence of `text` ends (just after its closing punctuation and quotes). */
export function sentenceEnds(text: string): number[] {
  return [...text.matchAll(SENTENCE_END)].map((m) => m.index + m[0].length);
}

/** Whether `text` ends a sentence, so that what follows it starts one. */
const endsSentence = (text: string) => new RegExp(`${STOP.source}\\s*$`).test(text);

const clipFront = (s: string) => (s.length > MAX_SIDE ? `…${s.slice(s.length - MAX_SIDE + 1)}` : s);
const clipBack = (s: string) => (s.length > MAX_SIDE ? `${s.slice(0, MAX_SIDE - 1)}…` : s);

/** The last sentence of a paragraph. */
const lastSentence = (text: string) => text.trim().slice(sentenceStarts(text.trim()).at(-1));
/** The first sentence of a paragraph. */
const firstSentence = (text: string) => text.trim().slice(0, sentenceEnds(text.trim())[0]);

/** The context before a quote: the start of its own sentence and one whole sentence before that. */
function contextBefore(before: string, previous: string | undefined): string {
  const starts = sentenceStarts(before);
  const startsOwn = before.trim() === '' || endsSentence(before);
  // Index of the first sentence to show: the last whole one when the quote starts its own, else the one before.
  const first = startsOwn ? starts.length - 1 : starts.length - 2;
  if (before.trim() !== '' && first >= 0) return clipFront(squash(before.slice(starts[first])));
  const lead = previous ? `${lastSentence(previous)} ¶ ` : '';
  return clipFront(squash(`${lead}${before.trimStart()}`));
}

/** The context after a quote: the rest of its own sentence and one whole sentence after that. */
function contextAfter(match: string, after: string, next: string | undefined): string {
  const ends = sentenceEnds(after);
  const endsOwn = endsSentence(match) && (after === '' || /^\s/.test(after));
  // End of the last sentence to show: the first end when the quote ends its own sentence, else the second.
  const last = ends[endsOwn ? 0 : 1];
  if (last !== undefined) return clipBack(squash(after.slice(0, last)));
  const rest = after.trim() === '' ? '' : after.trimEnd();
  return clipBack(squash(next ? `${rest} ¶ ${firstSentence(next)}` : rest));
}

/**
 * The passage of one citation: `context` is the claim view's (its paragraph split around the match), `neighbour` the
 * text of a paragraph by id (the ones either side, for a quote at the edge of its paragraph).
 */
export function passageOf(context: PassageContext, neighbour: (id: string) => string | undefined): Passage {
  const { paragraph } = context;
  return {
    before: contextBefore(paragraph.before, context.before ? neighbour(context.before) : undefined),
    match: squash(paragraph.match),
    after: contextAfter(paragraph.match, paragraph.after, context.after ? neighbour(context.after) : undefined),
  };
}
