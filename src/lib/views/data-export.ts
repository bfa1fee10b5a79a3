/** The public JSON exports of the claim graph (`/data/claims.json`, `/data/sources.json`). */
import type { ClaimView } from './claim-view.ts';
import type { SourceView } from './source-view.ts';

export const DATA_VERSION = 1;

/** `claims.json`: every claim with its verified citations and independent-origin count. */
export function claimsExport(claims: readonly ClaimView[], siteUrl: string) {
  // Views' links are addresses under the site's base; `siteUrl` gives them their origin.
  return {
    version: DATA_VERSION,
    claims: claims.map((c) => ({
      id: c.id,
      page: new URL(c.page.url, siteUrl).href,
      permalink: new URL(c.permalink, siteUrl).href,
      text: c.text,
      status: c.status,
      about: c.about.map((a) => a.slug),
      ...(c.speaker ? { speaker: c.speaker.slug } : {}),
      citations: c.citations.map((x) => ({
        source: x.source,
        paragraph: x.paragraphs[0]!,
        paragraphs: x.paragraphs,
        quote: x.quote,
        passage: x.exact,
        stance: x.stance,
        url: new URL(x.url, siteUrl).href,
      })),
      independentOrigins: c.independentOrigins,
      origins: c.origins,
      outlets: c.outlets,
    })),
  };
}

/** `sources.json`: every source's metadata and paragraphs, with the claims citing each paragraph. */
export function sourcesExport(sources: readonly SourceView[], siteUrl: string) {
  return {
    version: DATA_VERSION,
    sources: sources.map((s) => ({
      slug: s.slug,
      url: new URL(s.url, siteUrl).href,
      title: s.title,
      name: s.name,
      publisher: s.publisher,
      published: s.published,
      language: s.language,
      translatedFrom: s.translatedFrom ?? null,
      basedOn: s.basedOn ?? null,
      notes: s.notes,
      furniture: s.furniture,
      sha256: s.sha256,
      coverage: s.coverage,
      paragraphs: s.paragraphs.map((p) => ({
        id: p.id,
        kind: p.kind,
        furniture: p.kind === 'furniture',
        text: p.segments.map((x) => x.text).join(''),
        citedBy: p.citedBy.map((c) => c.id),
      })),
    })),
  };
}
