/** The real dossier in content/: clean, fully cited, and saying what the sources support. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyTree } from './verify-helpers.ts';
import { buildCollections } from '../../src/lib/views/collections.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { dossier, diagnostics } = verifyTree(ROOT);
const collections = buildCollections(dossier);
const pages = [...dossier.pages.values()];
const claims = [...dossier.claims.values()];

describe('the real dossier', () => {
  it('verifies with zero errors', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('has all five sources and a non-trivial number of pages and claims', () => {
    expect([...dossier.sources.keys()].sort()).toEqual(['clash-over-diplomacy', 'compete-to-lead-talks', 'go-it-alone-diplomacy', 'non-public-rivalry', 'rubio-humiliated']);
    expect(pages.filter((p) => p.collection === 'people').length).toBeGreaterThanOrEqual(10);
    expect(pages.filter((p) => p.collection === 'episodes').length).toBeGreaterThanOrEqual(10);
    expect(claims.length).toBeGreaterThanOrEqual(100);
  });

  it('has at least one claim on every person and episode page', () => {
    const empty = pages.filter((p) => (p.collection === 'people' || p.collection === 'episodes') && p.claims.length === 0).map((p) => p.key);
    expect(empty).toEqual([]);
  });

  it('has at least one verified citation for every claim, each pointing at real paragraphs', () => {
    for (const claim of claims) {
      expect(claim.citations.length, claim.id).toBeGreaterThan(0);
      for (const c of claim.citations) {
        const source = dossier.sources.get(c.source)!;
        // `exact` is the matched passage (for an elided quote, its first part), stored verbatim in the source.
        expect(source.text.slice(c.start, c.start + c.exact.length), `${claim.id} → ${c.source}`).toBe(c.exact);
        expect(c.end).toBeGreaterThanOrEqual(c.start + c.exact.length);
        for (const p of c.paragraphs) expect(source.paragraphs.some((q) => q.id === p)).toBe(true);
      }
    }
  });

  it('cites at least 90% of every source’s substantive paragraphs', () => {
    for (const source of collections.sources) {
      expect(source.coverage.percent, `${source.slug}: ${source.coverage.cited}/${source.coverage.substantive}`).toBeGreaterThanOrEqual(90);
    }
  });

  it('has a person page for every episode participant and every claim subject and speaker', () => {
    const people = new Set(pages.filter((p) => p.collection === 'people').map((p) => p.slug));
    const missing: string[] = [];
    for (const page of pages) if (page.collection === 'episodes') for (const slug of page.meta.participants) if (!people.has(slug)) missing.push(`${page.key}: ${slug}`);
    for (const claim of claims) for (const slug of [...claim.about, ...(claim.speaker ? [claim.speaker] : [])]) if (!people.has(slug)) missing.push(`${claim.id}: ${slug}`);
    expect(missing).toEqual([]);
  });

  it('records the Pigott name conflict as a discrepancy citing rubio-humiliated and at least one other source', () => {
    const pigott = pages.filter((p) => p.collection === 'discrepancies' && p.meta.kind === 'name' && (p.meta.about ?? []).includes('tommy-pigott'));
    expect(pigott.length).toBeGreaterThanOrEqual(1);
    const page = pigott[0]!;
    const cited = new Set(page.references.map((r) => r.source));
    expect(cited.has('rubio-humiliated' as never)).toBe(true);
    expect(cited.size).toBeGreaterThanOrEqual(2);
    // One side says "Steve Pigott" (the tabloid rewrite), the other "Tommy Pigott".
    expect(page.references.some((r) => r.source === 'rubio-humiliated' && /Steve Pigott/.test(r.exact))).toBe(true);
    expect(page.references.some((r) => r.source !== 'rubio-humiliated' && /Tommy Pigott/.test(r.exact))).toBe(true);
  });

  it('cites a denial (stance="denies") in every claim with status denied', () => {
    const withoutDenial = claims.filter((c) => c.status === 'denied' && !c.citations.some((x) => x.stance === 'denies')).map((c) => c.id);
    expect(claims.some((c) => c.status === 'denied')).toBe(true);
    expect(withoutDenial).toEqual([]);
  });

  it('cites at least two passages on every discrepancy page', () => {
    for (const page of pages.filter((p) => p.collection === 'discrepancies')) {
      expect(new Set(page.references.map((r) => `${r.source}:${r.start}`)).size, page.key).toBeGreaterThanOrEqual(2);
    }
  });

  it('counts the NBC-based sources as one origin in every claim', () => {
    for (const claim of claims) {
      const nbc = claim.citations.filter((c) => c.stance === 'supports' && dossier.sources.get(c.source)!.meta.basedOn === 'NBC News');
      if (nbc.length > 0) expect(claim.origins.filter((o) => o === 'NBC News'), claim.id).toEqual(['NBC News']);
      expect(claim.origins.length).toBeLessThanOrEqual(2);
    }
  });

  it('gives every claim id a unique, kebab-case permalink', () => {
    for (const claim of claims) expect(claim.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
  });
});
