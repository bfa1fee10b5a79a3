/** The derived claim graph of the real content: every derived index is the exact inverse of what pages say. */
import { describe, expect, it } from 'vitest';
import { deriveGraph } from '../../src/lib/verify/derive-graph.ts';
import type { Claim, ClaimId, PageKey, SourceSlug } from '../../src/lib/model.ts';
import { verifyTree } from '../content/verify-helpers.ts';
import { ROOT, seed } from './seeds.ts';

const { dossier } = verifyTree(ROOT);

describe('backlinks', () => {
  const fromCitations = new Set<string>();
  for (const claim of dossier.claims.values())
    for (const c of claim.citations) for (const p of c.paragraphs) fromCitations.add(`${c.source} ${p} ${claim.id}`);
  const fromBacklinks: string[] = [];
  for (const [source, paragraphs] of dossier.backlinks)
    for (const [p, claims] of paragraphs) for (const id of claims) fromBacklinks.push(`${source} ${p} ${id}`);

  it('has a backlink for every paragraph every claim cites', () => {
    expect(fromCitations.size).toBeGreaterThan(300);
    expect([...fromCitations].filter((key) => !fromBacklinks.includes(key))).toEqual([]);
  });

  it('has no backlink that a claim’s citation does not account for', () => {
    expect(fromBacklinks.filter((key) => !fromCitations.has(key))).toEqual([]);
  });

  it('lists each claim once per paragraph, even when it cites the paragraph several times', () => {
    expect(fromBacklinks).toHaveLength(new Set(fromBacklinks).size);
  });

  it('has an entry for every source and only for real paragraph ids', () => {
    expect([...dossier.backlinks.keys()].sort()).toEqual([...dossier.sources.keys()].sort());
    for (const [slug, paragraphs] of dossier.backlinks) {
      const ids = new Set(dossier.sources.get(slug)!.paragraphs.map((p) => p.id));
      for (const id of paragraphs.keys()) expect(ids.has(id), `${slug} ${id}`).toBe(true);
    }
  });
});

describe('per-person views', () => {
  it('lists as a person’s episodes exactly the episodes naming them as a participant', () => {
    for (const [slug, view] of dossier.people) {
      const expected = [...dossier.pages.values()]
        .filter((p) => p.collection === 'episodes' && p.meta.participants.includes(slug))
        .map((p) => p.key);
      expect(view.episodes.sort(), slug).toEqual(expected.sort());
    }
  });

  it('lists as claims about a person exactly the claims whose `about` includes them', () => {
    for (const [slug, view] of dossier.people) {
      const expected = [...dossier.claims.values()].filter((c) => c.about.includes(slug)).map((c) => c.id);
      expect([...view.claimsAbout].sort(), slug).toEqual(expected.sort());
    }
  });

  it('counts every claim on a person’s own page as about that person', () => {
    for (const page of dossier.pages.values()) {
      if (page.collection !== 'people') continue;
      for (const id of page.claims) expect(dossier.claims.get(id)!.about, id).toContain(page.slug);
    }
  });

  it('lists as a person’s quotes exactly the claims they are the speaker of', () => {
    for (const [slug, view] of dossier.people) {
      const expected = [...dossier.claims.values()].filter((c) => c.speaker === slug).map((c) => c.id);
      expect([...view.quotes].sort(), slug).toEqual(expected.sort());
    }
  });

  it('lists as pages mentioning a person exactly the links to their page', () => {
    for (const [slug, view] of dossier.people) {
      expect(view.mentionedOn, slug).toEqual(dossier.mentions.filter((m) => m.to === `people/${slug}`));
    }
  });
});

describe('deriveGraph on a small graph', () => {
  it('records a claim that cites one paragraph twice, or two paragraphs at once, once per paragraph', () => {
    const source = seed('compete-to-lead-talks');
    const citation = (paragraphs: string[]) => ({
      n: 1,
      claim: 'c' as ClaimId,
      source: source.slug as SourceSlug,
      quote: 'q',
      stance: 'supports' as const,
      paragraphs,
      start: 0,
      end: 1,
      exact: 'q',
      url: '',
      teaser: false,
      attribution: { outlet: 'x', credits: [], from: 'text' as const },
      line: 1,
      column: 1,
    });
    const claim = (id: string, paragraphs: string[][]): Claim => ({
      id: id as ClaimId,
      status: 'reported',
      about: [],
      text: '',
      html: '',
      page: 'people/x' as PageKey,
      pageUrl: '/people/x/',
      file: 'x',
      line: 1,
      column: 1,
      citations: paragraphs.map(citation),
      origins: [],
      outlets: [],
      corroborates: [],
    });
    const claims = new Map([
      ['a' as ClaimId, claim('a', [['p-3'], ['p-3'], ['p-5', 'p-6']])],
      ['b' as ClaimId, claim('b', [['p-3']])],
    ]);
    const graph = deriveGraph(new Map([[source.slug as SourceSlug, source]]), new Map(), claims, []);
    expect(Object.fromEntries(graph.backlinks.get(source.slug as SourceSlug)!)).toEqual({ 'p-3': ['a', 'b'], 'p-5': ['a'], 'p-6': ['a'] });
  });
});
