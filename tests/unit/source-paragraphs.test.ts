import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/lib/sources/parse-source.ts';
import { splitParagraphs } from '../../src/lib/sources/paragraphs.ts';
import { SEEDS, seed, seedRaw, sourceFile } from './seeds.ts';

/**
 * Paragraph counts of the five real sources, counted by hand from the files (one paragraph per non-blank
 * line of the article text), with how many of them are headings (the `headings` list) and furniture
 * (passages listed under `furniture` that cover the whole line).
 */
const EXPECTED = {
  'clash-over-diplomacy': { total: 14, heading: 1, furniture: 0 },
  'compete-to-lead-talks': { total: 10, heading: 1, furniture: 0 },
  // 7 weather-widget lines, 2 staff-bio lines, "Categories" + "Follow", 3 newsletter lines, 1 sponsor line, 5 cookie-notice lines.
  'go-it-alone-diplomacy': { total: 87, heading: 7, furniture: 20 },
  // the photo caption and the teaser bullet at the foot.
  'non-public-rivalry': { total: 31, heading: 1, furniture: 2 },
  // two photo captions; the `date 2025-12-22` prefix is only part of p-1.
  'rubio-humiliated': { total: 18, heading: 0, furniture: 2 },
} as const;

const kinds = (slug: (typeof SEEDS)[number], kind: string) =>
  seed(slug)
    .paragraphs.filter((p) => p.kind === kind)
    .map((p) => p.id);

describe('paragraphs of the real sources', () => {
  it.each(SEEDS)('%s has the hand-counted number of paragraphs, headings and furniture', (slug) => {
    const source = seed(slug);
    const expected = EXPECTED[slug];
    expect(source.paragraphs).toHaveLength(expected.total);
    expect(kinds(slug, 'heading')).toHaveLength(expected.heading);
    expect(kinds(slug, 'furniture')).toHaveLength(expected.furniture);
    expect(kinds(slug, 'text')).toHaveLength(expected.total - expected.heading - expected.furniture);
  });

  it.each(SEEDS)('%s numbers paragraphs p-1…p-n in order, each a trimmed, non-overlapping span of the text', (slug) => {
    const source = seed(slug);
    let previousEnd = -1;
    source.paragraphs.forEach((p, i) => {
      expect(p.id).toBe(`p-${i + 1}`);
      expect(p.n).toBe(i + 1);
      expect(p.start).toBeGreaterThan(previousEnd);
      const raw = source.text.slice(p.start, p.end);
      expect(raw).toBe(raw.trim());
      expect(raw).not.toContain('\n');
      expect(p.text).toBe(raw);
      previousEnd = p.end;
    });
  });

  it('puts every listed heading on its own heading paragraph (go-it-alone-diplomacy)', () => {
    const source = seed('go-it-alone-diplomacy');
    const headings = source.paragraphs.filter((p) => p.kind === 'heading');
    expect(headings.map((p) => p.text)).toEqual(source.meta.headings);
    expect(headings[0]!.id).toBe('p-8');
  });

  it('keeps the last article paragraph of go-it-alone-diplomacy as text, and the page chrome after it as furniture', () => {
    const source = seed('go-it-alone-diplomacy');
    expect(source.paragraphs[73]).toMatchObject({
      id: 'p-74',
      kind: 'text',
      text: 'Nahal Toosi and Jack Detsch contributed to this report.',
    });
    expect(source.paragraphs.slice(74).every((p) => p.kind === 'furniture')).toBe(true);
    expect(source.paragraphs.slice(0, 7).every((p) => p.kind === 'furniture')).toBe(true);
  });

  it('reads compete-to-lead-talks (no blank lines between paragraphs) one line per paragraph', () => {
    const source = seed('compete-to-lead-talks');
    expect(source.paragraphs[1]!.text).toBe(
      'NBC reports growing rivalry between Rubio and Witkoff over who leads US negotiations on Ukraine, amid disputes over strategy and coordination.',
    );
    expect(source.paragraphs[7]!.text.startsWith('State Department spokesperson Tommy Pigott said')).toBe(true);
  });
});

