/**
 * Who a phrase of a news text names as its source: "three people familiar with the matter" (unnamed), "State
 * Department spokesperson Tommy Pigott" (a person), "the White House" (an institution, on the record like a person),
 * "his public schedule" (a record), "NBC News" or "the network" (an outlet). Used by attribution.ts on the words
 * before or after a verb of saying.
 */
import type { Credit } from '../model.ts';

/** Outlets the detector knows by name, besides the ones a dossier's sources name (`basedOn`, `publisher`). */
export const KNOWN_OUTLETS = [
  'NBC News',
  'NBC',
  'POLITICO',
  'Politico',
  'Bloomberg',
  'CNN',
  'Reuters',
  'Associated Press',
  'AP',
  'Axios',
  'Fox News',
  'CBS News',
  'ABC News',
  'The New York Times',
  'New York Times',
  'The Washington Post',
  'Washington Post',
  'The Wall Street Journal',
  'Wall Street Journal',
  'Financial Times',
  'BBC',
  'The Guardian',
  'TASS',
  'Interfax',
];

/** The outlet a full name stands for when a text shortens it ("NBC" → "NBC News"). */
const CANONICAL: Record<string, string> = {
  NBC: 'NBC News',
  Politico: 'POLITICO',
  'New York Times': 'The New York Times',
  'Washington Post': 'The Washington Post',
  'Wall Street Journal': 'The Wall Street Journal',
  AP: 'Associated Press',
};

/** Words of an unnamed source ("two U.S. officials", "people familiar", "his detractors", "one member of Congress"). */
const UNNAMED =
  /\b(?:officials?|people|persons?|sources?|interlocutors?|insiders?|critics|detractors|skeptics|members? of Congress|aides|diplomats|experts|those familiar|familiar with|traders|residents|shopkeepers?|locals|witnesses|analysts|observers|lawmakers|campaigners|neighbou?rs|employees|staff members?|workers)\b/i;
/** A bare count or quantifier standing for people already described ("Two said…", "Many were granted…"). */
const COUNT = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|both)$/i;
/** Institutions speaking on the record; the dossier treats them like a named person. */
const INSTITUTION =
  /\b(?:White House|State Department|Department of \w+|Pentagon|Kremlin|ministry|Ministry|Foreign Office|Élysée|Elysee|Congress|Senate|government|embassy|Embassy)\b/;
/** Documents and records: a schedule, a statement, a transcript. */
const RECORD = /\b(?:schedule|statement|transcript|readout|records?|documents?|memo|filing|minutes|letter|communiqué|communique)\b/i;
/** Words of a news report standing for the outlet a rewrite retells ("the network", "a damning report"). */
const REPORT = /\b(?:network|channel|article|report|story|newspaper|broadcaster)\b/i;
/** Capitalised words that are titles, places or descriptions, not a person's name. */
const TITLE_WORDS = new Set(
  "U.S. US U.K. UK NATO EU State Department Secretary President Vice Prime Minister Special Envoy Representative Adviser Advisor National Security Spokesperson Spokesman Spokeswoman Ambassador Chair Chairman Chief Chiefs Joint Gen. General Senator Sen. Rep. Representative Gov. Governor Finnish Russian Ukrainian French American European British Kremlin White House Deputy Head Director Foreign Affairs Minister Former Secretary’s Secretary's Presidential Mr. Mrs. Ms. Dr. The A An In On At As But However And Despite According Reflecting".split(
    ' ',
  ),
);
const TRAILING_AUXILIARIES =
  /\s+(?:has|have|had|is|was|were|are|also|then|however|himself|herself|themselves|reportedly|later|again|both|all|each|recently|quickly|publicly|privately|previously|ever|never|not|did|does|do|would|will|may|might|could)$/i;

/** What a classification needs from its surroundings. */
export interface PartyContext {
  /** The outlet whose reporting the text retells ("the network" means it), when there is one. */
  retells?: string | undefined;
  /** Outlets known by name, longest first. */
  outlets: readonly string[];
  /** Inside a teaser for another article: "the article" is that article, not the one retold. */
  teaser?: boolean;
}

