/** Data for the claims index and its pre-rendered filters. */
import { claimSummaries, derived } from './dossier.ts';
import type { PersonView } from '../lib/views/page-views.ts';
import type { SourceView } from '../lib/views/source-view.ts';
import type { ClaimView } from '../lib/views/claim-view.ts';
export { claimSummaries };

/**
 * How many claims of one status a list shows on one page. Past it, the claims index shows the first ones and links
 * to that status's own pages, so no page grows with the dossier (at 50,000 pages the whole list was 146 MB).
 */
export const CLAIMS_PER_PAGE = 500;

/**
 * Everything the claims index and its filter pages need, built in one pass over the claims and kept: the claims' ids
 * by person, by status and by source, in the claims' order, and whom and what the filters list. Each page reads the
 * summaries of the claims it shows (`claimSummaries`), so no claim view is held while the pages render.
 */
const indexData = derived((views) => {
  const byPerson = new Map<string, string[]>();
  const bySource = new Map<string, string[]>();
  const byStatus = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, id: string) => {
    const list = map.get(key);
    if (!list) map.set(key, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
  };
  let count = 0;
  for (const claim of views.each<ClaimView>('claims')) {
    count++;
    add(byStatus, claim.status, claim.id);
    for (const a of claim.about) add(byPerson, a.slug, claim.id);
    if (claim.speaker) add(byPerson, claim.speaker.slug, claim.id);
    for (const c of claim.citations) add(bySource, c.source, claim.id);
  }
  return {
    count,
    byPerson,
    bySource,
    byStatus,
    people: views
      .list<PersonView>('people')
      .map((p) => ({ slug: p.slug, name: p.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    sources: views.list<SourceView>('sources').map((s) => ({ slug: s.slug, title: s.title, name: s.name, nameInText: s.nameInText })),
  };
});

/** The claims index's data (see `indexData`), derived once per views. */
export const claimsIndexData = async () => indexData();
