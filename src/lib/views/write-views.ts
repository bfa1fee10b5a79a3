/**
 * Derive every reader-facing view of a verified dossier once and write them to a view store (view-store.ts): the
 * five collections the pages render, the claims' search records, and the relationship graph laid out. What the
 * build's verification process does after verifying.
 */
import type { Dossier } from '../model.ts';
import { layoutGraph, type GraphLayout } from '../graph-layout.ts';
import { buildCollections, type DossierCollections } from './collections.ts';
import { claimSearchRecord, type SearchRecord } from './claim-search.ts';
import { graphInput, inTimelineOrder } from './graph-view.ts';
import { writeViewStore } from './view-store.ts';

/** Every collection a view store of the dossier holds, with the type of its entries. */
export interface StoredViews extends DossierCollections {
  search: SearchRecord[];
  graph: { id: 'layout'; layout: GraphLayout }[];
}

/** Options of the views: the path the site is served under; whether to lay the graph out now. */
export interface ViewOptions {
  base: string;
  /** Lay the graph out with the other views (a build); without it, the graph page lays it out when asked. */
  layout?: boolean;
}

/** The id an entry is stored under: a page's slug, a claim's id, a search record's URL. */
export const entryId = (entry: object): string =>
  'slug' in entry ? String(entry.slug) : 'id' in entry ? String(entry.id) : String((entry as { url: unknown }).url);

/** The graph laid out from the people and episode views. */
export function graphLayoutOf(views: Pick<DossierCollections, 'people' | 'episodes'>): GraphLayout {
  const { nodes, edges } = graphInput(views.people, inTimelineOrder(views.episodes));
  return layoutGraph(nodes, edges);
}

/** Every view of `dossier`, as a view store holds them. */
export function storedViews(dossier: Dossier, options: ViewOptions): StoredViews {
  const collections = buildCollections(dossier, options.base);
  return {
    ...collections,
    search: collections.claims.map((claim) => claimSearchRecord(claim)),
    graph: options.layout === false ? [] : [{ id: 'layout', layout: graphLayoutOf(collections) }],
  };
}

/** Write every view of `dossier` to a view store in `dir`. */
export function writeDossierViews(dossier: Dossier, dir: string, options: ViewOptions): void {
  writeViewStore(dir, { ...storedViews(dossier, options) }, entryId);
}
