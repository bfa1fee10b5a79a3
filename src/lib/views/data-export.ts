/** The public JSON exports of the claim graph (`/data/claims.json`, `/data/sources.json`). */
import type { ClaimView } from './claim-view.ts';
import type { SourceView } from './source-view.ts';

/** 2: citations carry `attribution` and `chain`; `origins` are objects (name, kind, citations); claims carry `corroborates` and `reported`. */
export const DATA_VERSION = 2;

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
        attribution: {
          outlet: x.attribution.outlet,
          ...(x.attribution.via ? { via: x.attribution.via } : {}),
          credits: x.attribution.credits,
          from: x.attribution.from,
          ...(x.attribution.evidence ? { evidence: x.attribution.evidence } : {}),
        },
        chain: x.chain,
      })),
      independentOrigins: c.independentOrigins,
      origins: c.origins.map((o) => ({ name: o.name, kind: o.kind, key: o.key, citations: o.citations })),
      outlets: c.outlets,
      corroborates: c.corroborates.map((t) => t.id),
      reported: c.reported,
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
      reported: s.reported ?? null,
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
