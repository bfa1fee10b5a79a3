/** The claim graph, derived once from verified pages and claims: backlinks and what each person's page shows. */
import type { ClaimId, Dossier, Mention, Page, PageKey, SourceSlug, Claim } from '../model.ts';
import type { Source } from '../sources/parse-source.ts';

/** Derive backlinks and per-person views once, in linear time over claims and citations. */
export function deriveGraph(
  sources: Map<SourceSlug, Source>,
  pages: Map<PageKey, Page>,
  verified: Map<ClaimId, Claim>,
  mentions: Mention[],
): Dossier {
  const claims = withTiesAndNames(verified, pages);
  const backlinks = new Map<SourceSlug, Map<string, ClaimId[]>>();
  for (const slug of sources.keys()) backlinks.set(slug, new Map());
  for (const claim of claims.values()) {
    for (const c of claim.citations) {
      const bySource = backlinks.get(c.source)!;
      for (const p of c.paragraphs) {
        const list = bySource.get(p) ?? [];
        if (list[list.length - 1] !== claim.id) list.push(claim.id);
        bySource.set(p, list);
      }
    }
  }
  const people: Dossier['people'] = new Map();
  for (const page of pages.values()) {
    if (page.collection === 'people')
      people.set(page.slug, { episodes: [], claimsAbout: [], quotes: [], mentionedOn: [], discrepancies: [] });
  }
  const personView = (slug: string) => people.get(slug);
  for (const page of pages.values()) {
    if (page.collection === 'episodes') for (const p of page.meta.participants) personView(p)?.episodes.push(page.key);
    if (page.collection === 'discrepancies') for (const p of page.meta.about ?? []) personView(p)?.discrepancies.push(page.key);
  }
  for (const claim of claims.values()) {
    for (const slug of claim.about) personView(slug)?.claimsAbout.push(claim.id);
    if (claim.speaker) personView(claim.speaker)?.quotes.push(claim.id);
  }
  for (const m of mentions) {
    const [collection, slug] = m.to.split('/') as [string, string];
    if (collection === 'people') personView(slug)?.mentionedOn.push(m);
  }
  return { sources, pages, claims, backlinks, people, mentions };
}

/**
 * The claims as readers see them: each tie (`corroborates`) shown on both claims, whichever declared it, and a named
 * person's origin called by their page's name ("Steve Pigott" in one text is Tommy Pigott's page). New objects: a
 * claim verified once (the dev server keeps them) is never changed.
 */
function withTiesAndNames(claims: Map<ClaimId, Claim>, pages: Map<PageKey, Page>): Map<ClaimId, Claim> {
  const ties = new Map<ClaimId, Set<ClaimId>>();
  const tie = (a: ClaimId, b: ClaimId) => ties.set(a, (ties.get(a) ?? new Set()).add(b));
  for (const claim of claims.values())
    for (const other of claim.corroborates)
      if (other !== claim.id && claims.has(other)) {
        tie(claim.id, other);
        tie(other, claim.id);
      }
  const nameOf = (slug: string) => {
    const page = pages.get(`people/${slug}` as PageKey);
    return page?.collection === 'people' ? page.meta.name : undefined;
  };
  const result = new Map<ClaimId, Claim>();
  for (const [id, claim] of claims) {
    const origins = claim.origins.map((o) => {
      const name = o.kind === 'person' && o.key.startsWith('person:') ? nameOf(o.key.slice(7)) : undefined;
      return name ? { ...o, name } : o;
    });
    result.set(id, { ...claim, origins, corroborates: [...(ties.get(id) ?? [])].sort() });
  }
  return result;
}
