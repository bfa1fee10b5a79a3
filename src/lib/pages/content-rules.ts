/** The vocabulary of content MDX: allowed components, attributes, statuses, stances, URL schemes. */

/**
 * What a claim's status says. The first five say what the sources report happened; `observed` says what the dossier
 * observes about the texts themselves (a variant spelling, a garbled sentence, two wordings of one quote).
 */
export const claimStatuses = ['reported', 'on-record', 'denied', 'disputed', 'contradicted', 'observed'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

export const stances = ['supports', 'denies', 'context'] as const;
export type Stance = (typeof stances)[number];

/** Components a contributor may use, with the attributes each accepts. */
export const componentAttributes: Record<string, readonly string[]> = {
  Claim: ['id', 'status', 'about', 'speaker', 'corroborates'],
  Cite: ['source', 'quote', 'stance', 'occurrence', 'credit'],
};

export const CLAIM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MIN_QUOTE_WORDS = 4;
export const MAX_QUOTE_CHARS = 1000;
export const MAX_CLAIMS_PER_PAGE = 500;
export const MAX_PAGE_BYTES = 1024 * 1024;

/**
 * Element ids the site generates on its pages: reference marks and entries (`cite-2`, `ref-2`), claim blocks
 * (`claim-…`), a claim page's citations (`citation-1`), source paragraphs (`p-7`), and the claim page template
 * (`bcstamp-template`, CLAIM_TEMPLATE_ID in claim-page.ts; a test keeps the two equal). A claim id or a heading that
 * took one would make two elements with one id, and a link to the wrong one.
 */
export const RESERVED_ID = /^(?:(?:ref|cite|p|citation)-\d+|claim-.*|citation-.*|bcstamp-template)$/;

/** Ids the page templates give their own sections (a content heading must not take one). */
export const TEMPLATE_IDS: readonly string[] = [
  'main',
  'theme-toggle',
  'roles',
  'quotes',
  'about-elsewhere',
  'text',
  'notes-heading',
  'references-heading',
  'participants',
  'at-a-glance',
];

/**
 * What a page may hold before it is parsed (verify/page/text-limits.ts): micromark is slow or quadratic in these, and
 * the limits are far above what prose needs.
 */
export const TEXT_LIMITS = {
  /** Lines of one paragraph or other block (consecutive non-blank lines). */
  blockLines: 1_000,
  /** Blocks on the page: runs of lines between blank lines, and each heading, tag, list item or fence line. */
  blocks: 5_000,
  /** Underlined (setext) headings: each one micromark finds copies every event before it. */
  underlines: 50,
  /** Lines of tables (lines holding a `|`). */
  tableLines: 2_000,
  /** List items nested in another list or a quote, and block quotes (top-level list items are blocks). */
  nestedBlocks: 256,
  /**
   * Marks of inline formatting in one block, and on the page: each run of `*`, `_`, `~` or backticks, each `[`, `]`,
   * `\\`, `&`, `!`, `{`, `}`, `@` and `<`, and each `www.` and `://`. Each starts a token of micromark's, and merging
   * a paragraph's tokens costs the square of their number.
   */
  marksPerBlock: 1_000,
  marksPerPage: 20_000,
  /** Tags (`<Claim …>`, `</Claim>`, `<Cite … />`, any `<` before a name) on the page: 500 claims need ~2,000. */
  tags: 6_000,
} as const;

/** URL schemes that run code or smuggle content; rejected in links and images. */
export const UNSAFE_URL = /^\s*(?:javascript|vbscript|data):/i;

export const statusLabels: Record<ClaimStatus, string> = {
  reported: 'Reported',
  'on-record': 'On the record',
  denied: 'Denied',
  disputed: 'Disputed',
  contradicted: 'Contradicted',
  observed: 'What the texts say',
};

export const statusDescriptions: Record<ClaimStatus, string> = {
  reported: 'The sources report it happened; whom they credit is shown with each citation.',
  'on-record': 'A named person (or an institution such as the State Department) said it, as the sources report.',
  denied: 'The sources report it, and a named party denies it; the denial is cited beside it.',
  disputed: 'The sources disagree about whether it happened; each side is cited.',
  contradicted: 'One source reports it; another source’s reporting says otherwise, and is cited beside it.',
  observed: 'Not a report of what happened: what the dossier observes about the texts themselves (a spelling, a wording, a garble).',
};
