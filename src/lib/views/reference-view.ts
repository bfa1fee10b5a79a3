/** Reader-facing citation and claim summaries, shared by every page view. */
import { describeDate } from '../dates.ts';
import type { Attribution, Citation, Credit, Dossier } from '../model.ts';
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
  /** Whom the quoted words credit (model.ts `Attribution`). */
  attribution: Attribution;
  /** The chain as a reader reads it: "Tabloid-style rewrite → NBC News → “sources” (unnamed)". */
  chain: string;
  /** When the reporting the source carries was done ("about August 2025"), when it is not its publication date. */
  reported?: string;
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
  /** When its sources report it ("about August 2025"; two dates when they report it months apart). */
  reported: string;
  /** The passages its citations that deny it quote (denied claims cite the allegation and the denial). */
  denials: { source: string; sourceName: string; paragraphs: string[]; exact: string; url: string }[];
}

const KIND_NOTE: Record<Credit['kind'], string> = { outlet: '', person: ' (on the record)', record: ' (a record)', unnamed: ' (unnamed)' };

/** One link of a chain in a reader's words: an outlet by name, a person "on the record", unnamed sources quoted. */
export function creditText(c: Credit): string {
  return c.kind === 'unnamed' ? `“${c.name}”${KIND_NOTE.unnamed}` : `${c.name}${KIND_NOTE[c.kind]}`;
}

/** A citation's chain in a reader's words: "Tabloid-style rewrite → NBC News → “sources” (unnamed)". */
export function chainText(a: Attribution): string {
  const outlet = a.via ? `${a.outlet} (republished by ${a.via})` : a.outlet;
  if (a.credits.length === 0) return `${outlet}, its own reporting`;
  return [outlet, ...a.credits.map(creditText)].join(' → ');
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
    attribution: c.attribution,
    chain: chainText(c.attribution),
    ...(s.meta.reported ? { reported: describeDate(s.reported) } : {}),
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
    reported: c.reported,
    denials: c.citations
      .filter((x) => x.stance === 'denies')
      .map((x) => ({ source: x.source, sourceName: x.sourceName, paragraphs: x.paragraphs, exact: x.exact, url: x.url })),
  };
}
