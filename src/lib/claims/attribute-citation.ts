/**
 * A verified citation's attribution: the outlet whose words it quotes, then the credits its text gives (detected,
 * attribution.ts) or the <Cite>'s `credit` attribute states. A stated chain that leaves out an outlet, a person or a
 * record the cited words credit is reported (`credit-omitted`, a warning).
 */
import { clip, type Position, type Reporter } from '../diagnostics.ts';
import type { Attribution, Credit } from '../model.ts';
import { speakingOutlet, TEASER } from '../origins.ts';
import type { Source } from '../sources/parse-source.ts';
import type { TextSpan } from '../sources/paragraphs.ts';
import { detectCredits } from './attribution.ts';
import { formatCredits } from './credit-attribute.ts';
import { KNOWN_OUTLETS, outletIn } from './credit-parties.ts';

/** A `credit` attribute, parsed, and where it is. */
export interface StatedCredit {
  credits: Credit[];
  at: Position;
}

/** The outlets a source's text may name: the well-known ones and its own `basedOn` and publisher, longest first. */
const outletsCache = new WeakMap<Source, string[]>();
function outletsOf(source: Source): string[] {
  const known = outletsCache.get(source);
  if (known) return known;
  const own = [source.meta.basedOn, source.meta.publisher].filter((x): x is string => !!x);
  const list = [...new Set([...KNOWN_OUTLETS, ...own])].sort((a, b) => b.length - a.length);
  outletsCache.set(source, list);
  return list;
}

const canonical = (name: string, outlets: readonly string[]) => (outletIn(name, outlets) ?? name).toLowerCase();

/** The first credit of kind outlet, person or record in `detected` that `stated` does not keep, if any. */
export function omittedCredit(
  detected: readonly Credit[],
  stated: readonly Credit[],
  outlets: readonly string[] = KNOWN_OUTLETS,
): Credit | undefined {
  return detected.find((d) => {
    if (d.kind === 'unnamed') return false;
    // A person the text names by a title or a pronoun may be named by the contributor: any person keeps it.
    if (d.kind === 'person') return !stated.some((s) => s.kind === 'person');
    if (d.kind === 'outlet') return !stated.some((s) => s.kind === 'outlet' && canonical(s.name, outlets) === canonical(d.name, outlets));
    return !stated.some((s) => s.kind === 'record');
  });
}

/** The attribution of the passage `match` of `source`; `stated` (checked against the text) wins over detection. */
export function attributeCitation(
  source: Source,
  match: TextSpan,
  teaser: boolean,
  personOf: (name: string) => string | undefined,
  stated?: StatedCredit,
  reporter?: Reporter,
): Attribution {
  const { outlet, via } = speakingOutlet(source);
  const outlets = outletsOf(source);
  const detected = detectCredits(source, match.start, match.end, { outlets, retells: source.meta.basedOn, teaser, self: outlet });
  if (stated && reporter) {
    const dropped = omittedCredit(detected.credits, stated.credits, outlets);
    if (dropped)
      reporter.warn(
        'credit-omitted',
        `The cited passage credits ${dropped.kind === 'record' ? 'a record' : dropped.kind === 'person' ? 'a named person' : 'an outlet'}, ${clip(dropped.name, 60)}, which \`credit\` leaves out`,
        stated.at,
        `The text says “${clip(detected.evidence ?? dropped.name, 100)}”: keep it in the chain (what the text says: credit="${clip(formatCredits(detected.credits), 200)}"), or remove \`credit\` to use it as it is.`,
      );
  }
  const chosen = stated?.credits ?? detected.credits;
  const credits: Credit[] = chosen.map((c) => {
    const person = c.kind === 'person' ? personOf(c.name) : undefined;
    return person ? { ...c, person } : { ...c };
  });
  return {
    outlet,
    ...(via ? { via } : {}),
    credits: teaser ? [{ kind: 'outlet', name: TEASER }, ...credits] : credits,
    from: stated ? 'credit' : 'text',
    ...(!stated && detected.evidence ? { evidence: detected.evidence } : {}),
  };
}

/** A person page slug for a name, by full name or by a surname only one person page has (`Steve Pigott` → `tommy-pigott`). */
export function personResolver(people: ReadonlySet<string>): (name: string) => string | undefined {
  const bySurname = new Map<string, string[]>();
  for (const slug of people) {
    const surname = slug.slice(slug.lastIndexOf('-') + 1);
    bySurname.set(surname, [...(bySurname.get(surname) ?? []), slug]);
  }
  return (name) => {
    const words = name
      .replace(/[’']s\b/g, '')
      .replace(/[^A-Za-z\s-]/g, '')
      .trim()
      .toLowerCase()
      .split(/\s+/);
    const full = words.join('-');
    if (people.has(full)) return full;
    // Only a name that looks like one (capitalised, no title words): "the Secretary of State" resolves to no one.
    if (!/^[A-Z]/.test(name.trim()) || words.length > 3 || /^(?:the|a|an)$/.test(words[0] ?? '')) return undefined;
    const found = bySurname.get(words.at(-1)!) ?? [];
    return found.length === 1 ? found[0] : undefined;
  };
}
