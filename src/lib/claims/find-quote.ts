/** Locate a quote in a source after normalisation; `...` / `…` skip words within one paragraph. */
import { distance } from 'fastest-levenshtein';
import { normalize, normalizeWithMap, wordMatches, type NormalizedText } from '../normalize.ts';
import type { TextSpan } from '../sources/paragraphs.ts';
import type { Source, SourceParagraph } from '../sources/parse-source.ts';

export interface QuoteMatch extends TextSpan {
  /** Matched parts (one, or several for an elided quote), original offsets in the article text. */
  parts: TextSpan[];
  /** Ids of the paragraphs the match touches. */
  paragraphs: string[];
  /** The passage as stored in the source (for an elided quote, its first part). */
  exact: string;
}

const paragraphCache = new WeakMap<SourceParagraph, NormalizedText>();

function normalizedParagraph(source: Source, p: SourceParagraph): NormalizedText {
  let cached = paragraphCache.get(p);
  if (!cached) {
    const n = normalizeWithMap(source.text.slice(p.start, p.end));
    cached = { text: n.text, starts: n.starts.map((o) => o + p.start), ends: n.ends.map((o) => o + p.start) };
    paragraphCache.set(p, cached);
  }
  return cached;
}

/** Split a quote into its elided parts (normalised), dropping empty ones. */
export function quoteParts(quote: string): string[] {
  return normalize(quote)
    .split('...')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

function paragraphsTouching(source: Source, span: TextSpan): string[] {
  return source.paragraphs.filter((p) => p.start < span.end && p.end > span.start).map((p) => p.id);
}

function overlapsForbiddenFurniture(source: Source, span: TextSpan): boolean {
  return source.furniture.some((f) => !f.citable && f.start < span.end && f.end > span.start);
}

/** All matches of `quote` in `source`, in text order (a quote may occur more than once). */
export function findQuoteMatches(source: Source, quote: string): QuoteMatch[] {
  const parts = quoteParts(quote);
  if (parts.length === 0) return [];
  const matches: QuoteMatch[] = [];
  if (parts.length === 1) {
    const needle = parts[0]!;
    const { text, starts, ends } = source.normalized;
    for (const at of wordMatches(text, needle)) {
      const span = { start: starts[at]!, end: ends[at + needle.length - 1]! };
      matches.push({
        ...span,
        parts: [span],
        paragraphs: paragraphsTouching(source, span),
        exact: source.text.slice(span.start, span.end),
      });
    }
    return matches;
  }
  for (const p of source.paragraphs) {
    const n = normalizedParagraph(source, p);
    let from = 0;
    const spans: TextSpan[] = [];
    for (const part of parts) {
      const at = wordMatches(n.text, part, from).next().value;
      if (at === undefined) break;
      spans.push({ start: n.starts[at]!, end: n.ends[at + part.length - 1]! });
      from = at + part.length;
    }
    if (spans.length === parts.length) {
      const first = spans[0]!;
      matches.push({
        start: first.start,
        end: spans[spans.length - 1]!.end,
        parts: spans,
        paragraphs: [p.id],
        exact: source.text.slice(first.start, first.end),
      });
    }
  }
  return matches;
}

export type QuoteLookup =
  | { kind: 'found'; match: QuoteMatch; teaser: boolean; citable: QuoteMatch[] }
  | { kind: 'furniture'; match: QuoteMatch; furnitureKind: string }
  | { kind: 'missing' };

/** Whether `match` cites an article passage rather than a widget's or a caption's. */
const citableMatch = (source: Source, match: TextSpan) => !overlapsForbiddenFurniture(source, match);

/** Whether `match` lies in furniture marked citable (a teaser). */
export const isTeaser = (source: Source, match: TextSpan) =>
  source.furniture.some((f) => f.citable && f.start < match.end && f.end > match.start);

/**
 * Resolve a quote to its citable matches (the first is `match`), telling furniture-only matches apart from misses.
 * A quote found more than once is the caller's to settle (resolve-citation.ts asks for an occurrence).
 */
export function lookupQuote(source: Source, quote: string): QuoteLookup {
  const matches = findQuoteMatches(source, quote);
  const citable = matches.filter((m) => citableMatch(source, m));
  const first = citable[0];
  if (first) return { kind: 'found', match: first, teaser: isTeaser(source, first), citable };
  const any = matches[0];
  if (any) {
    const f = source.furniture.find((item) => !item.citable && item.start < any.end && item.end > any.start)!;
    return { kind: 'furniture', match: any, furnitureKind: f.kind };
  }
  return { kind: 'missing' };
}

export interface ClosestPassage {
  text: string;
  paragraph: string;
  /** 0–100. */
  similarity: number;
}

/** Word windows whose Levenshtein distance to a missing quote is measured: the ones sharing most of its words. */
export const HINT_CANDIDATES = 24;

/**
 * The passage of `source` most similar to `quote`, for "did you mean" hints. Its work is bounded: one pass over the
 * source's words scores each window by the quote's words it holds, and only the best {@link HINT_CANDIDATES} windows
 * are compared by Levenshtein distance (comparing every window took minutes for a long quote in a 3 MB source).
 */
export function closestPassage(source: Source, quote: string): ClosestPassage | undefined {
  const needle = normalize(quote.slice(0, MAX_HINT_QUOTE))
    .replace(/\.\.\./g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const wordCount = needle.split(' ').length;
  const candidates = bestWindows(source, new Set(needle.split(' ')), Math.max(1, wordCount - 1));
  let best: (ClosestPassage & { score: number }) | undefined;
  for (const { paragraph: p, words, n, at } of candidates) {
    for (const size of [wordCount - 1, wordCount, wordCount + 1]) {
      if (size < 1 || at + size > words.length) continue;
      const first = words[at]!;
      const last = words[at + size - 1]!;
      const candidate = n.text.slice(first.index, last.index + last[0].length);
      const score = 1 - distance(needle, candidate) / Math.max(needle.length, candidate.length);
      if (!best || score > best.score) {
        const start = n.starts[first.index]!;
        const end = n.ends[last.index + last[0].length - 1]!;
        best = { text: source.text.slice(start, end), paragraph: p.id, similarity: Math.round(score * 100), score };
      }
    }
  }
  if (!best) return undefined;
  const { score: _score, ...passage } = best;
  return passage;
}

/** Characters of a quote the hint compares: quotes longer than this are an error of their own. */
const MAX_HINT_QUOTE = 1000;

interface Window {
  paragraph: SourceParagraph;
  n: NormalizedText;
  words: RegExpExecArray[];
  /** Index of the window's first word. */
  at: number;
  /** How many of the window's words are words of the quote. */
  shared: number;
}

/** The windows of `size` words (in text order) that hold the most words of `vocabulary`, at most HINT_CANDIDATES. */
function bestWindows(source: Source, vocabulary: ReadonlySet<string>, size: number): Window[] {
  const kept: Window[] = [];
  for (const p of source.paragraphs) {
    if (p.kind === 'furniture') continue;
    const n = normalizedParagraph(source, p);
    const words = [...n.text.matchAll(/\S+/g)];
    let shared = 0;
    for (let i = 0; i < words.length; i++) {
      if (vocabulary.has(words[i]![0])) shared++;
      const start = i - size + 1;
      if (start > 0 && vocabulary.has(words[start - 1]![0])) shared--;
      if (start >= 0) keep(kept, { paragraph: p, n, words, at: start, shared });
    }
  }
  return kept.sort((a, b) => a.paragraph.n - b.paragraph.n || a.at - b.at);
}

/** Keep `w` if it is among the best HINT_CANDIDATES so far (earlier windows win ties). */
function keep(kept: Window[], w: Window): void {
  if (kept.length === HINT_CANDIDATES && kept[kept.length - 1]!.shared >= w.shared) return;
  let i = kept.length;
  while (i > 0 && kept[i - 1]!.shared < w.shared) i--;
  kept.splice(i, 0, w);
  if (kept.length > HINT_CANDIDATES) kept.pop();
}
