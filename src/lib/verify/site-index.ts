/** What every page is checked against: the sources, and every page and file the site will have. */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { CitationContext } from '../claims/resolve-citation.ts';
import { pageUrl, type SourceSlug } from '../model.ts';
import { countOrigins } from '../origins.ts';
import { sourceName } from '../views/source-names.ts';
import { personResolver } from '../claims/attribute-citation.ts';
import type { Collection } from '../pages/page-schemas.ts';
import type { Source } from '../sources/parse-source.ts';

/** Pages that exist whatever the content (for link checks); the engine's routes (src/routes/) give them. */
export const STATIC_PATHS = ['/', '/people/', '/episodes/', '/sources/', '/claims/', '/discrepancies/', '/search/', '/graph/', '/data/'];

/** Top-level names the engine's own pages and files use: no prose page may take them. */
export const RESERVED_TOP_LEVEL: ReadonlySet<string> = new Set([
  ...STATIC_PATHS.map((path) => path.slice(1, -1)).filter(Boolean),
  'scripts',
  'pagefind',
  'pagefind-claims',
  '404',
  'rss',
  'sitemap-index',
  'sitemap-0',
]);

export interface SiteIndex extends CitationContext {
  people: ReadonlySet<string>;
  episodes: ReadonlySet<string>;
  /** Every URL path the site will have, base-free, for link checks. */
  paths: ReadonlySet<string>;
  /** Site paths of the files in the public folder: the only images content may show. */
  assets: ReadonlySet<string>;
}

/** A file's place in the site: enough to know its page's URL and whether its slug names a person or an episode. */
export type IndexEntry = { collection: Collection; slug: string };

/** The site index from file names alone, the sources parsed so far, and the public folder's files. */
export function siteIndexOf(
  files: readonly IndexEntry[],
  sources: ReadonlyMap<SourceSlug, Source>,
  assets: ReadonlySet<string>,
): SiteIndex {
  const slugsOf = (c: Collection) => new Set(files.filter((f) => f.collection === c).map((f) => f.slug));
  const sourceFiles = slugsOf('sources');
  const people = slugsOf('people');
  const paths = new Set(STATIC_PATHS);
  for (const f of files) paths.add(pageUrl(f.collection === 'sources' ? 'sources' : f.collection, f.slug));
  return {
    sources,
    people,
    episodes: slugsOf('episodes'),
    paths,
    assets,
    sourceFileExists: (slug) => sourceFiles.has(slug),
    sourceNameOf: (slug) => {
      const s = sources.get(slug as SourceSlug);
      return s ? sourceName(s.meta) : slug;
    },
    originsOf: (citations) => countOrigins(citations, sources),
    personOf: personResolver(people),
  };
}

/** Site paths (`/images/map.png`) of every file under `publicDir`, which the site serves as they are. */
export function listAssets(publicDir: string): Set<string> {
  const assets = new Set<string>();
  if (!existsSync(publicDir)) return assets;
  for (const entry of readdirSync(publicDir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) assets.add(`/${relative(publicDir, join(entry.parentPath, entry.name)).split(sep).join('/')}`);
  }
  return assets;
}
