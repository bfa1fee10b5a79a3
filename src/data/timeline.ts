/** Data for the timeline and its per-person views. */
import { getEpisodes, getPeople } from './dossier.ts';

export async function timelineData() {
  const [episodes, people] = await Promise.all([getEpisodes(), getPeople()]);
  const filterPeople = people
    .map((p) => ({ slug: p.slug, name: p.name, count: episodes.filter((e) => e.participants.some((x) => x.slug === p.slug)).length }))
    .filter((p) => p.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { episodes, people: filterPeople };
}
