/**
 * Who reports a page's story: the sources its citations quote, grouped by the independent origin each re-reports
 * (four rewrites of one NBC News story are one origin), for the "Reported by" box at the top of an episode.
 */
import type { Dossier, Page } from '../model.ts';
import { originOf } from '../origins.ts';
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
  /** One entry per independent origin, the best-cited first; each names the sources that re-report it. */
  origins: { origin: string; sources: ReportingSource[] }[];
  sourceCount: number;
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
    const origin = originOf(source);
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
  const origins = [...groups]
    .map(([origin, sources]) => ({ origin, sources: sources.sort((a, b) => b.citations - a.citations || a.name.localeCompare(b.name)) }))
    .sort((a, b) => cited(b.sources) - cited(a.sources) || a.origin.localeCompare(b.origin));
  return { origins, sourceCount: bySource.size };
}
