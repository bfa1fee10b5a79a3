/** A claim's permalink view: its citations with the quoted passage in context. */
import { describeSpan } from '../dates.ts';
import type { Claim, Dossier, Origin } from '../model.ts';
import { claimTitle } from './claim-search.ts';
import { referenceView, type ReferenceView } from './reference-view.ts';

/**
 * Where a quote sits: its paragraph split around the match, and the ids of the text paragraphs either side. The
 * neighbours' text is not copied into every claim (at 10,000 pages that was a fifth of all views): the claim page
 * reads it from the source's view (see {@link paragraphTexts}).
 */
export interface PassageContext {
  before?: string;
  paragraph: { id: string; before: string; match: string; after: string };
  after?: string;
}

/** The plain text of every paragraph of some sources, by source slug and paragraph id. */
export function paragraphTexts(
  sources: readonly { slug: string; paragraphs: readonly { id: string; segments: readonly { text: string }[] }[] }[],
): Map<string, Map<string, string>> {
  return new Map(sources.map((s) => [s.slug, new Map(s.paragraphs.map((p) => [p.id, p.segments.map((g) => g.text).join('')]))]));
}

export interface ClaimView {
  id: string;
  text: string;
  html: string;
  status: string;
  about: { slug: string; name: string; url: string }[];
  speaker?: { slug: string; name: string; url: string };
  page: { url: string; title: string; collection: string };
  href: string;
  /** The claim's own page: `/claims/<id>/` under the base. */
  permalink: string;
  citations: (ReferenceView & { context: PassageContext })[];
  /** Independent origins: the roots of the supporting citations' chains, each with the citations reaching it. */
  origins: Origin[];
  outlets: string[];
  independentOrigins: number;
  /** Claims from other origins reporting the same fact (`corroborates`, both ways), with their origins. */
  corroborates: { id: string; title: string; permalink: string; status: string; origins: string[] }[];
  /** When its sources report it: "about August 2025", or two dates when its sources report it months apart. */
  reported: string;
  file: string;
  line: number;
}

/** Build the view of one claim, with each quote shown in its paragraph and its neighbours. */
export function claimView(
  claim: Claim,
  dossier: Dossier,
  pageTitle: (url: string) => string,
  href: (path: string) => string = (path) => path,
): ClaimView {
  const person = (slug: string) => {
    const page = dossier.pages.get(`people/${slug}` as never);
    return { slug, name: page && page.collection === 'people' ? page.meta.name : slug, url: href(`/people/${slug}/`) };
  };
  return {
    id: claim.id,
    text: claim.text,
    html: claim.html,
    status: claim.status,
    about: claim.about.map(person),
    ...(claim.speaker ? { speaker: person(claim.speaker) } : {}),
    page: { url: href(claim.pageUrl), title: pageTitle(claim.pageUrl), collection: claim.page.split('/')[0]! },
    href: href(`${claim.pageUrl}#claim-${claim.id}`),
    permalink: href(`/claims/${claim.id}/`),
    citations: claim.citations.map((c) => {
      const source = dossier.sources.get(c.source)!;
      const index = source.paragraphs.findIndex((p) => p.id === c.paragraphs[0]);
      const p = source.paragraphs[index]!;
      const neighbour = (i: number) => {
        const q = source.paragraphs[i];
        return q && q.kind === 'text' ? q.id : undefined;
      };
      const matchEnd = Math.min(c.end, p.end);
      const before = neighbour(index - 1);
      const after = neighbour(index + c.paragraphs.length);
      return {
        ...referenceView(c, dossier, href),
        context: {
          ...(before ? { before } : {}),
          paragraph: {
            id: p.id,
            before: source.text.slice(p.start, c.start),
            match: source.text.slice(c.start, matchEnd),
            after: source.text.slice(matchEnd, p.end),
          },
          ...(after ? { after } : {}),
        },
      };
    }),
    origins: claim.origins,
    outlets: claim.outlets,
    independentOrigins: claim.origins.length,
    corroborates: claim.corroborates.map((id) => {
      const other = dossier.claims.get(id)!;
      return {
        id,
        title: claimTitle(other.text),
        permalink: href(`/claims/${id}/`),
        status: other.status,
        origins: other.origins.map((o) => o.name),
      };
    }),
    reported: reportedLabel(claim, dossier),
    file: claim.file,
    line: claim.line,
  };
}

/** When a claim's sources report it: the reporting dates of the sources its supporting citations quote (all, if none supports). */
export function reportedLabel(claim: Claim, dossier: Dossier): string {
  const citing = claim.citations.some((c) => c.stance === 'supports')
    ? claim.citations.filter((c) => c.stance === 'supports')
    : claim.citations;
  return describeSpan(citing.flatMap((c) => dossier.sources.get(c.source)?.reported ?? []));
}
