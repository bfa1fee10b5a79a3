/** Reader-facing citation and claim summaries, shared by every page view. */
import { describeDate } from '../dates.ts';
import type { Citation, Claim, Dossier } from '../model.ts';
import { outletLabel } from '../build-dossier.ts';

export interface ReferenceView {
  n: number;
  claim: string | null;
  source: string;
  sourceTitle: string;
  outlet: string;
  published: string;
  basedOn?: string;
  quote: string;
  exact: string;
  url: string;
  stance: string;
  teaser: boolean;
  paragraphs: string[];
}

export interface ClaimSummary {
  id: string;
  text: string;
  html: string;
  status: string;
  /** Where the claim sits: `/people/x/#claim-id`. */
  href: string;
  permalink: string;
  pageTitle: string;
  independentOrigins: number;
  outlets: string[];
  sources: string[];
}

/** A citation with the source metadata a reader needs beside it. */
export function referenceView(c: Citation, dossier: Dossier): ReferenceView {
  const s = dossier.sources.get(c.source)!;
  return {
    n: c.n,
    claim: c.claim,
    source: c.source,
    sourceTitle: s.meta.title,
    outlet: outletLabel(s),
    published: describeDate(s.published),
    ...(s.meta.basedOn ? { basedOn: s.meta.basedOn } : {}),
    quote: c.quote,
    exact: c.exact,
    url: c.url,
    stance: c.stance,
    teaser: c.teaser,
    paragraphs: c.paragraphs,
  };
}

/** A claim as listed on indexes and person pages. */
export function claimSummary(claim: Claim, pageTitle: (url: string) => string): ClaimSummary {
  return {
    id: claim.id,
    text: claim.text,
    html: claim.html,
    status: claim.status,
    href: `${claim.pageUrl}#claim-${claim.id}`,
    permalink: `/claims/${claim.id}/`,
    pageTitle: pageTitle(claim.pageUrl),
    independentOrigins: claim.origins.length,
    outlets: claim.outlets,
    sources: [...new Set(claim.citations.map((c) => c.source))],
  };
}
