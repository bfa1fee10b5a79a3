/** The claim graph's data types, shared by the pipeline, the pages and the JSON exports. */
import type { FuzzyDate } from './dates.ts';
import type { ClaimStatus, Stance } from './pages/content-rules.ts';
import type { DiscrepancyMeta, EpisodeMeta, PageCollection, PersonMeta, ProseMeta } from './pages/page-schemas.ts';
import type { Source } from './sources/parse-source.ts';

/**
 * Paths in the model are base-free site paths (`Page.url` `/people/x/`, `Claim.pageUrl`, `Citation.url`
 * `/sources/x/#p-7:~:text=…`): the URL base the site is served under is added where HTML is rendered, and only the
 * rendered HTML strings (`Page.html`, `Page.factHtml`, `Claim.html`) carry it (see verify/options.ts).
 */

/** `people/jane-doe`: a collection and a slug; never confused with a URL or a file path. */
export type PageKey = string & { readonly __brand: 'PageKey' };
export type ClaimId = string & { readonly __brand: 'ClaimId' };
export type SourceSlug = string & { readonly __brand: 'SourceSlug' };

export const pageKey = (collection: PageCollection, slug: string): PageKey => `${collection}/${slug}` as PageKey;
/** A page's site path: `/people/x/`; a prose page sits at the top (`/about/`), and `index` is the home page. */
export const pageUrl = (collection: PageCollection | 'sources' | 'claims', slug: string): string =>
  collection !== 'pages' ? `/${collection}/${slug}/` : slug === 'index' ? '/' : `/${slug}/`;

/** Kinds of credit a news text gives: another outlet, a named person (or institution) on the record, a record, unnamed sources. */
export const creditKinds = ['outlet', 'person', 'record', 'unnamed'] as const;
export type CreditKind = (typeof creditKinds)[number];

/** One link of a citation's chain: whom the words credit. */
export interface Credit {
  kind: CreditKind;
  /** As the text (or the `credit` attribute) words it: "NBC News", "three people familiar with the matter". */
  name: string;
  /** The person page a named person's credit resolves to, when one has that surname. */
  person?: string;
}

/**
 * Whom the quoted words credit: the outlet that publishes them, then the credits the words give (see
 * claims/attribution.ts). A tabloid rewrite's "sources told NBC News" is Tabloid-style rewrite → NBC News → sources.
 */
export interface Attribution {
  /** The outlet whose words these are: the source's short name, or the outlet a republication reprints. */
  outlet: string;
  /** The site that republished the outlet's text as it was ("Lord’s Press"), when there is one. */
  via?: string;
  /** The credits after the outlet, in order; empty when the outlet speaks for itself (its own reporting). */
  credits: Credit[];
  /** Read from the text, or stated by the <Cite>'s `credit` attribute. */
  from: 'text' | 'credit';
  /** The words of the text that give the credit ("sources told NBC News"), when there are any. */
  evidence?: string;
}

/** An independent origin of a claim: the root of one or more of its supporting citations' chains. */
export interface Origin {
  /** `outlet:NBC News`, `person:jane-doe`, `record:the minister’s public schedule`: equal keys are one origin. */
  key: string;
  /** `outlet` (an outlet's own reporting, its unnamed sources included), `person` or `record`. */
  kind: 'outlet' | 'person' | 'record';
  name: string;
  /** Reference numbers of the citations whose chains end here. */
  citations: number[];
}

export interface Citation {
  /** Reference number on the page that holds the claim (1-based). */
  n: number;
  claim: ClaimId | null;
  source: SourceSlug;
  quote: string;
  stance: Stance;
  /** Paragraph ids the quote touches. */
  paragraphs: string[];
  /** Offsets of the match in the source's article text. */
  start: number;
  end: number;
  /** The matched passage as stored in the source. */
  exact: string;
  /** Deep link: `/sources/<slug>/#p-7:~:text=…`. */
  url: string;
  /** True when the passage is a citable teaser rather than the article. */
  teaser: boolean;
  /** Whom the quoted words credit. */
  attribution: Attribution;
  line: number;
  column: number;
}

export interface Claim {
  id: ClaimId;
  status: ClaimStatus;
  /** Person slugs the claim is about (explicit `about` plus the person whose page holds it). */
  about: string[];
  speaker?: string;
  /** Plain text of the claim, without citations. */
  text: string;
  /** Rendered HTML of the claim's content, without citation marks. */
  html: string;
  page: PageKey;
  pageUrl: string;
  file: string;
  line: number;
  column: number;
  citations: Citation[];
  /** Independent origins: the distinct roots of the supporting citations' chains (origins.ts). */
  origins: Origin[];
  /** Claims from other origins that report the same fact, declared here or there (`corroborates`). */
  corroborates: ClaimId[];
  /** Distinct outlets (publisher or, when unidentified, the source title) among supporting citations. */
  outlets: string[];
}

export interface Heading {
  depth: number;
  text: string;
  id: string;
}

export interface Mention {
  /** The page that links. */
  from: PageKey;
  /** The page linked to. */
  to: PageKey;
  /** The sentence (or claim text) around the link. */
  context: string;
  /** Anchor on the linking page (`claim-…` when inside a claim). */
  anchor?: string;
}

/** What every page has, whatever its collection. */
export interface PageBase {
  key: PageKey;
  slug: string;
  url: string;
  file: string;
  /** Rendered body HTML (claims, citation marks, headings with ids). */
  html: string;
  headings: Heading[];
  claims: ClaimId[];
  /** Every citation on the page in reference order: body citations, then frontmatter facts. */
  references: Citation[];
  /** Citations of frontmatter facts, keyed by field path (`roles.0`, `aliases.1`, `date`). */
  facts: Record<string, Citation>;
  /** Each frontmatter fact's reference mark, rendered (with the URL base), keyed like `facts`; empty when not rendered. */
  factHtml: Record<string, string>;
  /** Plain text for search and descriptions. */
  description: string;
}

export interface PersonPage extends PageBase {
  collection: 'people';
  meta: PersonMeta;
}

export interface EpisodePage extends PageBase {
  collection: 'episodes';
  meta: EpisodeMeta;
  date: FuzzyDate;
  /** When the sources report it (`reported.value`), when the page says. */
  reported?: FuzzyDate;
}

export interface DiscrepancyPage extends PageBase {
  collection: 'discrepancies';
  meta: DiscrepancyMeta;
}

export interface ProsePage extends PageBase {
  collection: 'pages';
  meta: ProseMeta;
}

export type Page = PersonPage | EpisodePage | DiscrepancyPage | ProsePage;

export interface ParagraphLinks {
  /** Claim ids citing this paragraph, in site order. */
  citedBy: ClaimId[];
}

/** The whole derived graph: built once per build, read by every page. */
export interface Dossier {
  sources: Map<SourceSlug, Source>;
  pages: Map<PageKey, Page>;
  claims: Map<ClaimId, Claim>;
  /** `source slug` → paragraph id → claims citing it. */
  backlinks: Map<SourceSlug, Map<string, ClaimId[]>>;
  /** Person slug → what the graph knows about them. */
  people: Map<string, { episodes: PageKey[]; claimsAbout: ClaimId[]; quotes: ClaimId[]; mentionedOn: Mention[]; discrepancies: PageKey[] }>;
  mentions: Mention[];
}