describe('furniture matching', () => {
  it('marks a whole-paragraph caption as furniture, with its kind', () => {
    const source = seed('rubio-humiliated');
    expect(kinds('rubio-humiliated', 'furniture')).toEqual(['p-4', 'p-10']);
    expect(source.paragraphs[3]!.furniture.map((f) => f.kind)).toEqual(['photo caption and credit']);
  });

  it('marks the stray `date 2025-12-22` prefix as furniture inside p-1, leaving p-1 a text paragraph', () => {
    const source = seed('rubio-humiliated');
    const p1 = source.paragraphs[0]!;
    expect(p1.kind).toBe('text');
    expect(p1.furniture).toHaveLength(1);
    const prefix = p1.furniture[0]!;
    expect(prefix.kind).toBe('stray date prefix from the page capture');
    expect(source.text.slice(prefix.start, prefix.end)).toBe('date 2025-12-22');
    expect(prefix.start).toBe(p1.start);
    expect(prefix.end).toBeLessThan(p1.end);
  });

  it('matches a multi-line furniture passage across the paragraphs it covers (the weather widget)', () => {
    const source = seed('go-it-alone-diplomacy');
    const widget = source.furniture.find((f) => f.kind === 'weather widget and page date')!;
    expect(widget.start).toBe(source.paragraphs[0]!.start);
    expect(widget.end).toBe(source.paragraphs[6]!.end);
    for (const p of source.paragraphs.slice(0, 7)) expect(p.furniture).toContain(widget);
  });

  it('matches furniture written with different whitespace than the text (indented newsletter lines)', () => {
    const source = seed('go-it-alone-diplomacy');
    const newsletter = source.furniture.find((f) => f.kind === 'newsletter box')!;
    expect(source.text.slice(newsletter.start, newsletter.end)).toMatch(/^Newsletter\n\n {4}Subscribe/);
  });

  it('assigns a furniture line listed on its own to that line, not to the same word earlier in the article', () => {
    // List the navigation of go-it-alone-diplomacy item by item: "Follow" also occurs in "follow-up meetings" (p-10).
    const raw = seedRaw('go-it-alone-diplomacy').replace(
      '  - kind: site navigation\n    text: |-\n      Categories\n\n      Follow\n',
      '  - kind: site navigation\n    text: Categories\n  - kind: site navigation\n    text: Follow\n',
    );
    expect(raw).not.toBe(seedRaw('go-it-alone-diplomacy'));
    const { source, diagnostics } = parseSource(raw, 'go.md', 'go-it-alone-diplomacy');
    expect(diagnostics).toEqual([]);
    const follow = source!.paragraphs.find((p) => p.text === 'Follow')!;
    expect(follow.kind).toBe('furniture');
    const article = source!.paragraphs.find((p) => p.text.includes('promised follow-up meetings'))!;
    expect(article.furniture).toEqual([]);
    expect(source!.paragraphs.filter((p) => p.kind === 'furniture')).toHaveLength(20);
  });

  it('keeps a citable teaser as furniture that is flagged citable', () => {
    const teaser = seed('non-public-rivalry').paragraphs[30]!;
    expect(teaser.kind).toBe('furniture');
    expect(teaser.furniture).toEqual([expect.objectContaining({ kind: 'teaser for another article', citable: true })]);
  });

  it('sorts furniture spans by position', () => {
    for (const slug of SEEDS) {
      const starts = seed(slug).furniture.map((f) => f.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });
});

describe('splitParagraphs', () => {
  it('in lines mode, makes every non-blank line a paragraph and skips blank ones', () => {
    const text = 'One.\nTwo.\n\n  \nThree.  \n';
    expect(splitParagraphs(text, 'lines').map((p) => [p.id, p.text, text.slice(p.start, p.end)])).toEqual([
      ['p-1', 'One.', 'One.'],
      ['p-2', 'Two.', 'Two.'],
      ['p-3', 'Three.', 'Three.'],
    ]);
  });

  it('in blocks mode, joins wrapped lines and splits at blank lines (even ones holding spaces)', () => {
    const text = 'First line\nwrapped here.\n \t\nSecond block.\n';
    const paragraphs = splitParagraphs(text, 'blocks');
    expect(paragraphs.map((p) => p.text)).toEqual(['First line wrapped here.', 'Second block.']);
    expect(text.slice(paragraphs[0]!.start, paragraphs[0]!.end)).toBe('First line\nwrapped here.');
  });

  it('returns no paragraphs for empty or blank text', () => {
    expect(splitParagraphs('')).toEqual([]);
    expect(splitParagraphs('\n \n\t\n')).toEqual([]);
  });

  it('honours `paragraphs: blocks` in a source’s frontmatter', () => {
    const body = 'A wrapped\nparagraph.\n\nAnother one.\n';
    const { source, diagnostics } = parseSource(
      sourceFile(body, 'title: T\npublisher: null\npublished:\n  date: unknown\nlanguage: en\nparagraphs: blocks'),
      'f.md',
      'f',
    );
    expect(diagnostics).toEqual([]);
    expect(source!.paragraphs.map((p) => p.text)).toEqual(['A wrapped paragraph.', 'Another one.']);
  });
});

describe('BOM and CRLF source files', () => {
  const shape = (raw: string) => {
    const { source, diagnostics } = parseSource(raw, 'f.md', 'f');
    return {
      diagnostics,
      sha256: source!.sha256,
      textLine: source!.textLine,
      paragraphs: source!.paragraphs.map((p) => ({
        id: p.id,
        kind: p.kind,
        text: p.text,
        start: p.start,
        end: p.end,
        furniture: p.furniture.map((f) => [f.kind, f.start, f.end]),
      })),
    };
  };

  it.each(SEEDS)('%s parses to the same paragraphs with a BOM, with CRLF, and with both', (slug) => {
    const raw = seedRaw(slug);
    const lf = shape(raw);
    expect(lf.diagnostics).toEqual([]);
    expect(shape(`\uFEFF${raw}`)).toEqual(lf);
    expect(shape(raw.replace(/\n/g, '\r\n'))).toEqual(lf);
    expect(shape(`\uFEFF${raw.replace(/\n/g, '\r\n')}`)).toEqual(lf);
  });
});
