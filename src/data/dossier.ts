/**
 * Typed access to the verified views for pages: the graph was built once, pages only read it. The views come from
 * `virtual:backchannel/views` (src/integration/virtual-modules.ts); what is derived from them here is kept per views
 * object, so the dev server's fresh views after an edit are never mixed with stale derivations.
 */
import { currentViews } from 'virtual:backchannel/views';
import type { ViewStore } from '../lib/views/view-store.ts';
import { paragraphTexts, type ClaimView } from '../lib/views/claim-view.ts';
import { summaryOfView, type ClaimSummary } from '../lib/views/reference-view.ts';
import { graphLayoutOf, type StoredViews } from '../lib/views/write-views.ts';
import { inTimelineOrder } from '../lib/views/graph-view.ts';
import type { DiscrepancyView, EpisodeView, PersonView, ProseView } from '../lib/views/page-views.ts';
import type { SourceView } from '../lib/views/source-view.ts';
import type { GraphLayout } from '../lib/graph-layout.ts';

type Collection = keyof StoredViews;

const list = <C extends Collection>(name: C): StoredViews[C] => currentViews().list(name) as StoredViews[C];

/** A value derived from the current views, computed once per views object. */
function derived<T>(compute: (views: ViewStore) => T): () => T {
  const cache = new WeakMap<ViewStore, T>();
  return () => {
    const views = currentViews();
    if (!cache.has(views)) cache.set(views, compute(views));
    return cache.get(views)!;
  };
}

export const getSources = async (): Promise<readonly SourceView[]> => list('sources');
export const getPeople = async (): Promise<readonly PersonView[]> => list('people');
export const getDiscrepancies = async (): Promise<readonly DiscrepancyView[]> => list('discrepancies');
export const getClaims = async (): Promise<readonly ClaimView[]> => list('claims');

/** The prose pages (content/pages/): `index` introduces the home page, the others have pages of their own. */
export const getProsePages = async (): Promise<readonly ProseView[]> => list('pages');

/** One prose page by slug, if the dossier has it. */
export const getProsePage = (slug: string): ProseView | undefined => currentViews().get<ProseView>('pages', slug);

/** One claim's view, read on its own (a claim page needs no other claim). */
export function getClaim(id: string): ClaimView {
  const claim = currentViews().get<ClaimView>('claims', id);
  if (!claim) throw new Error(`No claim with id "${id}" in the views`);
  return claim;
}

const episodesInOrder = derived(() => inTimelineOrder(list('episodes')));
/** Episodes in timeline order: by earliest possible date, undated last, then title. */
export const getEpisodes = async (): Promise<readonly EpisodeView[]> => episodesInOrder();

const layout = derived(
  (views) =>
    views.get<StoredViews['graph'][number]>('graph', 'layout')?.layout ??
    graphLayoutOf({ people: list('people'), episodes: list('episodes') }),
);
/** The relationship graph laid out (by the build's verification; under `astro dev`, here, once per edit). */
export const getGraphLayout = async (): Promise<GraphLayout> => layout();

const texts = derived(() => paragraphTexts(list('sources')));
/** Every source paragraph's text by source slug and paragraph id. */
export const getParagraphTexts = async (): Promise<Map<string, Map<string, string>>> => texts();

const summaries = derived(() => new Map(list('claims').map((c) => [c.id, summaryOfView(c)])));
/** Claim summaries by id: page views name claims by id. */
export const getClaimSummaries = async (): Promise<Map<string, ClaimSummary>> => summaries();

/** The summaries of some claims, in the order given. */
export async function claimSummaries(ids: readonly string[]): Promise<ClaimSummary[]> {
  const byId = summaries();
  return ids.map((id) => {
    const summary = byId.get(id);
    if (!summary) throw new Error(`No claim with id "${id}" in the claims collection`);
    return summary;
  });
}
