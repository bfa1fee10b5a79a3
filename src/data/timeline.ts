/** Data for the timeline and its per-person views, with each person's episodes listed once. */
import { getEpisodes, getPeople } from './dossier.ts';
import type { EpisodeView } from '../lib/views/page-views.ts';

export async function timelineData() {
  const [episodes, people] = await Promise.all([getEpisodes(), getPeople()]);
  const byPerson = new Map<string, EpisodeView[]>();
  for (const e of episodes)
    for (const p of e.participants) {
      const list = byPerson.get(p.slug);
      if (list) list.push(e);
      else byPerson.set(p.slug, [e]);
    }
  const filterPeople = people
    .map((p) => ({ slug: p.slug, name: p.name, count: byPerson.get(p.slug)?.length ?? 0 }))
    .filter((p) => p.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { episodes, byPerson, people: filterPeople };
}