const clean = (phrase: string): string =>
  phrase
    .replace(/^[\s,;:—–-]+|[\s,;:—–.!?"“”'‘’]+$/g, '')
    .replace(/^(?:and|but|as|so|while|however|meanwhile|yet)\s+/i, '')
    .replace(TRAILING_AUXILIARIES, '')
    .replace(TRAILING_AUXILIARIES, '')
    .trim();

/** A newspaper's name ends in one of these, and a text may call it by it alone ("the Courier"). */
const MASTHEAD =
  /\s(Courier|Times|Post|Journal|Gazette|Herald|Digest|Telegraph|Guardian|Chronicle|Tribune|Mail|Express|Standard|Observer|Press|Examiner)$/;

/** The names a text may call each outlet by: as written, without a leading "The", and "the Courier" for a newspaper. */
const aliasCache = new WeakMap<readonly string[], [string, string][]>();
function aliasesOf(outlets: readonly string[]): [string, string][] {
  const known = aliasCache.get(outlets);
  if (known) return known;
  const aliases: [string, string][] = [];
  for (const name of outlets) {
    const canonical = CANONICAL[name] ?? name;
    aliases.push([name, canonical]);
    if (/^The\s/.test(name)) aliases.push([name.slice(4), canonical]);
    const masthead = MASTHEAD.exec(name);
    if (masthead) aliases.push([`the ${masthead[1]}`, canonical], [`The ${masthead[1]}`, canonical]);
  }
  aliases.sort((a, b) => b[0].length - a[0].length);
  aliasCache.set(outlets, aliases);
  return aliases;
}

/** The canonical name of an outlet mentioned in `phrase`, if any. */
export function outletIn(phrase: string, outlets: readonly string[]): string | undefined {
  for (const [name, canonical] of aliasesOf(outlets)) {
    const at = phrase.indexOf(name);
    if (at < 0) continue;
    const before = phrase[at - 1];
    const after = phrase[at + name.length];
    if ((before === undefined || !/[A-Za-z]/.test(before)) && (after === undefined || !/[A-Za-z]/.test(after))) return canonical;
  }
  return undefined;
}

/** The person's name in a phrase of titles and names: the last run of capitalised words that are not titles. */
export function personName(phrase: string): string | undefined {
  const words = phrase
    .replace(/[’']s\b/g, '')
    .split(/\s+/)
    .filter(Boolean);
  let end = words.length;
  while (end > 0 && !isNameWord(words[end - 1]!)) end--;
  let start = end;
  while (start > 0 && isNameWord(words[start - 1]!)) start--;
  return start < end ? words.slice(start, end).join(' ') : undefined;
}

const isNameWord = (w: string): boolean => /^[A-Z][A-Za-z’'-]*$/.test(w) && !TITLE_WORDS.has(w) && !(w.length > 3 && /^[A-Z]+$/.test(w));

/**
 * The credits `phrase` names as the source of what a sentence says, outlet first ("NBC’s sources" → NBC News, then
 * the sources); empty when it names no source (an ordinary subject: "the plan", "Ukraine and its allies").
 * `speech` says whether the verb is one of saying (any named party may say) or of perceiving (only unnamed sources'
 * views are credits: "Ukraine and its allies see that as…" is the text's own account).
 */
export function classifyParty(raw: string, ctx: PartyContext, speech = true): Credit[] {
  const phrase = clean(raw);
  if (phrase === '' || phrase.split(/\s+/).length > 18) return [];
  const outlet = outletIn(phrase, ctx.outlets);
  if (outlet) {
    const rest = phrase.replace(/^.*?[’']s\s+/, '');
    if (rest !== phrase && UNNAMED.test(rest))
      return [
        { kind: 'outlet', name: outlet },
        { kind: 'unnamed', name: phrase },
      ];
    return speech || RECORD.test(phrase) || REPORT.test(phrase) ? [{ kind: 'outlet', name: outlet }] : [];
  }
  if (/^(?:the|a|an|this|that|another)\s+(?:[a-z-]+\s+)?(?:network|channel|article|report|story)$/i.test(phrase)) {
    if (ctx.teaser && /article/i.test(phrase)) return [{ kind: 'outlet', name: 'an unnamed article the teaser describes' }];
    return ctx.retells ? [{ kind: 'outlet', name: ctx.retells }] : [{ kind: 'outlet', name: phrase }];
  }
  const subject = phrase.replace(/^.*\b(?:that|which|whom|when|while|because|if|after|before|since)\s+(?=\S)/i, '');
  if (UNNAMED.test(subject) || COUNT.test(subject)) return [{ kind: 'unnamed', name: unnamedName(subject) }];
  if (!speech) return [];
  if (RECORD.test(phrase)) return [{ kind: 'record', name: phrase }];
  if (INSTITUTION.test(phrase) && !/\b(?:spokes(?:person|man|woman)|aide|adviser|secretary)\b/i.test(phrase))
    return [{ kind: 'person', name: phrase }];
  if (/\bspokes(?:person|man|woman)$/i.test(phrase)) return [{ kind: 'person', name: phrase }];
  // "Traders on Gull Lane": capitalised words after a preposition name a place, not the speaker.
  const name = personName(phrase.replace(/\s(?:on|in|at|from|near|of|for|across|outside|inside)\s.*$/, ''));
  if (name) return [{ kind: 'person', name }];
  if (/^the\s+(?:[A-Z]\w*\s+)*(?:Secretary|President|Minister|Ambassador|Envoy|head of \w+|spokes\w+)\b/i.test(phrase))
    return [{ kind: 'person', name: phrase }];
  return [];
}

const HEAD =
  /^(?:officials?|people|persons?|sources?|interlocutors?|insiders?|critics|detractors|skeptics|members?|aides|diplomats|experts|those|traders|residents|shopkeepers?|locals|witnesses|analysts|observers|lawmakers|campaigners|neighbou?rs|employees|staff|workers)$/i;
const MODIFIER =
  /^(?:the|a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|some|many|several|both|another|other|his|her|their|its|of|and|or|current|former|senior|junior|top|administration|government|frustrated|unnamed|anonymous|number|local|first|second|third|fourth|fifth|sixth|seventh)$/i;

/** The words that name unnamed sources, without the clause they sit in: "Macronthe three interlocutors" → "three interlocutors". */
function unnamedName(phrase: string): string {
  const words = phrase.split(/\s+/);
  const head = words.findIndex((w) => HEAD.test(w.replace(/[^A-Za-z]/g, '')));
  if (head <= 0) return phrase;
  let from = head;
  const modifies = (w: string) => MODIFIER.test(w) || TITLE_WORDS.has(w) || /^(?:[A-Z]\.)+$/.test(w);
  while (from > 0 && modifies(words[from - 1]!.replace(/,$/, ''))) from--;
  return words.slice(from).join(' ');
}

/** Whether `word` is a personal pronoun a credit may use ("he said", "according to him", "they said"). */
export function pronounOf(phrase: string): 'singular' | 'plural' | undefined {
  const p = clean(phrase).toLowerCase();
  if (p === 'he' || p === 'she' || p === 'him' || p === 'her') return 'singular';
  if (p === 'they' || p === 'them') return 'plural';
  return undefined;
}
