/**
 * The `credit` attribute of a <Cite>: a contributor's statement of whom the quoted words credit, when the text's
 * words do not say it plainly enough for the detector (attribution.ts). One string:
 *
 *   credit = "own" | link *( ">" link )
 *   link   = kind ":" name          kind = outlet | person | record | unnamed
 *
 * e.g. `credit="outlet: NBC News > unnamed: three people familiar with the matter"`; `credit="own"` says the outlet
 * speaks for itself. Names are free text without `>`; spaces around `>` and `:` are ignored.
 */
import { closest } from 'fastest-levenshtein';
import { clip } from '../diagnostics.ts';
import { creditKinds, type Credit, type CreditKind } from '../model.ts';

export type CreditParse = { credits: Credit[] } | { rule: 'unknown-credit-kind' | 'credit-syntax'; message: string; hint: string };

const EXAMPLE = 'e.g. credit="outlet: NBC News > unnamed: three people familiar with the matter", or credit="own"';

/** Parse a `credit` attribute's value. */
export function parseCreditAttribute(value: string): CreditParse {
  const text = value.trim();
  if (text === 'own') return { credits: [] };
  if (text === '')
    return {
      rule: 'credit-syntax',
      message: '`credit` is empty',
      hint: `Write the chain of credits, ${EXAMPLE}; or remove the attribute to use what the text says.`,
    };
  const credits: Credit[] = [];
  for (const part of text.split('>')) {
    const link = part.trim();
    const colon = link.indexOf(':');
    const kind = (colon < 0 ? link : link.slice(0, colon)).trim().toLowerCase();
    const name = colon < 0 ? '' : link.slice(colon + 1).trim();
    if (colon < 0 || kind === '' || name === '') {
      return {
        rule: 'credit-syntax',
        message: `Credit \`${clip(link || text)}\` is not \`kind: name\``,
        hint: `Each link of the chain is a kind, a colon and a name, joined by \`>\`: ${EXAMPLE}.`,
      };
    }
    if (!(creditKinds as readonly string[]).includes(kind)) return unknownKind(link.slice(0, colon).trim());
    credits.push({ kind: kind as CreditKind, name });
  }
  return { credits };
}

/** Words contributors may reach for, and the kind each means. */
const SYNONYMS: Record<string, string> = {
  network: 'outlet',
  channel: 'outlet',
  newspaper: 'outlet',
  publication: 'outlet',
  report: 'outlet',
  article: 'outlet',
  official: 'unnamed',
  officials: 'unnamed',
  source: 'unnamed',
  sources: 'unnamed',
  anonymous: 'unnamed',
  institution: 'person',
  spokesperson: 'person',
  named: 'person',
  people: 'unnamed',
  document: 'record',
  statement: 'record',
  schedule: 'record',
  transcript: 'record',
};

function unknownKind(kind: string): CreditParse {
  const meant = SYNONYMS[kind.toLowerCase()] ?? closest(kind.toLowerCase().slice(0, 40), [...creditKinds, 'own']);
  return {
    rule: 'unknown-credit-kind',
    message: `Unknown kind of credit \`${clip(kind)}\``,
    hint: `Use one of: ${creditKinds.join(', ')} (or \`own\` alone: no credit); did you mean \`${meant}\`?`,
  };
}

/** A chain written back in the attribute's grammar: "outlet: NBC News > unnamed: sources", or "own". */
export function formatCredits(credits: readonly Credit[]): string {
  return credits.length === 0 ? 'own' : credits.map((c) => `${c.kind}: ${c.name}`).join(' > ');
}
