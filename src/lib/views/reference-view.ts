/** Reader-facing citation and claim summaries, shared by every page view. */
import { describeDate } from '../dates.ts';
import type { Citation, Dossier } from '../model.ts';
import { outletName, sourceName } from './source-names.ts';
import type { ClaimView } from './claim-view.ts';

export interface ReferenceView {
  n: number;
  claim: string | null;
  source: string;
  sourceTitle: string;
  /** The source's short name (source-names.ts). */
  sourceName: string;
  /** Its publisher, or "Unidentified site". */
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
  html: string;
  status: string;
  /** Where the claim sits: `/people/x/#claim-id`. */
  href: string;
  permalink: string;
  pageTitle: string;
  independentOrigins: number;
  outlets: string[];
  sources: string[];
  /** The passages its citations that deny it quote (denied claims cite the allegation and the denial). */
  denials: { source: string; sourceName: string; paragraphs: string[]; exact: string; url: string }[];
}

/** A citation with the source metadata a reader needs beside it. */
export function referenceView(c: Citation, dossier: Dossier, href: (path: string) => string = (path) => path): ReferenceView {
  const s = dossier.sources.get(c.source)!;
  return {
    n: c.n,
    claim: c.claim,
    source: c.source,
    sourceTitle: s.meta.title,
    sourceName: sourceName(s.meta),
    outlet: outletName(s.meta),
    published: describeDate(s.published),
    ...(s.meta.basedOn ? { basedOn: s.meta.basedOn } : {}),
    quote: c.quote,
    exact: c.exact,
    url: href(c.url),
    stance: c.stance,
    teaser: c.teaser,
    paragraphs: c.paragraphs,
  };
}

/** A claim as listed on indexes and person pages, from its view (pages resolve claim ids to summaries with it). */
export function summaryOfView(c: ClaimView): ClaimSummary {
  return {
    id: c.id,
    html: c.html,
    status: c.status,
    href: c.href,
    permalink: c.permalink,
    pageTitle: c.page.title,
    independentOrigins: c.independentOrigins,
    outlets: c.outlets,
    sources: [...new Set(c.citations.map((x) => x.source))],
    denials: c.citations
      .filter((x) => x.stance === 'denies')
      .map((x) => ({ source: x.source, sourceName: x.sourceName, paragraphs: x.paragraphs, exact: x.exact, url: x.url })),
  };
}
