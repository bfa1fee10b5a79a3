/**
 * Whom a cited passage credits, read from the words of its sentence: "according to …", "… said", "… told NBC News",
 * "NBC reported, citing sources", "This was reported by the channel NBC News" (the next sentence), "“…,” he said" (a
 * pronoun resolved only when the sentences before make it certain). Pure: a source's text in, credits out.
 *
 * A credit applies to its whole sentence when it opens it ("According to three sources, …", "X said that …"), closes
 * it ("…, the official said."), or stands between commas ("The minister’s aides struggled, the paper reported, before …");
 * elsewhere it applies to its own clause only ("…, a move perceived by some U.S. officials as …"), and a named party's
 * words after "but" or "and" are part of the account, not its source ("…, but the French foreign ministry said …").
 */
import type { Credit } from '../model.ts';
import { classifyParty, outletIn, pronounOf, type PartyContext } from './credit-parties.ts';
import { sentencesOf, type Sentence } from './sentences.ts';

/** What the detector reads: a source's article text and paragraphs, and the quote's place in it. */
export interface AttributionText {
  text: string;
  paragraphs: readonly { start: number; end: number }[];
}

export interface DetectOptions extends PartyContext {
  /** The outlet speaking in the text (a credit to itself is its own reporting: "as POLITICO previously reported"). */
  self?: string;
}

export interface Detected {
  credits: Credit[];
  /** The words that give the credit. */
  evidence?: string;
}

interface Found {
  credits: Credit[];
  evidence: string;
  /** Which credit of a sentence wins: 0 a tag or "according to", 1 an opening subject's words, 2 a perceived view. */
  rank?: number;
  /** Where the clause a clause-level credit governs starts (absolute offset); undefined: the whole sentence. */
  clause?: number;
}

const SPEECH =
  'said|says|say|told|tells|tell|noted|notes|asserted|asserts|stated|states|added|adds|argued|argues|argue|claimed|claims|claim|denied|denies|deny|dismissed|dismisses|rejected|rejects|defended|defends|emphasized|emphasised|emphasizes|echoed|echoes|described|describes|insisted|insists|warned|warns|confirmed|confirms|explained|explains|wrote|writes|alleged|alleges|reported|reports|put it|pointed to|talked about|referred to|made a similar assessment|made a statement|called (?:the|it|this|that)\\b';
const PERCEPTION =
  'viewed|perceive|perceives|believe|believes|believed|liken|likens|likened|have concerns|has concerns|remain skeptical|remains skeptical|have raised alarms|has raised alarms|raised alarms';
