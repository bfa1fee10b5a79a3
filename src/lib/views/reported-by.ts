/**
 * Who reports a page's story: the sources its citations quote, grouped by the original story each retells or
 * republishes (four rewrites of one NBC News story are one line), when each was reported, and how many independent
 * origins the page's claims rest on (origins.ts), for the "Reported by" box at the top of an episode.
 */
import { describeSpan } from '../dates.ts';
import type { Dossier, Page } from '../model.ts';
import { storyOf } from '../origins.ts';
import { sourceName } from './source-names.ts';

export interface ReportingSource {
  slug: string;
  /** The source's short name. */
  name: string;
  url: string;
  /** The outlet that published it; null when its page does not say. */
  publisher: string | null;
  /** How many of the page's citations quote it. */
  citations: number;
}

export interface ReportedByView {
  /** One entry per original story, the best-cited first; each names the sources that re-report it and when it was reported. */
  origins: { origin: string; sources: ReportingSource[]; reported: string }[];
  sourceCount: number;
  /** Independent origins of the page's claims together (the roots of their citations' chains). */
  independentOrigins: number;
}

/** The sources cited on `page`, by independent origin. */
export function reportedBy(page: Page, dossier: Dossier, href: (path: string) => string): ReportedByView {
  const bySource = new Map<string, ReportingSource & { origin: string }>();
  for (const c of page.references) {
    const known = bySource.get(c.source);
    if (known) {
      known.citations++;
      continue;
    }
    const source = dossier.sources.get(c.source)!;
    const origin = storyOf(source);
    bySource.set(c.source, {
      slug: c.source,
      name: sourceName(source.meta),
      url: href(`/sources/${c.source}/`),
      publisher: source.meta.publisher,
      citations: 1,
      // A source that names no original reporting and no publisher is its own origin, known by its name.
      origin: origin.startsWith('source:') ? sourceName(source.meta) : origin,
    });
  }
  const groups = new Map<string, ReportingSource[]>();
  for (const { origin, ...source } of bySource.values()) groups.set(origin, [...(groups.get(origin) ?? []), source]);
  const cited = (sources: ReportingSource[]) => sources.reduce((n, s) => n + s.citations, 0);
  const reported = (sources: ReportingSource[]) => describeSpan(sources.map((s) => dossier.sources.get(s.slug as never)!.reported));
  const origins = [...groups]
    .map(([origin, sources]) => ({
      origin,
      sources: sources.sort((a, b) => b.citations - a.citations || a.name.localeCompare(b.name)),
      reported: reported(sources),
    }))
    .sort((a, b) => cited(b.sources) - cited(a.sources) || a.origin.localeCompare(b.origin));
  const roots = new Set(page.claims.flatMap((id) => dossier.claims.get(id)?.origins.map((o) => o.key) ?? []));
  return { origins, sourceCount: bySource.size, independentOrigins: roots.size };
}
