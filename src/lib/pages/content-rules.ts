/** The vocabulary of content MDX: allowed components, attributes, statuses, stances, URL schemes. */

export const claimStatuses = ['reported', 'on-record', 'denied', 'disputed', 'contradicted'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

export const stances = ['supports', 'denies', 'context'] as const;
export type Stance = (typeof stances)[number];

/** Components a contributor may use, with the attributes each accepts. */
export const componentAttributes: Record<string, readonly string[]> = {
  Claim: ['id', 'status', 'about', 'speaker'],
  Cite: ['source', 'quote', 'stance'],
};

export const CLAIM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MIN_QUOTE_WORDS = 4;
export const MAX_QUOTE_CHARS = 1000;
export const MAX_CLAIMS_PER_PAGE = 500;
export const MAX_PAGE_BYTES = 1024 * 1024;

/** URL schemes that run code or smuggle content; rejected in links and images. */
export const UNSAFE_URL = /^\s*(?:javascript|vbscript|data):/i;

export const statusLabels: Record<ClaimStatus, string> = {
  reported: 'Reported',
  'on-record': 'On the record',
  denied: 'Denied',
  disputed: 'Disputed',
  contradicted: 'Contradicted',
};

export const statusDescriptions: Record<ClaimStatus, string> = {
  reported: 'Attributed to the sources’ reporting, usually to unnamed officials.',
  'on-record': 'A named person said it, as reported.',
  denied: 'A named party denies it; the denial is cited beside it.',
  disputed: 'The sources disagree.',
  contradicted: 'The sources contradict it.',
};
