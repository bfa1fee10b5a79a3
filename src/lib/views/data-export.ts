/** The public JSON exports of the claim graph (`/data/claims.json`, `/data/sources.json`). */
import type { ClaimView } from './claim-view.ts';
import type { SourceView } from './source-view.ts';

/** 2: citations carry `attribution` and `chain`; `origins` are objects (name, kind, citations); claims carry `corroborates` and `reported`. */
export const DATA_VERSION = 2;

/** One claim of `claims.json`, with its verified citations and independent-origin count. */
export function claimExport(c: ClaimView, siteUrl: string) {
  // Views' links are addresses under the site's base; `siteUrl` gives them their origin.
  return {
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
  };
}

/** `claims.json`: every claim (see {@link claimExport}), as one object. */
export function claimsExport(claims: Iterable<ClaimView>, siteUrl: string) {
  return { version: DATA_VERSION, claims: Array.from(claims, (c) => claimExport(c, siteUrl)) };
}

/** `claims.json`'s text, as {@link prettyJsonChunks} gives it: the claims are read and written a few at a time. */
export const claimsExportChunks = (claims: Iterable<ClaimView>, siteUrl: string): Iterable<string> =>
  prettyJsonChunks({ version: DATA_VERSION }, 'claims', claims, (c) => claimExport(c, siteUrl));

const CHUNK_CHARS = 1 << 20;

/**
 * `JSON.stringify({ ...head, [key]: [...items].map(map) }, null, 2)`, in chunks of about a megabyte: the document is
 * never one string, and the items are mapped as they are read. A 50,000-page dossier's `claims.json` is over 400
 * MB, near V8's limit on the length of a string, and as objects its claims filled Astro's heap while it rendered.
 */
export function* prettyJsonChunks<T>(
  head: Record<string, unknown>,
  key: string,
  items: Iterable<T>,
  map: (item: T) => unknown,
): Generator<string> {
  // `{` and the head's members, each followed by a comma (the head as JSON without its closing `\n}`).
  const opening = Object.keys(head).length === 0 ? '{' : `${JSON.stringify(head, null, 2).slice(0, -2)},`;
  let chunk = `${opening}\n  ${JSON.stringify(key)}: [`;
  let first = true;
  for (const item of items) {
    // Inside the array, each line of an item is indented by two more levels (strings never hold a raw newline).
    chunk += `${first ? '' : ','}\n    ${(JSON.stringify(map(item), null, 2) ?? 'null').replaceAll('\n', '\n    ')}`;
    first = false;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}${first ? '' : '\n  '}]\n}`;
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
