/**
 * Claims in the search index. A claim permalink page is mostly its citations in context (whole source paragraphs,
 * already indexed on the source pages), so Pagefind gets each claim as a custom record instead of crawling 4 pages
 * per content page: the claim's own words and where it appears, with the same meta and filters the page's
 * `data-pagefind-*` attributes would give. The quotes are indexed once, on their sources' pages.
 */
import type { ClaimView } from './claim-view.ts';

/** A Pagefind custom record (pagefind's `CustomRecord`). */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

const FIRST_SENTENCE = /^.+?(?<!\b[A-Z])(?<!\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|St|Jr|Sr))[.!?](?=\s+[A-Z“"‘]|$)/;

/** A claim's heading: its first sentence, cut at a word boundary when it runs past 150 characters. */
export function claimTitle(text: string): string {
  const first = FIRST_SENTENCE.exec(text)?.[0] ?? text;
  return first.length > 150 ? `${first.slice(0, first.lastIndexOf(' ', 147))}…` : first;
}

/** The search filters of a claim: its status, whom it is about, and the outlets of the sources it cites. */
export function claimSearchFilters(claim: Pick<ClaimView, 'status' | 'about' | 'citations'>): Record<string, string[]> {
  return {
    status: [claim.status],
    person: claim.about.map((a) => a.name),
    outlet: [...new Set(claim.citations.map((c) => c.outlet))].sort(),
  };
}

/** The search record of one claim. */
export function claimSearchRecord(claim: ClaimView, language = 'en'): SearchRecord {
  return {
    // Pagefind keeps result URLs as site paths and adds the base in the browser (search.js sets `baseUrl`).
    url: `/claims/${claim.id}/`,
    content: `${claim.text}\nAppears on ${claim.page.title}.`,
    language,
    meta: { type: 'claim', title: `Claim: ${claimTitle(claim.text)} (claim)` },
    filters: { type: ['claim'], ...claimSearchFilters(claim) },
  };
}
