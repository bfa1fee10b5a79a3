/**
 * The relationship graph's nodes and edges, from the people and episode views. The graph page draws them; a build
 * lays them out once, with the other views (write-views.ts).
 */
import type { GraphEdgeInput, GraphNodeInput } from '../graph-layout.ts';
import type { EpisodeView, PersonView } from './page-views.ts';

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Episodes in timeline order: by earliest possible date, undated last, then title. */
export function inTimelineOrder(episodes: readonly EpisodeView[]): EpisodeView[] {
  return [...episodes].sort(
    (a, b) =>
      (a.date.earliest ?? '9999').localeCompare(b.date.earliest ?? '9999') ||
      (a.date.latest ?? '').localeCompare(b.date.latest ?? '') ||
      a.title.localeCompare(b.title),
  );
}

/** People with the most episodes first, so the list reads in the same order of importance as the picture. */
export const byEpisodeCount = (people: readonly PersonView[]): PersonView[] =>
  [...people].sort((a, b) => b.episodes.length - a.episodes.length || a.name.localeCompare(b.name));

export interface GraphInput {
  nodes: GraphNodeInput[];
  edges: GraphEdgeInput[];
}

/** A node per person and per episode, an edge per participant; `episodes` in timeline order. */
export function graphInput(people: readonly PersonView[], episodes: readonly EpisodeView[]): GraphInput {
  const nodes: GraphNodeInput[] = [
    ...byEpisodeCount(people).map((p) => ({
      id: `person:${p.slug}`,
      kind: 'person' as const,
      label: p.name,
      url: p.url,
      detail: plural(p.episodes.length, 'episode'),
    })),
    ...episodes.map((e) => ({ id: `episode:${e.slug}`, kind: 'episode' as const, label: e.title, url: e.url, detail: e.date.label })),
  ];
  const edges: GraphEdgeInput[] = episodes.flatMap((e) =>
    e.participants.map((p) => ({ source: `person:${p.slug}`, target: `episode:${e.slug}` })),
  );
  return { nodes, edges };
}
