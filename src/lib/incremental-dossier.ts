/**
 * Verification for the dev server, where one file changes at a time. It keeps the last run's parsed sources and
 * processed pages and processes again only the pages whose text changed; when a source changes, or a file is
 * added, removed or renamed, every page is processed again, since each is checked against the sources and the
 * site's slugs. The graph is then derived from all pages, as {@link buildDossier} does, with the same result.
 */
import type { Diagnostic } from './diagnostics.ts';
import type { Dossier, SourceSlug } from './model.ts';
import type { ProcessedPage, SiteIndex } from './pages/process-page.ts';
import type { Source } from './sources/parse-source.ts';
import { assembleDossier, parseSources, processPages, siteIndexOf, type ContentFile } from './build-dossier.ts';

export interface IncrementalResult {
  dossier: Dossier;
  diagnostics: Diagnostic[];
  /** How many pages were processed again (all of them on the first run). */
  reprocessed: number;
}

/** A verifier that remembers its last run: call it with every content file each time. */
export function incrementalDossier(): (files: readonly ContentFile[]) => IncrementalResult {
  let siteKey: string | undefined;
  let sources = new Map<SourceSlug, Source>();
  let sourceDiagnostics: Diagnostic[] = [];
  let site: SiteIndex | undefined;
  const pages = new Map<string, { raw: string; processed: ProcessedPage }>();
  return (files) => {
    // What every page is checked against: the sources' text and the files' names.
    const key = JSON.stringify(files.map((f) => [f.file, f.collection, f.slug, f.collection === 'sources' ? f.raw : '']));
    if (key !== siteKey || !site) {
      ({ sources, diagnostics: sourceDiagnostics } = parseSources(files));
      site = siteIndexOf(files, sources);
      siteKey = key;
      pages.clear();
    }
    const pageFiles = files.filter((f) => f.collection !== 'sources');
    const stale = pageFiles.filter((f) => pages.get(f.file)?.raw !== f.raw);
    processPages(stale, site).forEach((processed, i) => pages.set(stale[i]!.file, { raw: stale[i]!.raw, processed }));
    const processed = pageFiles.map((f) => pages.get(f.file)!.processed);
    return { ...assembleDossier(sources, processed, [...sourceDiagnostics]), reprocessed: stale.length };
  };
}
