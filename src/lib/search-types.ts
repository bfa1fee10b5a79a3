/**
 * The page types the search index knows (each indexed page's `data-pagefind-filter="type:…"`, and `claim` for
 * the claims' records), with the label the search page gives each in its filters and results.
 */
export const searchTypes = {
  person: 'Person',
  episode: 'Episode',
  claim: 'Claim',
  source: 'Source',
  discrepancy: 'Discrepancy',
  page: 'Page',
} as const;

export type SearchType = keyof typeof searchTypes;

/** The claims' own Pagefind index, beside the pages' `/pagefind/` (src/integration/pagefind.ts); search merges the two. */
export const CLAIMS_INDEX = 'pagefind-claims';

/**
 * The most claims one index holds by default. Pagefind's service compares each record it is given with every record
 * already in its index, so adding records takes time quadratic in the index's size, and writing an index takes more
 * memory and time per record as it grows (bench/notes.md). A dossier with more claims gets one index per 20,000 (the
 * integration's `claimsPerSearchIndex`): `/pagefind-claims/`, then `/pagefind-claims/2/`, `/pagefind-claims/3/`…,
 * which search merges like the first.
 */
export const CLAIMS_PER_INDEX = 20_000;

/** The site paths of `count` indexes in `folder`: `/folder/`, then `/folder/2/`, `/folder/3/`… */
export const indexPaths = (folder: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `/${folder}/${i === 0 ? '' : `${i + 1}/`}`);

/** The site paths (without the base) of the claims' indexes of a dossier with `claims` claims, `perIndex` to an index. */
export function claimsIndexPaths(claims: number, perIndex: number = CLAIMS_PER_INDEX): string[] {
  return indexPaths(CLAIMS_INDEX, Math.ceil(claims / perIndex));
}

/** The pages' index, with Pagefind's runtime (the one the search page loads); search merges the others into it. */
export const PAGES_INDEX = 'pagefind';

/** The collections whose pages (`/<collection>/<slug>/`) the pages' indexes hold, besides the top-level pages. */
export const SEARCHED_COLLECTIONS = ['discrepancies', 'episodes', 'people', 'sources'] as const;

/**
 * The most collection pages one index holds by default. Pagefind builds an index in memory before it writes it, and
 * that takes longer per page as the index grows (bench/notes.md, the nineteenth run, measures it). A dossier with more pages gets one index per 10,000 (the integration's `pagesPerSearchIndex`):
 * `/pagefind/`, which also holds the top-level pages, then `/pagefind/2/`, `/pagefind/3/`…, which search merges.
 */
export const PAGES_PER_INDEX = 10_000;

/** How many pages of the searched collections a dossier has, from its views (their ids: no view is read). */
export const searchedPageCount = (views: { ids(collection: string): readonly string[] }): number =>
  SEARCHED_COLLECTIONS.reduce((n, collection) => n + views.ids(collection).length, 0);

/** The site paths (without the base) of the pages' indexes of a dossier with `pages` collection pages. */
export function pagesIndexPaths(pages: number, perIndex: number = PAGES_PER_INDEX): string[] {
  return indexPaths(PAGES_INDEX, Math.max(1, Math.ceil(pages / perIndex)));
}
