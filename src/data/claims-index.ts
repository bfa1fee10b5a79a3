/** Data for the claims index and its pre-rendered filters. */
import { getClaims, getPeople, getSources } from './dossier.ts';
import type { ClaimView } from '../lib/views/claim-view.ts';
import { summaryOfView } from '../lib/views/reference-view.ts';

/** A claim view as a list item. */
export const summarize = summaryOfView;

/**
 * How many claims of one status a list shows on one page. Past it, the claims index shows the first ones and links
 * to that status's own pages, so no page grows with the dossier (at 50,000 pages the whole list was 146 MB).
 */
export const CLAIMS_PER_PAGE = 500;

/** Everything the claims index and its filter pages need, with the per-person and per-source lists built once. */
export async function claimsIndexData() {
  const [claims, people, sources] = await Promise.all([getClaims(), getPeople(), getSources()]);
  const byPerson = new Map<string, ClaimView[]>();
  const bySource = new Map<string, ClaimView[]>();
  const add = (map: Map<string, ClaimView[]>, key: string, claim: ClaimView) => {
    const list = map.get(key) ?? [];
    if (list[list.length - 1] !== claim) list.push(claim);
    map.set(key, list);
  };
  for (const claim of claims) {
    for (const a of claim.about) add(byPerson, a.slug, claim);
    if (claim.speaker) add(byPerson, claim.speaker.slug, claim);
    for (const c of claim.citations) add(bySource, c.source, claim);
  }
  return {
    claims,
    byPerson,
    bySource,
    people: people.map((p) => ({ slug: p.slug, name: p.name })).sort((a, b) => a.name.localeCompare(b.name)),
    sources: sources.map((s) => ({ slug: s.slug, title: s.title, name: s.name, nameInText: s.nameInText })),
  };
}
