/** Data for the timeline and its per-person views, with each person's episodes listed once. */
import { derived, getEpisodes, getPeople } from './dossier.ts';
import type { EpisodeView } from '../lib/views/page-views.ts';

/** What the timeline shows of an episode: not its body, so that the timeline's data stays small at any size. */
export type TimelineEntry = Pick<
  EpisodeView,
  'slug' | 'url' | 'title' | 'summary' | 'place' | 'date' | 'reported' | 'participants' | 'claims'
>;

const entries = derived(async () => {
  const [episodes, people] = await Promise.all([getEpisodes(), getPeople()]);
  const timeline: TimelineEntry[] = episodes.map(({ slug, url, title, summary, place, date, reported, participants, claims }) => ({
    slug,
    url,
    title,
    summary,
    date,
    participants,
    claims,
    ...(place === undefined ? {} : { place }),
    ...(reported === undefined ? {} : { reported }),
  }));
  const byPerson = new Map<string, TimelineEntry[]>();
  for (const e of timeline)
    for (const p of e.participants) {
      const list = byPerson.get(p.slug);
      if (list) list.push(e);
      else byPerson.set(p.slug, [e]);
    }
  const filterPeople = people
    .map((p) => ({ slug: p.slug, name: p.name, count: byPerson.get(p.slug)?.length ?? 0 }))
    .filter((p) => p.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { episodes: timeline, byPerson, people: filterPeople };
});

/** The timeline in order, each person's episodes, and the people the filter lists; derived once per views. */
export const timelineData = () => entries();
