/** Every reader-facing view of the dossier, computed once from the graph, grouped by collection. */
import type { Dossier } from '../model.ts';
import { claimView, type ClaimView } from './claim-view.ts';
import { makeLookups, pageView, type DiscrepancyView, type EpisodeView, type PersonView, type ProseView } from './page-views.ts';
import { sourceView, type SourceView } from './source-view.ts';
import { normalizeBase, withBase } from '../url-base.ts';

export interface DossierCollections {
  sources: SourceView[];
  people: PersonView[];
  episodes: EpisodeView[];
  discrepancies: DiscrepancyView[];
  pages: ProseView[];
  claims: ClaimView[];
}

/**
 * Build all views. Order is deterministic: by slug / claim id. Every link in them is an address a reader follows:
 * the site path under `base` (`/dossier/people/x/`).
 */
export function buildCollections(dossier: Dossier, base = '/'): DossierCollections {
  const urlBase = normalizeBase(base);
  const href = (path: string) => withBase(path, urlBase);
  const lookups = makeLookups(dossier, href);
  const bySlug = <T extends { slug: string }>(a: T, b: T) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
  const pages = [...dossier.pages.values()].map((p) => ({ collection: p.collection, view: pageView(p, dossier, lookups) }));
  const of = <T>(collection: string) =>
    pages
      .filter((p) => p.collection === collection)
      .map((p) => p.view as T)
      .sort(bySlug as never);
  return {
    sources: [...dossier.sources.values()].map((s) => sourceView(s, dossier, lookups.pageTitle, href)).sort(bySlug),
    people: of<PersonView>('people'),
    episodes: of<EpisodeView>('episodes'),
    discrepancies: of<DiscrepancyView>('discrepancies'),
    pages: of<ProseView>('pages'),
    claims: [...dossier.claims.values()]
      .map((c) => claimView(c, dossier, lookups.pageTitle, href))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}
