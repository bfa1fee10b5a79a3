/**
 * Independent origins follow each citation's chain of credits (issue 19): a named person or a record when the chain
 * ends in one, else the outlet whose reporting it is; a rewrite's own detail counts as the outlet it retells only when
 * two rewrites of that outlet carry it in the claim, or the claim credits that outlet.
 */
import { describe, expect, it } from 'vitest';
import { claimOrigins, countOrigins, outletLabel, rootOf, speakingOutlet, storyOf, TEASER } from '../../src/lib/origins.ts';
import type { Attribution, Citation, Credit, SourceSlug } from '../../src/lib/model.ts';
import type { Stance } from '../../src/lib/pages/content-rules.ts';
import { parseSource, type Source } from '../../src/lib/sources/parse-source.ts';
import { SEEDS, seed, sourceFile } from './seeds.ts';

const sources = new Map<string, Source>(SEEDS.map((slug) => [slug, seed(slug)]));
const NBC_BASED = ['clash-over-diplomacy', 'non-public-rivalry', 'compete-to-lead-talks', 'rubio-humiliated'] as const;

let n = 0;
/** A citation of `source` whose words credit `credits` (none: the outlet's own words). */
function cite(source: string, credits: Credit[] = [], stance: Stance = 'supports'): Citation {
  const s = sources.get(source);
  const attribution: Attribution = { ...(s ? speakingOutlet(s) : { outlet: source }), credits, from: 'text' };
  return {
    n: ++n,
    claim: null,
    source: source as SourceSlug,
    quote: 'q',
    stance,
    paragraphs: ['p-1'],
    start: 0,
    end: 1,
    exact: 'q',
    url: '',
    teaser: false,
    attribution,
    line: 1,
    column: 1,
  };
}
const names = (citations: Citation[]) => claimOrigins(citations, sources).map((o) => o.name);
const NBC: Credit = { kind: 'outlet', name: 'NBC News' };
const unnamed = (name: string): Credit => ({ kind: 'unnamed', name });
const pigott = (name = 'Tommy Pigott'): Credit => ({ kind: 'person', name, person: 'tommy-pigott' });

describe('the outlet that speaks in a source', () => {
  it('is the rewrite itself for the four rewrites of NBC’s story, and POLITICO for its reprint (via Lord’s Press)', () => {
    expect(NBC_BASED.map((slug) => speakingOutlet(seed(slug)).outlet)).toEqual([
      'Unattributed rewrite',
      'Translated retelling',
      'Short summary',
      'Tabloid-style rewrite',
    ]);
    expect(speakingOutlet(seed('go-it-alone-diplomacy'))).toEqual({ outlet: 'POLITICO', via: 'Lord’s Press' });
  });

  it("groups sources by the story they retell (storyOf), falling back to the publisher, then the source; an unnamed outlet is labelled by the source's short name", () => {
    expect(NBC_BASED.map((slug) => storyOf(seed(slug)))).toEqual(['NBC News', 'NBC News', 'NBC News', 'NBC News']);
    const anonymous = parseSource(
      sourceFile('Text.\n', 'title: T\npublisher: null\npublished:\n  date: unknown\nlanguage: en'),
      'b.md',
      'b',
    ).source!;
    expect(storyOf(anonymous)).toBe('source:b');
    expect(outletLabel(anonymous)).toBe('T');
    const named = parseSource(
      sourceFile('Text.\n', 'title: T\nshortName: the short summary\npublisher: null\npublished:\n  date: unknown\nlanguage: en'),
      'c.md',
      'c',
    ).source!;
    expect(outletLabel(named)).toBe('the short summary');
  });
});

