/**
 * Independent origins follow each citation's chain of credits (model.ts `Attribution`) to its root:
 * - a named person or a record, when the chain ends in one: Pigott's statement quoted by two outlets is one origin;
 * - else the last outlet of the chain, whose own reporting it is (its unnamed sources included): NBC News' unnamed
 *   sources and POLITICO's are two origins; a rewrite's uncredited sentence is the rewrite's own;
 * - except that a rewrite's own detail counts as the outlet it retells (`basedOn`) when two or more different rewrites
 *   of that outlet carry it in the claim, or when the claim credits that outlet anywhere.
 * Only supporting citations count.
 */
import type { Attribution, Citation, Origin } from './model.ts';
import type { Source } from './sources/parse-source.ts';
import { sourceName } from './views/source-names.ts';

/** The outlet a source is published by, for labels; when the page names none, the source's short name. */
export function outletLabel(source: Source): string {
  return source.meta.publisher ?? sourceName(source.meta);
}

/** The story a source re-reports: its `basedOn`, else its publisher, else itself (for grouping sources by story). */
export function storyOf(source: Source): string {
  return source.meta.basedOn ?? source.meta.publisher ?? `source:${source.slug}`;
}

/** The outlet whose words a source's text is: the outlet it reprints, else its publisher, else its short name. */
export function speakingOutlet(source: Source): { outlet: string; via?: string } {
  if (source.meta.reprint && source.meta.basedOn)
    return { outlet: source.meta.basedOn, ...(source.meta.publisher ? { via: source.meta.publisher } : {}) };
  return { outlet: source.meta.publisher ?? sourceName(source.meta) };
}

/** The name of the teaser link a citation of a citable teaser starts its chain with. */
export const TEASER = 'a teaser for another article';

const keyOf = (kind: Origin['kind'], name: string) => `${kind}:${name.toLowerCase().replace(/\s+/g, ' ')}`;

/** The root of one citation's chain, before the claim-wide rule for rewrites. */
export function rootOf(a: Attribution, source: Source): Omit<Origin, 'citations'> {
  const last = a.credits.at(-1);
  if (last && (last.kind === 'person' || last.kind === 'record')) {
    const key = last.kind === 'person' && last.person ? `person:${last.person}` : keyOf(last.kind, last.name);
    return { key, kind: last.kind, name: last.name };
  }
  const outlet = [...a.credits].reverse().find((c) => c.kind === 'outlet');
  if (outlet?.name === TEASER)
    return { key: `outlet:teaser:${source.slug}`, kind: 'outlet', name: `A teaser on the ${sourceName(source.meta)}’s page` };
  const name = outlet?.name ?? a.outlet;
  return { key: keyOf('outlet', name), kind: 'outlet', name };
}

/** Whether a citation's root is the rewrite itself: its own words or its own unnamed sources, with no outlet named. */
function ownOfRewrite(a: Attribution, source: Source): boolean {
  return !source.meta.reprint && !!source.meta.basedOn && !a.credits.some((c) => c.kind !== 'unnamed');
}

/** The independent origins of a claim's supporting citations, with the citations that reach each. */
export function claimOrigins(citations: readonly Citation[], sources: ReadonlyMap<string, Source>): Origin[] {
  const credited = new Set(citations.flatMap((c) => c.attribution.credits.filter((x) => x.kind === 'outlet').map((x) => x.name)));
  const supporting = citations.filter((c) => c.stance === 'supports' && sources.has(c.source));
  // Rewrites of each outlet carrying a detail in this claim without crediting anyone named.
  const carriers = new Map<string, Set<string>>();
  for (const c of supporting) {
    const source = sources.get(c.source)!;
    if (!ownOfRewrite(c.attribution, source)) continue;
    const set = carriers.get(source.meta.basedOn!) ?? new Set();
    set.add(source.slug);
    carriers.set(source.meta.basedOn!, set);
  }
  const origins = new Map<string, Origin>();
  for (const c of supporting) {
    const source = sources.get(c.source)!;
    let root = rootOf(c.attribution, source);
    const retold = source.meta.basedOn;
    if (retold && ownOfRewrite(c.attribution, source) && (credited.has(retold) || (carriers.get(retold)?.size ?? 0) >= 2))
      root = { key: keyOf('outlet', retold), kind: 'outlet', name: retold };
    const origin = origins.get(root.key);
    if (origin) origin.citations.push(c.n);
    else origins.set(root.key, { ...root, citations: [c.n] });
  }
  return [...origins.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Distinct outlets (publisher or, when unidentified, the source's short name) among a claim's supporting citations. */
export function claimOutlets(citations: readonly Citation[], sources: ReadonlyMap<string, Source>): string[] {
  const outlets = new Set<string>();
  for (const c of citations) {
    if (c.stance !== 'supports') continue;
    const source = sources.get(c.source);
    if (source) outlets.add(outletLabel(source));
  }
  return [...outlets].sort();
}

/** Origins and outlets of a claim's supporting citations. */
export function countOrigins(
  citations: readonly Citation[],
  sources: ReadonlyMap<string, Source>,
): { origins: Origin[]; outlets: string[] } {
  return { origins: claimOrigins(citations, sources), outlets: claimOutlets(citations, sources) };
}
