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
  | { kind: 'found'; match: QuoteMatch; teaser: boolean }
  | { kind: 'furniture'; match: QuoteMatch; furnitureKind: string }
  | { kind: 'missing' };

/** Resolve a quote to its first citable match, telling furniture-only matches apart from misses. */
export function lookupQuote(source: Source, quote: string): QuoteLookup {
  const matches = findQuoteMatches(source, quote);
  const citable = matches.find((m) => !overlapsForbiddenFurniture(source, m));
  if (citable) {
    const teaser = source.furniture.some((f) => f.citable && f.start < citable.end && f.end > citable.start);
    return { kind: 'found', match: citable, teaser };
  }
  const first = matches[0];
  if (first) {
    const f = source.furniture.find((item) => !item.citable && item.start < first.end && item.end > first.start)!;
    return { kind: 'furniture', match: first, furnitureKind: f.kind };
  }
  return { kind: 'missing' };
}

export interface ClosestPassage {
  text: string;
  paragraph: string;
  /** 0–100. */
  similarity: number;
}

/** The passage of `source` most similar to `quote` (Levenshtein over word windows), for "did you mean" hints. */
export function closestPassage(source: Source, quote: string): ClosestPassage | undefined {
  const needle = normalize(quote)
    .replace(/\.\.\./g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const wordCount = needle.split(' ').length;
  let best: (ClosestPassage & { score: number }) | undefined;
  for (const p of source.paragraphs) {
    if (p.kind === 'furniture') continue;
    const n = normalizedParagraph(source, p);
    const words = [...n.text.matchAll(/\S+/g)];
    for (let i = 0; i < words.length; i++) {
      for (const size of [wordCount - 1, wordCount, wordCount + 1]) {
        if (size < 1 || i + size > words.length) continue;
        const first = words[i]!;
        const last = words[i + size - 1]!;
        const candidate = n.text.slice(first.index, last.index + last[0].length);
        const score = 1 - distance(needle, candidate) / Math.max(needle.length, candidate.length);
        if (!best || score > best.score) {
          const start = n.starts[first.index]!;
          const end = n.ends[last.index + last[0].length - 1]!;
          best = { text: source.text.slice(start, end), paragraph: p.id, similarity: Math.round(score * 100), score };
        }
      }
    }
  }
  if (!best) return undefined;
  const { score: _score, ...passage } = best;
  return passage;
}
