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

/** `people/steve-witkoff`: a collection and a slug; never confused with a URL or a file path. */
export type PageKey = string & { readonly __brand: 'PageKey' };
export type ClaimId = string & { readonly __brand: 'ClaimId' };
export type SourceSlug = string & { readonly __brand: 'SourceSlug' };

export const pageKey = (collection: PageCollection, slug: string): PageKey => `${collection}/${slug}` as PageKey;
/** A page's site path: `/people/x/`; a prose page sits at the top (`/about/`), and `index` is the home page. */
export const pageUrl = (collection: PageCollection | 'sources' | 'claims', slug: string): string =>
  collection !== 'pages' ? `/${collection}/${slug}/` : slug === 'index' ? '/' : `/${slug}/`;

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
  /** Distinct `basedOn` origins among supporting citations (a source without `basedOn` is its own origin). */
  origins: string[];
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
