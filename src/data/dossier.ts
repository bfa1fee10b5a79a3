/**
 * Typed access to the verified views for pages: the graph was built once, pages only read it. The views come from
 * `virtual:backchannel/views` (src/integration/virtual-modules.ts); what is derived from them here is kept per views
 * object, so the dev server's fresh views after an edit are never mixed with stale derivations. What is kept is
 * small (orders, ids, names): a page reads its own view by id, so that whole collections are not held in Astro's heap
 * while it renders (at 50,000 pages they are gigabytes, and the garbage collector's work grows with them).
 */
import { currentViews } from 'virtual:backchannel/views';
import type { ViewStore } from '../lib/views/view-store.ts';
import { paragraphTexts, type ClaimView } from '../lib/views/claim-view.ts';
import type { ClaimSummary } from '../lib/views/reference-view.ts';
import { graphLayoutOf, type StoredViews } from '../lib/views/write-views.ts';
import { inTimelineOrder } from '../lib/views/graph-view.ts';
import type { DiscrepancyView, EpisodeView, PersonView, ProseView } from '../lib/views/page-views.ts';
import type { SourceView } from '../lib/views/source-view.ts';
import type { GraphLayout } from '../lib/graph-layout.ts';
import { searchedPageCount } from '../lib/search-types.ts';

type Collection = keyof StoredViews;

const list = <C extends Collection>(name: C): StoredViews[C] => currentViews().list(name) as StoredViews[C];

/** A value derived from the current views, computed once per views object. */
export function derived<T>(compute: (views: ViewStore) => T): () => T {
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
/** Every claim's view in order, read a batch at a time and not kept (for one pass over them all). */
export const eachClaim = (): Iterable<ClaimView> => currentViews().each<ClaimView>('claims');

/** The prose pages (content/pages/): `index` introduces the home page, the others have pages of their own. */
export const getProsePages = async (): Promise<readonly ProseView[]> => list('pages');

/** One prose page by slug, if the dossier has it. */
export const getProsePage = (slug: string): ProseView | undefined => currentViews().get<ProseView>('pages', slug);

/** The about page's title, if the dossier has one: every page links to it, so it is read once per views object. */
export const getAboutTitle = derived((views): string | undefined => views.get<ProseView>('pages', 'about')?.title);

/** An entry read from the views by id; one missing is a bug of the build (a page names an id the views lack). */
function found<T>(entry: T | undefined, what: string): T {
  if (entry === undefined) throw new Error(`No ${what} in the views`);
  return entry;
}

/** One claim's view, read on its own (a claim page needs no other claim). */
export const getClaim = (id: string): ClaimView => found(currentViews().get<ClaimView>('claims', id), `claim with id "${id}"`);

/** The episodes' slugs in timeline order (by earliest possible date, undated last, then title), derived once. */
const episodeOrder = derived(() => inTimelineOrder(list('episodes')).map((e) => e.slug));
/** Episodes in timeline order: by earliest possible date, undated last, then title. */
export async function getEpisodes(): Promise<readonly EpisodeView[]> {
  const bySlug = new Map(list('episodes').map((e) => [e.slug, e]));
  return episodeOrder().map((slug) => bySlug.get(slug)!);
}

/** One page's view by slug, read on its own (a page needs no other page's view). */
export function getPage<C extends 'people' | 'episodes' | 'sources'>(collection: C, slug: string): StoredViews[C][number] {
  return found(currentViews().get<StoredViews[C][number]>(collection, slug), `${collection} view "${slug}"`);
}

/** The slugs of a collection's pages, without reading their views. */
export const getSlugs = (collection: 'people' | 'episodes' | 'sources'): readonly string[] => currentViews().ids(collection);

/** The claims' ids, without reading their views. */
export const getClaimIds = (): readonly string[] => currentViews().ids('claims');

/** How many claims the dossier has. */
export const getClaimCount = (): number => getClaimIds().length;

/** How many pages the pages' search indexes hold, besides the top-level ones (search-types.ts). */
export const getSearchedPageCount = (): number => searchedPageCount(currentViews());

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

/** The summaries of some claims, in the order given, read together (see `ViewStore.getMany`). */
export async function claimSummaries(ids: readonly string[]): Promise<ClaimSummary[]> {
  return currentViews()
    .getMany<ClaimSummary>('summaries', ids)
    .map((summary, i) => found(summary, `claim summary with id "${ids[i]}"`));
}
