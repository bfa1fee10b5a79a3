/** The pipeline: content files in, one verified claim graph and every diagnostic out. Pure: no I/O. */
import type { Diagnostic } from './diagnostics.ts';
import type { Citation, Claim, ClaimId, Dossier, Mention, Page, PageKey, SourceSlug } from './model.ts';
import { processPage, type ProcessedPage, type ProcessOptions, type SiteIndex } from './pages/process-page.ts';
import type { PageCollection } from './pages/page-schemas.ts';
import { parseSource, type Source } from './sources/parse-source.ts';

export interface ContentFile {
  /** Project-relative path with forward slashes. */
  file: string;
  collection: PageCollection | 'sources';
  slug: string;
  raw: string;
}

/** Pages that exist whatever the content (for link checks). */
export const STATIC_PATHS = [
  '/',
  '/people/',
  '/episodes/',
  '/sources/',
  '/claims/',
  '/discrepancies/',
  '/about/',
  '/search/',
  '/graph/',
  '/data/',
];

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

/** The site index pages are checked against: sources, and every page slug and URL from file names alone. */
export function siteIndexOf(
  files: readonly Pick<ContentFile, 'collection' | 'slug'>[],
  sources: ReadonlyMap<SourceSlug, Source>,
): SiteIndex {
  const slugsOf = (c: PageCollection) => new Set(files.filter((f) => f.collection === c).map((f) => f.slug));
  const paths = new Set(STATIC_PATHS);
  for (const f of files) paths.add(`/${f.collection}/${f.slug}/`);
  return {
    sources,
    people: slugsOf('people'),
    episodes: slugsOf('episodes'),
    paths,
    outletOf: (slug) => {
      const s = sources.get(slug as SourceSlug);
      return s ? outletLabel(s) : slug;
    },
    originsOf: (citations) => countOrigins(citations, sources),
  };
}

/** Parse every source file. */
export function parseSources(files: readonly ContentFile[]): { sources: Map<SourceSlug, Source>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<SourceSlug, Source>();
  for (const f of files) {
    if (f.collection !== 'sources') continue;
    const { source, diagnostics: d } = parseSource(f.raw, f.file, f.slug);
    diagnostics.push(...d);
    if (source) sources.set(f.slug as SourceSlug, source);
  }
  return { sources, diagnostics };
}

/** Process people, episode and discrepancy files against the site index, in order. */
export function processPages(pageFiles: readonly ContentFile[], site: SiteIndex, options?: ProcessOptions): ProcessedPage[] {
  return pageFiles.map((f) => processPage(f.raw, f.file, f.collection as PageCollection, f.slug, site, options));
}

/**
 * Put processed pages together, in file order (so the first use of a duplicated claim id is the one kept, however
 * the pages were processed), and derive the graph.
 */
export function assembleDossier(
  sources: Map<SourceSlug, Source>,
  processed: readonly ProcessedPage[],
  diagnostics: Diagnostic[],
): { dossier: Dossier; diagnostics: Diagnostic[] } {
  const pages = new Map<PageKey, Page>();
  const claims = new Map<ClaimId, Claim>();
  const mentions: Mention[] = [];
  for (const result of processed) {
    diagnostics.push(...result.diagnostics);
    if (result.page) pages.set(result.page.key, result.page);
    mentions.push(...result.mentions);
    for (const claim of result.claims) {
      const first = claims.get(claim.id);
      if (first) {
        diagnostics.push(duplicateClaimId(claim, first));
        continue;
      }
      claims.set(claim.id, claim);
    }
  }
  return { dossier: deriveGraph(sources, pages, claims, mentions), diagnostics };
}

/** Build the dossier from every content file. Errors never stop the run early: all are reported. */
export function buildDossier(files: readonly ContentFile[]): { dossier: Dossier; diagnostics: Diagnostic[] } {
  const { sources, diagnostics } = parseSources(files);
  const processed = processPages(
    files.filter((f) => f.collection !== 'sources'),
    siteIndexOf(files, sources),
  );
  return assembleDossier(sources, processed, diagnostics);
}

/** The error for a claim id used a second time, pointing at the first use. */
export function duplicateClaimId(claim: Claim, first: { file: string; line: number; column: number }): Diagnostic {
  return {
    file: claim.file,
    line: claim.line,
    column: claim.column,
    severity: 'error',
    message: `Claim id \`${claim.id}\` is already used`,
    rule: 'duplicate-claim-id',
    hint: `First used at ${first.file}:${first.line}:${first.column}. Claim ids are permalinks: pick a new, unique id.`,
  };
}

/** Derive backlinks and per-person views once, in linear time over claims and citations. */
export function deriveGraph(
  sources: Map<SourceSlug, Source>,
  pages: Map<PageKey, Page>,
  claims: Map<ClaimId, Claim>,
  mentions: Mention[],
): Dossier {
  const backlinks = new Map<SourceSlug, Map<string, ClaimId[]>>();
  for (const slug of sources.keys()) backlinks.set(slug, new Map());
  for (const claim of claims.values()) {
    for (const c of claim.citations) {
      const bySource = backlinks.get(c.source)!;
      for (const p of c.paragraphs) {
        const list = bySource.get(p) ?? [];
        if (list[list.length - 1] !== claim.id) list.push(claim.id);
        bySource.set(p, list);
      }
    }
  }
  const people: Dossier['people'] = new Map();
  for (const page of pages.values()) {
    if (page.collection === 'people')
      people.set(page.slug, { episodes: [], claimsAbout: [], quotes: [], mentionedOn: [], discrepancies: [] });
  }
  const personView = (slug: string) => people.get(slug);
  for (const page of pages.values()) {
    if (page.collection === 'episodes') for (const p of page.meta.participants) personView(p)?.episodes.push(page.key);
    if (page.collection === 'discrepancies') for (const p of page.meta.about ?? []) personView(p)?.discrepancies.push(page.key);
  }
  for (const claim of claims.values()) {
    for (const slug of claim.about) personView(slug)?.claimsAbout.push(claim.id);
    if (claim.speaker) personView(claim.speaker)?.quotes.push(claim.id);
  }
  for (const m of mentions) {
    const [collection, slug] = m.to.split('/') as [string, string];
    if (collection === 'people') personView(slug)?.mentionedOn.push(m);
  }
  return { sources, pages, claims, backlinks, people, mentions };
}