describe('the root of one chain', () => {
  it('is a named person or a record when the chain ends in one', () => {
    const source = seed('rubio-humiliated');
    expect(rootOf({ outlet: 'x', credits: [NBC, { kind: 'person', name: 'Alexander Vershbow' }], from: 'text' }, source)).toMatchObject({
      kind: 'person',
      name: 'Alexander Vershbow',
    });
    expect(rootOf({ outlet: 'x', credits: [{ kind: 'record', name: 'Rubio’s public schedule' }], from: 'text' }, source)).toMatchObject({
      kind: 'record',
    });
  });

  it('is the last outlet before unnamed sources, else the speaking outlet', () => {
    const source = seed('rubio-humiliated');
    expect(rootOf({ outlet: 'Tabloid-style rewrite', credits: [NBC, unnamed('sources')], from: 'text' }, source).name).toBe('NBC News');
    expect(
      rootOf({ outlet: 'Tabloid-style rewrite', credits: [unnamed('U.S. and senior administration officials')], from: 'text' }, source)
        .name,
    ).toBe('Tabloid-style rewrite');
    expect(rootOf({ outlet: 'Tabloid-style rewrite', credits: [], from: 'text' }, source).name).toBe('Tabloid-style rewrite');
  });

  it('names a teaser by the page that carries it', () => {
    const source = seed('non-public-rivalry');
    expect(rootOf({ outlet: 'Translated retelling', credits: [{ kind: 'outlet', name: TEASER }], from: 'text' }, source)).toMatchObject({
      key: 'outlet:teaser:non-public-rivalry',
    });
  });
});

describe('the independent origins of a claim', () => {
  it('counts a statement quoted by two outlets once, by the person page the names resolve to', () => {
    expect(
      claimOrigins([cite('rubio-humiliated', [pigott('Steve Pigott')]), cite('compete-to-lead-talks', [pigott()])], sources),
    ).toHaveLength(1);
  });

  it('counts NBC News’ unnamed sources and POLITICO’s as two origins', () => {
    expect(
      names([cite('rubio-humiliated', [NBC, unnamed('sources')]), cite('go-it-alone-diplomacy', [unnamed('two U.S. officials')])]),
    ).toEqual(['NBC News', 'POLITICO']);
  });

  it('does not credit NBC with a detail one rewrite carries uncredited', () => {
    expect(names([cite('rubio-humiliated')])).toEqual(['Tabloid-style rewrite']);
    expect(names([cite('rubio-humiliated', [unnamed('U.S. and senior administration officials')])])).toEqual(['Tabloid-style rewrite']);
  });

  it('counts a detail two rewrites of NBC carry uncredited as NBC’s', () => {
    expect(names([cite('rubio-humiliated'), cite('clash-over-diplomacy', [unnamed('three sources')])])).toEqual(['NBC News']);
    // The same rewrite cited twice is one rewrite.
    expect(names([cite('rubio-humiliated'), cite('rubio-humiliated')])).toEqual(['Tabloid-style rewrite']);
  });

  it('counts a rewrite’s own detail as NBC’s when the claim credits NBC anywhere, even in a citation giving context', () => {
    expect(names([cite('rubio-humiliated'), cite('compete-to-lead-talks', [NBC], 'context')])).toEqual(['NBC News']);
  });

  it('never promotes POLITICO’s own reporting or a named person', () => {
    expect(names([cite('go-it-alone-diplomacy'), cite('rubio-humiliated', [NBC])])).toEqual(['NBC News', 'POLITICO']);
    expect(names([cite('rubio-humiliated', [pigott()]), cite('clash-over-diplomacy', [pigott()])])).toEqual(['Tommy Pigott']);
  });

  it('counts only supporting citations, and lists the citations that reach each origin', () => {
    const a = cite('rubio-humiliated', [NBC]);
    const b = cite('compete-to-lead-talks', [NBC, unnamed('sources')]);
    const c = cite('go-it-alone-diplomacy', [], 'denies');
    expect(claimOrigins([a, b, c], sources)).toEqual([{ key: 'outlet:nbc news', kind: 'outlet', name: 'NBC News', citations: [a.n, b.n] }]);
  });

  it('names the publisher as the outlet when there is one, and ignores unknown sources', () => {
    expect(countOrigins([cite('go-it-alone-diplomacy')], sources).outlets).toEqual(['Lord’s Press']);
    expect(countOrigins([cite('no-such-source')], sources)).toEqual({ origins: [], outlets: [] });
  });
});
