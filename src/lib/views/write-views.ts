/**
 * Derive every reader-facing view of a verified dossier once and write them to a view store (view-store.ts): the
 * five collections the pages render, the claims' search records, and the relationship graph laid out. What the
 * build's verification process does after verifying.
 */
import type { Dossier } from '../model.ts';
import { layoutGraph, type GraphLayout } from '../graph-layout.ts';
import { buildCollections, type DossierCollections } from './collections.ts';
import { claimSearchRecord, type SearchRecord } from './claim-search.ts';
import { summaryOfView, type ClaimSummary } from './reference-view.ts';
import { graphInput, inTimelineOrder, type GraphInput } from './graph-view.ts';
import { viewStoreWriter } from './view-store.ts';

/** Every collection a view store of the dossier holds, with the type of its entries. */
export interface StoredViews extends DossierCollections {
  /**
   * Each claim as the pages that list claims show it (a third of a claim view's size): at 10,000 pages a build reads
   * about 250,000 of them, and reading whole claim views instead cost Astro's render seconds of parsing.
   */
  summaries: ClaimSummary[];
  search: SearchRecord[];
  graph: { id: 'layout'; layout: GraphLayout }[];
}

/** Options of the views: the path the site is served under, and how the graph is laid out. */
export interface ViewOptions {
  base: string;
  /**
   * How to lay the graph out: given, this function's layout is stored (a build lays it out on a thread of its own);
   * without it, the graph page lays it out when asked (the dev server).
   */
  layout?: (input: GraphInput) => Promise<GraphLayout>;
}

/** The id an entry is stored under: a page's slug, a claim's id, a search record's URL. */
export const entryId = (entry: object): string =>
  'slug' in entry ? String(entry.slug) : 'id' in entry ? String(entry.id) : String((entry as { url: unknown }).url);

/** The graph's nodes and edges, from the people and episode views. */
export const graphInputOf = (views: Pick<DossierCollections, 'people' | 'episodes'>): GraphInput =>
  graphInput(views.people, inTimelineOrder(views.episodes));

/** The graph laid out from the people and episode views. */
export function graphLayoutOf(views: Pick<DossierCollections, 'people' | 'episodes'>): GraphLayout {
  const { nodes, edges } = graphInputOf(views);
  return layoutGraph(nodes, edges);
}

/** Every view of `dossier` but the graph's layout, as a view store holds them. */
export function storedViews(dossier: Dossier, base: string): StoredViews {
  const collections = buildCollections(dossier, base);
  return {
    ...collections,
    summaries: collections.claims.map(summaryOfView),
    search: collections.claims.map((claim) => claimSearchRecord(claim)),
    graph: [],
  };
}

/** Write every view of `dossier` to a view store in `dir`; the graph is laid out meanwhile by `options.layout`. */
export async function writeDossierViews(dossier: Dossier, dir: string, options: ViewOptions): Promise<void> {
  const { graph: _, ...views } = storedViews(dossier, options.base);
  const layout = options.layout?.(graphInputOf(views));
  layout?.catch(() => {}); // awaited below, once the other views are written
  const writer = viewStoreWriter(dir);
  for (const [name, entries] of Object.entries(views)) writer.write(name, entries, entryId);
  writer.write('graph', layout ? [{ id: 'layout', layout: await layout }] : [], entryId);
  writer.close();
}
