/** Typed access to the dossier collections for pages: the graph was built once, pages only read it. */
import { getCollection } from 'astro:content';
import type { ClaimView } from '../lib/views/claim-view.ts';
import type { DiscrepancyView, EpisodeView, PersonView } from '../lib/views/page-views.ts';
import type { SourceView } from '../lib/views/source-view.ts';

async function all<T>(name: 'sources' | 'people' | 'episodes' | 'discrepancies' | 'claims'): Promise<T[]> {
  const entries = await getCollection(name);
  return entries.map((e) => e.data as unknown as T);
}

export const getSources = () => all<SourceView>('sources');
export const getPeople = () => all<PersonView>('people');
export const getDiscrepancies = () => all<DiscrepancyView>('discrepancies');
export const getClaims = () => all<ClaimView>('claims');

/** Episodes in timeline order: by earliest possible date, undated last, then title. */
export async function getEpisodes(): Promise<EpisodeView[]> {
  const episodes = await all<EpisodeView>('episodes');
  return episodes.sort(
    (a, b) =>
      (a.date.earliest ?? '9999').localeCompare(b.date.earliest ?? '9999') ||
      (a.date.latest ?? '').localeCompare(b.date.latest ?? '') ||
      a.title.localeCompare(b.title),
  );
}
