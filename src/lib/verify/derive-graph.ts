/** The claim graph, derived once from verified pages and claims: backlinks and what each person's page shows. */
import type { ClaimId, Dossier, Mention, Page, PageKey, SourceSlug, Claim } from '../model.ts';
import type { Source } from '../sources/parse-source.ts';

/** Derive backlinks and per-person views once, in linear time over claims and citations. */
export function deriveGraph(
  sources: Map<SourceSlug, Source>,
  pages: Map<PageKey, Page>,
  claims: Map<ClaimId, Claim>,
  mentions: Mention[],
): Dossier {
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
