/** Data for the claims index and its pre-rendered filters. */
import { getClaims, getPeople, getSources } from './dossier.ts';
import type { ClaimView } from '../lib/views/claim-view.ts';
import type { ClaimSummary } from '../lib/views/reference-view.ts';

/** A claim view as a list item. */
export function summarize(c: ClaimView): ClaimSummary {
  return {
    id: c.id,
    text: c.text,
    html: c.html,
    status: c.status,
    href: c.href,
    permalink: `/claims/${c.id}/`,
    pageTitle: c.page.title,
    independentOrigins: c.independentOrigins,
    outlets: c.outlets,
    sources: [...new Set(c.citations.map((x) => x.source))],
  };
}

export async function claimsIndexData() {
  const [claims, people, sources] = await Promise.all([getClaims(), getPeople(), getSources()]);
  return {
    claims,
    people: people.map((p) => ({ slug: p.slug, name: p.name })).sort((a, b) => a.name.localeCompare(b.name)),
    sources: sources.map((s) => ({ slug: s.slug, title: s.title })),
  };
}
