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
