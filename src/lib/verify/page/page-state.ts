/** What the steps of one page's verification share: its input, what each step found, and its reporter. */
import type { Root } from 'mdast';
import type { Diagnostic, Position, Reporter } from '../../diagnostics.ts';
import type { ParsedFrontmatter, SplitFile } from '../../frontmatter.ts';
import type { HintBudget } from '../../claims/resolve-citation.ts';
import type { Citation, Claim, Mention, Page } from '../../model.ts';
import type { PageCollection } from '../../pages/page-schemas.ts';
import type { ClaimDraft, JsxElement, WalkResult } from '../../pages/walk-content.ts';
import type { ClaimStatus } from '../../pages/content-rules.ts';
import type { PageOptions } from '../options.ts';
import type { SiteIndex } from '../site-index.ts';

/** One page to verify: its place and its text (decoded, line endings as written). */
export interface PageInput {
  file: string;
  collection: PageCollection;
  slug: string;
  raw: string;
}

/** A link to a claim's permalink: checked once every page's claims are known (assemble.ts). */
export interface ClaimLink {
  /** The page that links. */
  file: string;
  id: string;
  url: string;
  at: Position;
}

/** A claim's tie to another (`corroborates`): checked once every page's claims are known (assemble.ts). */
export interface ClaimTie {
  file: string;
  from: string;
  id: string;
  at: Position;
}

/** A verified page: the page and its claims when it is usable, its links to other pages, and every problem. */
export interface ProcessedPage {
  page?: Page;
  claims: Claim[];
  mentions: Mention[];
  claimLinks?: ClaimLink[];
  claimTies?: ClaimTie[];
  diagnostics: Diagnostic[];
}

/** The state the steps fill in, in order; `M` is the collection's frontmatter type. */
export interface PageState<M> {
  input: PageInput;
  site: SiteIndex;
  options: PageOptions;
  reporter: Reporter;
  /** The text with LF line endings and no BOM. */
  text: string;
  split: SplitFile;
  frontmatter?: ParsedFrontmatter;
  meta?: M;
  tree: Root;
  walked: WalkResult;
  /** Every citation in reference order: frontmatter facts first, then the body's. */
  references: Citation[];
  facts: Record<string, Citation>;
  citationByNode: Map<JsxElement, Citation>;
  claimByNode: Map<JsxElement, { id: string; status: ClaimStatus }>;
  citationsOf: Map<ClaimDraft, Citation[]>;
  mentions: Mention[];
  claimLinks: ClaimLink[];
  /** What the page's closest-passage hints may still read. */
  hints: HintBudget;
  /** Where the steps are in the file, for a crash's diagnostic (see guard.ts). */
  cursor: { at?: Position };
}
