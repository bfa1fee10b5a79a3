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

/** The site paths (without the base) of the claims' indexes of a dossier with `claims` claims, `perIndex` to an index. */
export function claimsIndexPaths(claims: number, perIndex: number = CLAIMS_PER_INDEX): string[] {
  return Array.from({ length: Math.ceil(claims / perIndex) }, (_, i) => `/${CLAIMS_INDEX}/${i === 0 ? '' : `${i + 1}/`}`);
}
