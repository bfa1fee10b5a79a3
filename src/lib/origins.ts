/** Outlets and independent origins of sources: four outlets repeating one NBC story are one origin, not four. */
import type { Citation } from './model.ts';
import type { Source } from './sources/parse-source.ts';

/** The outlet a source is published by, for labels. */
export function outletLabel(source: Source): string {
  return source.meta.publisher ?? 'Unidentified outlet';
}

/** The independent origin of a source: its `basedOn`, else its publisher, else itself. */
export function originOf(source: Source): string {
  return source.meta.basedOn ?? source.meta.publisher ?? `source:${source.slug}`;
}

/** Count independent origins and outlets among the supporting citations of a claim. */
export function countOrigins(
  citations: readonly Citation[],
  sources: ReadonlyMap<string, Source>,
): { origins: string[]; outlets: string[] } {
  const origins = new Set<string>();
  const outlets = new Set<string>();
  for (const c of citations) {
    if (c.stance !== 'supports') continue;
    const source = sources.get(c.source);
    if (!source) continue;
    origins.add(originOf(source));
    outlets.add(source.meta.publisher ?? `${outletLabel(source)} (${source.slug})`);
  }
  return { origins: [...origins].sort(), outlets: [...outlets].sort() };
}
