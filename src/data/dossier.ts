/** Typed access to the dossier collections for pages: the graph was built once, pages only read it. */
import { getCollection } from 'astro:content';
import { paragraphTexts, type ClaimView } from '../lib/views/claim-view.ts';
import { summaryOfView, type ClaimSummary } from '../lib/views/reference-view.ts';
import { inTimelineOrder } from '../lib/views/graph-view.ts';
import { unpackView } from '../lib/views/packed-view.ts';
import type { DiscrepancyView, EpisodeView, PersonView } from '../lib/views/page-views.ts';
import type { SourceView } from '../lib/views/source-view.ts';

async function all<T>(name: 'sources' | 'people' | 'episodes' | 'discrepancies' | 'claims'): Promise<T[]> {
  const entries = await getCollection(name);
  return entries.map((e) => unpackView<T>(e.data));
}

export const getSources = () => all<SourceView>('sources');
export const getPeople = () => all<PersonView>('people');
export const getDiscrepancies = () => all<DiscrepancyView>('discrepancies');
export const getClaims = () => all<ClaimView>('claims');

/** Episodes in timeline order: by earliest possible date, undated last, then title. */
export const getEpisodes = async (): Promise<EpisodeView[]> => inTimelineOrder(await all<EpisodeView>('episodes'));

let texts: Promise<Map<string, Map<string, string>>> | undefined;

/** Every source paragraph's text by source slug and paragraph id, built once per process (claim pages share it). */
export function getParagraphTexts(): Promise<Map<string, Map<string, string>>> {
  texts ??= getSources().then(paragraphTexts);
  return texts;
}

let summaries: Promise<Map<string, ClaimSummary>> | undefined;

/** Claim summaries by id, built once per process: page views name claims by id. */
export function getClaimSummaries(): Promise<Map<string, ClaimSummary>> {
  summaries ??= getClaims().then((claims) => new Map(claims.map((c) => [c.id, summaryOfView(c)])));
  return summaries;
}

/** The summaries of some claims, in the order given. */
export async function claimSummaries(ids: readonly string[]): Promise<ClaimSummary[]> {
  const byId = await getClaimSummaries();
  return ids.map((id) => {
    const summary = byId.get(id);
    if (!summary) throw new Error(`No claim with id "${id}" in the claims collection`);
    return summary;
  });
}