const VERB = new RegExp(`\\b(?:(${SPEECH})|(${PERCEPTION}))\\b(?! for\\b)`, 'g');
const BOUNDARY = /[,;:—–(“”"]|\s-\s/g;
const LEAD_IN =
  /^(?:[•·*-]\s*)?(?:(?:However|But|Meanwhile|Nonetheless|Still|Yet|And|So|Also|Instead|Indeed|Additionally|Conversely|Eventually|Ultimately|Now|Then|In [^,“”"]{0,70}|At [^,“”"]{0,70}|As [^,“”"]{0,70}|After [^,“”"]{0,70}|Despite [^,“”"]{0,70}|Reflecting [^,“”"]{0,70}|Following [^,“”"]{0,70}|During [^,“”"]{0,70}|When [^,“”"]{0,70}|Unbeknownst [^,“”"]{0,40}),\s*)+/;
const PARENTHETICAL = /,\s*(?:however|meanwhile|too|in turn|though|also|for example|in particular)\s*,/gi;
const CONJUNCTION = /^(?:but|and|yet|so|while|whereas)\s/i;

/** Replace what is inside quotation marks with spaces, so that words quoted are never read as a credit. */
function maskQuotations(text: string): string {
  let open = -1;
  let straight = false;
  const chars = text.split('');
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (open < 0 && (ch === '“' || ch === '"')) {
      open = i;
      straight = ch === '"';
    } else if (open >= 0 && ((straight && ch === '"') || (!straight && ch === '”'))) {
      for (let k = open + 1; k < i; k++) chars[k] = ' ';
      open = -1;
    }
  }
  if (open >= 0) for (let k = open + 1; k < chars.length; k++) chars[k] = ' ';
  return chars.join('');
}

/** The subject of the verb at `at` in `masked` (from the clause's start), and where that clause starts. */
function subjectBefore(masked: string, at: number): { phrase: string; start: number; boundary: string } {
  const before = masked.slice(0, at).replace(PARENTHETICAL, (m) => ' '.repeat(m.length));
  // An appositive between the name and the verb: "Alexander Vershbow, a former U.S. ambassador to NATO, told".
  const appositive = /,\s*(?:a|an|the|who|whose)\s[^,]*,\s*$/.exec(before);
  const head = appositive ? before.slice(0, appositive.index) : before;
  let start = 0;
  let boundary = '';
  for (const m of head.matchAll(BOUNDARY)) {
    if (m.index + m[0].length < head.trimEnd().length) {
      start = m.index + m[0].length;
      boundary = m[0].trim();
    }
  }
  // A whole opening subject may hold commas ("Some frustrated U.S., Ukrainian and European officials"): try it first.
  const lead = LEAD_IN.exec(head)?.[0].length ?? 0;
  const whole = head.slice(lead);
  if (!/[“”"—–;:]|,\s*[a-z]/.test(whole) && whole.split(/\s+/).length <= 12)
    return { phrase: whole, start: lead, boundary: lead > 0 ? ',' : '' };
  return { phrase: head.slice(start), start, boundary };
}

/** The credits of one sentence read from its own words (quotations masked); pronouns are left for the caller. */
function creditsOf(
  sentence: Sentence,
  masked: string,
  ctx: DetectOptions,
): { found: Found[]; pronoun?: { kind: 'singular' | 'plural'; evidence: string; clause?: number } } {
  const found: Found[] = [];
  const at = (i: number) => sentence.start + i;
  const headline = /^([A-Z][\w ]{1,30}):\s/.exec(masked);
  const headlineOutlet = headline && outletIn(headline[1]!, ctx.outlets);
  if (headlineOutlet) found.push({ credits: [{ kind: 'outlet', name: headlineOutlet }], evidence: headline[0].trim(), rank: 0 });
  const interview = /^(?:[•·]\s*)?In an? ([A-Z][\w.]*(?: [A-Z][\w.]*)*) interview\b/.exec(masked);
  const interviewOutlet = interview && outletIn(interview[1]!, ctx.outlets);
  for (const m of masked.matchAll(/\baccording to ([^;!?]+)/gi)) {
    const opening =
      LEAD_IN.exec(masked)?.[0].length === m.index ||
      m.index === 0 ||
      /^(?:[•·]\s*)?According/.test(masked.slice(0, m.index + 9).trimStart());
    let party = m[1]!;
    party = opening ? party.split(',')[0]! : party.replace(/,\s*(?:who|which|adding|saying)\b.*$/, '').replace(/[.”"’\s]+$/, '');
    const credits = classifyParty(party, ctx, true);
    const pronoun = pronounOf(party);
    if (pronoun) return { found, pronoun: { kind: pronoun, evidence: `according to ${party.trim()}` } };
    if (credits.length > 0) found.push({ credits, evidence: `according to ${party.trim()}`, rank: 0 });
  }
  const reportedBy =
    /\breported by (?:the (?:channel|network|newspaper|outlet) )?([A-Z][\w]*(?: [A-Z][\w]*)*)(?:,? citing ([^,.;]+))?/.exec(masked);
  if (reportedBy) {
    const outlet = outletIn(reportedBy[1]!, ctx.outlets);
    if (outlet) {
      const citing = reportedBy[2] ? classifyParty(reportedBy[2], ctx, true).filter((c) => c.kind !== 'outlet') : [];
      found.push({ credits: [{ kind: 'outlet', name: outlet }, ...citing], evidence: reportedBy[0].trim(), rank: 0 });
    }
  }
  const perceivedBy = /\b(?:perceived|seen|viewed) by ([^,;]+?) as\b|\bassertions from ([^,;]+?) that\b/.exec(masked);
  if (perceivedBy) {
    const credits = classifyParty(perceivedBy[1] ?? perceivedBy[2]!, ctx, false);
    const clause = Math.max(masked.lastIndexOf(',', perceivedBy.index), masked.lastIndexOf('—', perceivedBy.index), 0);
    if (credits.length > 0) found.push({ credits, evidence: perceivedBy[0], clause: at(clause) });
  }
  for (const m of masked.matchAll(VERB)) {
    const speech = m[1] !== undefined;
    const rest = masked.slice(m.index + m[0].length);
    // A verb after a determiner or a possessive is a noun: "Russia's claims", "the report".
    if (/(?:['’]s|\b(?:the|a|an|his|her|their|its|these|those|such))\s+$/i.test(masked.slice(0, m.index))) continue;
    const inverted = m[0] === 'said' && /[”"]\s*$/.test(masked.slice(0, m.index)) && /^\s+([a-z][^,;!?]*?)[.!?\s”"]*$/.exec(rest);
    const { phrase, start, boundary } = inverted ? { phrase: inverted[1]!, start: m.index, boundary: '”' } : subjectBefore(masked, m.index);
    if (phrase.trim() === '' || /^who$/i.test(phrase.trim())) {
      if (/^who$/i.test(phrase.trim())) relativeCredit(masked, m, found, at, ctx);
      continue;
    }
    const pronoun = pronounOf(phrase);
    const opening = start === 0 || LEAD_IN.exec(masked)?.[0].length === start;
    const closing =
      /^(?:\s+(?:[A-Z][\w]*(?: [A-Z][\w]*)*|the network|the channel|him|her|them|reporters))?(?:\s+in an interview)?\s*(?:,\s*(?:citing|adding|saying)\b[^.]*)?[.!?”"’\s]*$/.test(
        rest,
      );
    const aside = /^[,”"—–]$/.test(boundary) && /^\s*[,:]/.test(rest);
    const afterQuote = boundary === '”' || boundary === '"';
    const whole = opening || closing || aside || afterQuote;
    const clause = whole ? undefined : at(start);
    if (pronoun && speech) {
      if (whole) return { found, pronoun: { kind: pronoun, evidence: `${phrase.trim()} ${m[0]}` } };
      continue;
    }
    const credits = classifyParty(phrase, ctx, speech);
    if (credits.length === 0) continue;
    // A named party's words after "but"/"and" inside the sentence are events of the account, not its source.
    if (!whole && CONJUNCTION.test(phrase.trim()) && credits.every((c) => c.kind === 'person' || c.kind === 'record')) continue;
    const citing = /^\s*,\s*citing ([^,.;]+)/.exec(rest);
    const more =
      citing && credits.at(-1)?.kind === 'outlet' ? classifyParty(citing[1]!, ctx, true).filter((c) => c.kind === 'unnamed') : [];
    // "told NBC News", "told the network": the outlet the words were said to comes first in the chain.
    const told = /^told|^tells/.test(m[0]) ? /^\s+(the (?:network|channel)|(?:the )?[A-Z][\w]*(?: [A-Z][\w]*)*)/.exec(rest) : null;
    const to = told
      ? (outletIn(told[1]!, ctx.outlets) ?? (/^the (?:network|channel)$/.test(told[1]!) ? ctx.retells : undefined))
      : undefined;
    found.push({
      credits: to ? [{ kind: 'outlet', name: to }, ...credits] : [...credits, ...more],
      evidence: `${phrase.trim()} ${m[0]}${to ? ` ${told![1]}` : ''}${citing ? `, citing ${citing[1]!.trim()}` : ''}`.replace(/\s+/g, ' '),
      rank: !speech ? 2 : opening && !closing && !aside && !afterQuote ? 1 : 0,
      ...(clause !== undefined ? { clause } : {}),
    });
  }
  if (interviewOutlet)
    for (const f of found)
      if (f.credits[0]?.kind === 'person' && f.clause === undefined) f.credits.unshift({ kind: 'outlet', name: interviewOutlet });
  return { found };
}

/** "…comments from Finnish President Alexander Stubb, who said …": the relative pronoun's antecedent is credited. */
function relativeCredit(masked: string, m: RegExpMatchArray, found: Found[], at: (i: number) => number, ctx: DetectOptions): void {
  const comma = masked.lastIndexOf(',', m.index);
  if (comma < 0) return;
  const antecedent = masked
    .slice(Math.max(masked.lastIndexOf(',', comma - 1) + 1, 0), comma)
    .replace(/^.*\b(?:from|by|of|with)\s+(?=[A-Z])/, '');
  if (/according to/i.test(antecedent)) return;
  const credits = classifyParty(antecedent, ctx, true);
  if (credits.length > 0) found.push({ credits, evidence: `${antecedent.trim()}, who ${m[0]}`, clause: at(comma), rank: 0 });
}

/** The credit that covers the part `[start, end)` of `sentence`: the sentence's own, then the clause's. */
function creditFor(found: readonly Found[], start: number, end: number): Found | undefined {
  const whole = found.filter((f) => f.clause === undefined).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))[0];
  const clause = found.find((f) => f.clause !== undefined && end > f.clause);
  if (whole && clause) return { credits: [...whole.credits, ...clause.credits], evidence: `${whole.evidence}; ${clause.evidence}` };
  return whole ?? (clause && start < end ? clause : undefined);
}

/** The first sentence that ends after `offset` (sentences are in order): a binary search. */
function firstEndingAfter(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo < sentences.length ? lo : -1;
}

/** Per source and options, what each sentence credits (keys `r<offset>`) and what it resolves to (sentence index). */
const creditCache = new WeakMap<object, Map<string, Map<unknown, unknown>>>();
function cacheOf(source: AttributionText, options: DetectOptions): Map<unknown, unknown> {
  let bySource = creditCache.get(source);
  if (!bySource) creditCache.set(source, (bySource = new Map()));
  const key = `${options.retells ?? ''}\0${options.self ?? ''}\0${options.teaser ? 1 : 0}\0${options.outlets.join('|')}`;
  let cache = bySource.get(key);
  if (!cache) bySource.set(key, (cache = new Map()));
  return cache;
}

/** Each paragraph with the words inside its quotations masked, once per source. */
const maskCache = new WeakMap<object, string[]>();
function maskedParagraphs(source: AttributionText): string[] {
  const known = maskCache.get(source);
  if (known) return known;
  // No-break spaces read as spaces (same length: offsets stay the source's).
  const masks = source.paragraphs.map((p) => maskQuotations(source.text.slice(p.start, p.end).replace(/[\u00a0\u2009\u202f]/g, ' ')));
  maskCache.set(source, masks);
  return masks;
}

/** Quotation spans (opening mark to closing mark) of a paragraph. */
function quotationsOf(text: string, from: number, to: number): { open: number; close: number }[] {
  const spans: { open: number; close: number }[] = [];
  let open = -1;
  let straight = false;
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    if (open < 0 && (ch === '“' || ch === '"')) {
      open = i;
      straight = ch === '"';
    } else if (open >= 0 && ((straight && ch === '"') || (!straight && ch === '”'))) {
      spans.push({ open, close: i });
      open = -1;
    }
  }
  if (open >= 0) spans.push({ open, close: to });
  return spans;
}

/** Detect the credits a source gives for the passage `[start, end)` of its text. */
export function detectCredits(source: AttributionText, start: number, end: number, options: DetectOptions): Detected {
  const sentences = sentencesOf(source, source.text, source.paragraphs);
  const masks = maskedParagraphs(source);
  const maskedOf = (s: Sentence) => {
    const p = source.paragraphs[s.paragraph]!;
    return masks[s.paragraph]!.slice(s.start - p.start, s.end - p.start);
  };
  // What a sentence credits depends on the source and the options only: read once per source, whichever citation asks.
  const cache = cacheOf(source, options);
  const read = (s: Sentence) => {
    const key = `r${s.start}`;
    let found = cache.get(key) as ReturnType<typeof creditsOf> | undefined;
    if (!found) cache.set(key, (found = creditsOf(s, maskedOf(s), options)));
    return found;
  };
  const first = firstEndingAfter(sentences, start);
  if (first < 0) return { credits: [] };
  // Keyed by depth too: a result cut off at the depth limit must not stand in for the full one, or what a citation
  // credits would depend on which citations were read before it (and the build on how pages fell to workers).
  const memo = cache as unknown as Map<string, Found | null>;
  const own = (i: number, depth = 0): Found | null => {
    if (depth > 3) return null;
    const memoKey = `o${depth}:${i}`;
    const known = memo.get(memoKey);
    if (known !== undefined) return known;
    const s = sentences[i]!;
    const { found, pronoun } = read(s);
    let result = creditFor(found, s.start, s.end) ?? null;
    if (!result && pronoun) {
      const referent = resolve(i, pronoun.kind, depth);
      result = referent
        ? {
            credits: referent.credits,
            evidence: `${pronoun.evidence} (${pronoun.kind === 'singular' ? 'he' : 'they'}: ${referent.credits.at(-1)!.name})`,
          }
        : null;
    }
    // "This was reported by the channel NBC News": the next sentence credits this one.
    const next = sentences[i + 1];
    if (!result && next && next.paragraph === s.paragraph && /^This\s(?:was|has been|is)\sreported\sby\b/.test(next.text))
      result = creditFor(read(next).found, next.start, next.end) ?? null;
    memo.set(memoKey, result);
    return result;
  };
  // A pronoun names the party of the nearest sentence before it that credits one, in this paragraph or the one before.
  const resolve = (i: number, kind: 'singular' | 'plural', depth: number): Found | null => {
    const paragraph = sentences[i]!.paragraph;
    for (let j = i - 1; j >= 0 && sentences[j]!.paragraph >= paragraph - 1; j--) {
      const credit = own(j, depth + 1);
      if (!credit) continue;
      const last = credit.credits.at(-1)!;
      const fits =
        kind === 'singular'
          ? last.kind === 'person' && !/\b(?:House|Department|ministry|Ministry|Kremlin)\b/.test(last.name)
          : last.kind === 'unnamed' || last.kind === 'person';
      return fits ? credit : null;
    }
    return null;
  };
  // Words inside a quotation with no credit of their own take the quotation's: the tag after it, the words before
  // it, or those of the quotation before it in the paragraph ("“…,” Pigott said. “…”").
  const quoted = (i: number, from: number, to: number): Found | null => {
    const s = sentences[i]!;
    const p = source.paragraphs[s.paragraph]!;
    const spans = quotationsOf(source.text, p.start, p.end);
    const index = spans.findIndex((q) => q.open <= from && q.close >= to - 1);
    for (let k = index; k >= 0; k--) {
      const q = spans[k]!;
      for (const at of [q.close, q.open]) {
        const j = sentences.findIndex((x) => x.start <= at && x.end > at);
        if (j >= 0 && j !== i && own(j)) return own(j);
      }
    }
    return null;
  };
  // A quote over several sentences takes the credit of the first that names a person on the record, else of the
  // first that credits anyone: "Traders say …. Hester Pawley … said …" is Pawley's words.
  let result: Found | null = null;
  for (let i = first; i < sentences.length && sentences[i]!.start < end; i++) {
    const s = sentences[i]!;
    const from = Math.max(start, s.start);
    const to = Math.min(end, s.end);
    const found = read(s).found;
    const credit = creditFor(found, from, to) ?? (found.length === 0 ? own(i) : null) ?? quoted(i, from, to);
    if (credit && credit.credits.at(-1)?.kind === 'person') {
      result = credit;
      break;
    }
    result ??= credit;
  }
  if (!result) return { credits: [] };
  let credits = result.credits;
  if (options.self) while (credits[0]?.kind === 'outlet' && credits[0].name === options.self) credits = credits.slice(1);
  return credits.length > 0 ? { credits, evidence: result.evidence } : { credits: [] };
}
