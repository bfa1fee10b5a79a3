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

  it('verifies with zero warnings: every status is borne out by its citations, every credit attribute keeps the text’s credits', () => {
    expect(diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
  });

  // Issue 19: origins follow whom each passage credits, not the story a source retells (`basedOn`).
  it('counts every supporting citation toward exactly one origin, the root of its chain', () => {
    for (const claim of claims) {
      const supporting = claim.citations.filter((c) => c.stance === 'supports').map((c) => c.n);
      expect(claim.origins.flatMap((o) => o.citations).sort((a, b) => a - b), claim.id).toEqual(supporting.sort((a, b) => a - b));
    }
  });

  it('does not count the teaser, Rubio’s public schedule or Bloomberg’s reports as NBC News', () => {
    const originsOf = (id: string) => dossier.claims.get(id as never)!.origins.map((o) => o.name);
    expect(originsOf('rubio-called-article-fake')).not.toContain('NBC News');
    expect(originsOf('rubio-fake-article-vance-group')).not.toContain('NBC News');
    expect(originsOf('paris-rubio-met-macron')).toContain('Rubio’s public schedule');
    expect(originsOf('witkoff-ushakov-call-transcript')).toContain('Bloomberg');
    for (const claim of claims)
      for (const c of claim.citations)
        if (c.teaser) expect(c.attribution.credits[0], claim.id).toEqual({ kind: 'outlet', name: 'a teaser for another article' });
  });

  it('counts Pigott’s statement as one origin however a text names him (Tommy or Steve Pigott)', () => {
    for (const claim of claims) {
      const pigott = claim.origins.filter((o) => o.kind === 'person' && /Pigott/.test(o.name));
      expect(pigott.length, claim.id).toBeLessThanOrEqual(1);
      if (pigott.length === 1) expect(pigott[0]!.name).toBe('Tommy Pigott');
    }
  });

  it('ties the facts that NBC’s sources and POLITICO both report, both ways, and counts POLITICO’s figure only for POLITICO', () => {
    const tied = claims.filter((c) => c.corroborates.length > 0);
    expect(tied.length).toBeGreaterThanOrEqual(8);
    for (const claim of tied)
      for (const id of claim.corroborates) {
        const other = dossier.claims.get(id)!;
        expect(other.corroborates, `${claim.id} ↔ ${id}`).toContain(claim.id);
        expect(other.origins.map((o) => o.key).sort(), `${claim.id} ↔ ${id}`).not.toEqual(claim.origins.map((o) => o.key).sort());
      }
    for (const id of ['witkoff-met-putin-five-times', 'putin-met-witkoff-five-times'])
      expect(dossier.claims.get(id as never)!.origins.map((o) => o.name), id).toEqual(['POLITICO']);
  });

  it('has a reporting date, or a stated reason, on every episode', () => {
    for (const page of pages)
      if (page.collection === 'episodes') {
        expect(page.meta.reported, page.key).toBeDefined();
        expect(page.meta.reported!.note.length, page.key).toBeGreaterThan(40);
        if (page.meta.reported!.value !== 'unknown') expect(page.reported?.earliest, page.key).toBeDefined();
      }
  });

  it('dates POLITICO’s reporting around August 2025 and NBC’s story in December 2025, months apart', () => {
    const reported = (slug: string) => dossier.sources.get(slug as never)!.reported;
    expect(reported('go-it-alone-diplomacy').value).toBe('2025-08~');
    expect(dossier.sources.get('go-it-alone-diplomacy' as never)!.published.value).toBe('2025-10-28?');
    for (const slug of ['non-public-rivalry', 'rubio-humiliated', 'compete-to-lead-talks', 'clash-over-diplomacy'])
      expect(reported(slug).earliest! > '2025-11-01', slug).toBe(true);
  });

  it('gives every discrepancy page a nature: observations say only what the texts say; disagreements have two origins', () => {
    for (const page of pages) {
      if (page.collection !== 'discrepancies') continue;
      const own = page.claims.map((id) => dossier.claims.get(id)!);
      if (page.meta.nature === 'observation') for (const c of own) expect(c.status, `${page.key} ${c.id}`).toBe('observed');
      else expect(new Set(own.flatMap((c) => c.origins.map((o) => o.key))).size, page.key).toBeGreaterThanOrEqual(2);
    }
    const natures = new Map(pages.filter((p) => p.collection === 'discrepancies').map((p) => [p.slug, (p as { meta: { nature: string } }).meta.nature]));
    expect(natures.get('geneva-trip-motive')).toBe('disagreement');
    expect(natures.get('rubio-consulted-or-bypassed')).toBe('disagreement');
    expect(natures.get('pigott-denial-garble')).toBe('observation');
    expect(natures.has('florida-or-miami')).toBe(false);
  });

  it('gives every claim id a unique, kebab-case permalink', () => {
    for (const claim of claims) expect(claim.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
  });
});
