import { describe, expect, it } from 'vitest';
import { countOrigins, originOf, outletLabel } from '../../src/lib/origins.ts';
import type { Citation, SourceSlug } from '../../src/lib/model.ts';
import type { Stance } from '../../src/lib/pages/content-rules.ts';
import { parseSource, type Source } from '../../src/lib/sources/parse-source.ts';
import { SEEDS, seed, sourceFile } from './seeds.ts';

const sources = new Map<string, Source>(SEEDS.map((slug) => [slug, seed(slug)]));
const NBC_BASED = ['clash-over-diplomacy', 'non-public-rivalry', 'compete-to-lead-talks', 'rubio-humiliated'] as const;

function cite(source: string, stance: Stance = 'supports'): Citation {
  return {
    n: 1,
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
    line: 1,
    column: 1,
  };
}

describe('originOf', () => {
  it('uses basedOn: the four rewrites of NBC’s story share one origin, POLITICO’s republication another', () => {
    expect(NBC_BASED.map((slug) => originOf(seed(slug)))).toEqual(['NBC News', 'NBC News', 'NBC News', 'NBC News']);
    expect(originOf(seed('go-it-alone-diplomacy'))).toBe('POLITICO');
  });

  it('falls back to the publisher, then to the source itself', () => {
    const withPublisher = parseSource(
      sourceFile('Text.\n', 'title: T\npublisher: Reuters\npublished:\n  date: unknown\nlanguage: en'),
      'a.md',
      'a',
    ).source!;
    const anonymous = parseSource(
      sourceFile('Text.\n', 'title: T\npublisher: null\npublished:\n  date: unknown\nlanguage: en'),
      'b.md',
      'b',
    ).source!;
    expect(originOf(withPublisher)).toBe('Reuters');
    expect(originOf(anonymous)).toBe('source:b');
    expect(outletLabel(anonymous)).toBe('Unidentified outlet');
  });
});

describe('countOrigins (independence)', () => {
  it('counts the four NBC-based sources as one independent origin', () => {
    const { origins, outlets } = countOrigins(
      NBC_BASED.map((s) => cite(s)),
      sources,
    );
    expect(origins).toEqual(['NBC News']);
    // Four unidentified pages are still four outlets.
    expect(outlets).toHaveLength(4);
  });

  it('counts NBC-based and POLITICO-based sources as two origins', () => {
    expect(countOrigins([cite('rubio-humiliated'), cite('go-it-alone-diplomacy'), cite('clash-over-diplomacy')], sources).origins).toEqual([
      'NBC News',
      'POLITICO',
    ]);
  });

  it('counts a source cited twice once', () => {
    const { origins, outlets } = countOrigins([cite('rubio-humiliated'), cite('rubio-humiliated')], sources);
    expect(origins).toEqual(['NBC News']);
    expect(outlets).toHaveLength(1);
  });

  it('does not count citations with stance denies or context', () => {
    expect(countOrigins([cite('rubio-humiliated'), cite('go-it-alone-diplomacy', 'denies')], sources).origins).toEqual(['NBC News']);
    expect(countOrigins([cite('rubio-humiliated', 'context'), cite('go-it-alone-diplomacy')], sources).origins).toEqual(['POLITICO']);
    expect(countOrigins([cite('rubio-humiliated', 'denies'), cite('go-it-alone-diplomacy', 'context')], sources)).toEqual({
      origins: [],
      outlets: [],
    });
  });

  it('names the publisher as the outlet when there is one', () => {
    expect(countOrigins([cite('go-it-alone-diplomacy')], sources).outlets).toEqual(['Lord’s Press']);
  });

  it('ignores citations of unknown sources', () => {
    expect(countOrigins([cite('no-such-source')], sources)).toEqual({ origins: [], outlets: [] });
  });
});
