import { describe, expect, it } from 'vitest';
import { closestPassage, findQuoteMatches, lookupQuote, quoteParts } from '../../src/lib/claims/find-quote.ts';
import { parseSource } from '../../src/lib/sources/parse-source.ts';
import { seed, sourceFile } from './seeds.ts';

const compete = seed('compete-to-lead-talks');
const rubio = seed('rubio-humiliated');
const nonPublic = seed('non-public-rivalry');
const politico = seed('go-it-alone-diplomacy');

function found(source: typeof compete, quote: string) {
  const result = lookupQuote(source, quote);
  if (result.kind !== 'found') throw new Error(`expected ${JSON.stringify(quote)} to be found, got ${result.kind}`);
  return result;
}

describe('quoteParts', () => {
  it('normalises a quote and splits it at `...` and `…`', () => {
    expect(quoteParts('Tommy Pigott said … never have been ... Witkoff')).toEqual(['tommy pigott said', 'never have been', 'witkoff']);
  });

  it('drops empty parts from leading, trailing and doubled ellipses', () => {
    expect(quoteParts('… Tommy Pigott said ... … never ...')).toEqual(['tommy pigott said', 'never']);
    expect(quoteParts('…')).toEqual([]);
  });
});

describe('lookupQuote: normalisation', () => {
  it('finds an exact quote and returns the stored passage, its offsets and its paragraph', () => {
    const { match, teaser } = found(compete, 'Tommy Pigott said there are no disagreements');
    expect(match.exact).toBe('Tommy Pigott said there are no disagreements');
    expect(compete.text.slice(match.start, match.end)).toBe(match.exact);
    expect(match.paragraphs).toEqual(['p-8']);
    expect(teaser).toBe(false);
  });

  it('ignores curly vs straight apostrophes (straight in the quote, curly in the source)', () => {
    expect(found(compete, "role of Washington's lead negotiator").match.exact).toBe('role of Washington’s lead negotiator');
  });

  it('ignores curly vs straight double quotes', () => {
    expect(found(rubio, 'meetings in Paris as "absurd."').match.exact).toBe('meetings in Paris as “absurd.”');
  });

  it('ignores dash kinds (hyphen in the quote, em dash in the source, and the reverse)', () => {
    expect(found(rubio, 'his travel plans-including last-minute trips').match.exact).toBe('his travel plans—including last-minute trips');
    expect(found(compete, 'the Russia—Ukraine conflict').match.exact).toBe('the Russia-Ukraine conflict');
  });

  it('ignores letter case', () => {
    expect(found(compete, 'TOMMY PIGOTT SAID THERE ARE NO DISAGREEMENTS').match.paragraphs).toEqual(['p-8']);
  });

  it('ignores whitespace differences, including a line break and a no-break space', () => {
    expect(found(compete, 'Tommy   Pigott\nsaid there are').match.exact).toBe('Tommy Pigott said there are');
    expect(found(nonPublic, 'Jared Kushner who accompanied him').match.exact).toBe('Jared Kushner\u00A0who accompanied him');
  });

  it('matches NFD (decomposed) quotes against NFC source text and the reverse', () => {
    // None of the real sources has an accented letter, so use a small synthetic one in each form.
    const text = 'The délégation met at the café in Genève.\n';
    const nfc = parseSource(sourceFile(text.normalize('NFC')), 'nfc.md', 'nfc').source!;
    const nfd = parseSource(sourceFile(text.normalize('NFD')), 'nfd.md', 'nfd').source!;
    expect(found(nfc, 'délégation met at the café in Genève'.normalize('NFD')).match.exact).toBe('délégation met at the café in Genève');
    expect(found(nfd, 'délégation met at the café in Genève'.normalize('NFC')).match.exact).toBe(
      'délégation met at the café in Genève'.normalize('NFD'),
    );
    // A decomposed accent still needs the accented letter: "cafe" is not "café".
    expect(lookupQuote(nfc, 'met at the cafe in').kind).toBe('missing');
    expect(lookupQuote(nfd, 'met at the cafe in').kind).toBe('missing');
  });

  it('reports a quote with a changed word as missing', () => {
    expect(lookupQuote(compete, 'Tommy Pigott said there are no tensions').kind).toBe('missing');
  });

  it('does not match a quote that starts inside a word: “willingness” is not in “unwillingness”', () => {
    // go-it-alone-diplomacy: "Putin’s unwillingness to make significant concessions to end his war".
    expect(lookupQuote(politico, 'unwillingness to make significant concessions to end his war').kind).toBe('found');
    expect(lookupQuote(politico, 'willingness to make significant concessions to end his war').kind).toBe('missing');
  });

  it('does not match a quote that ends inside a word, nor an elided part inside a word', () => {
    expect(lookupQuote(compete, 'Tommy Pigott said there are no disagree').kind).toBe('missing');
    expect(lookupQuote(compete, 'Tommy Pigott said … agreements between Rubio').kind).toBe('missing');
  });

  it('lets an unelided quote run over a paragraph break, listing both paragraphs', () => {
    const { match } = found(compete, 'after Kyiv raised questions with him. One source told the network');
    expect(match.paragraphs).toEqual(['p-5', 'p-6']);
  });
});

describe('lookupQuote: elided quotes', () => {
  it('finds parts in order within one paragraph, spanning the elided words', () => {
    const { match } = found(compete, 'Tommy Pigott said … never have been');
    expect(match.parts).toHaveLength(2);
    expect(match.paragraphs).toEqual(['p-8']);
    expect(compete.text.slice(match.parts[0]!.start, match.parts[0]!.end)).toBe('Tommy Pigott said');
    expect(compete.text.slice(match.parts[1]!.start, match.parts[1]!.end)).toBe('never have been');
    expect(match.start).toBe(match.parts[0]!.start);
    expect(match.end).toBe(match.parts[1]!.end);
    expect(match.exact).toBe('Tommy Pigott said');
  });

  it('treats `...` and `…` alike', () => {
    const a = found(compete, 'Tommy Pigott said ... never have been').match;
    const b = found(compete, 'Tommy Pigott said … never have been').match;
    expect([a.start, a.end]).toEqual([b.start, b.end]);
  });

  it('matches a quote elided with `...` against a source that itself has `…` there', () => {
    const { match } = found(politico, 'on building trust between key leaders ... and moving quietly to cut a deal');
    expect(match.parts).toHaveLength(2);
  });

  it('fails when the parts are out of order', () => {
    expect(lookupQuote(compete, 'never have been … Tommy Pigott said').kind).toBe('missing');
  });

  it('fails when the parts are in different paragraphs, even in order', () => {
    expect(lookupQuote(compete, 'Rubio was expected to take part … several days after the Geneva meetings').kind).toBe('missing');
    // Each part on its own is there.
    expect(lookupQuote(compete, 'Rubio was expected to take part').kind).toBe('found');
    expect(lookupQuote(compete, 'several days after the Geneva meetings').kind).toBe('found');
  });

  it('does not let two parts overlap the same words', () => {
    expect(lookupQuote(compete, 'no disagreements … no disagreements').kind).toBe('missing');
  });
});

describe('lookupQuote: furniture and teasers', () => {
  it('reports a quote found only in a photo caption as furniture, with the furniture kind', () => {
    const result = lookupQuote(rubio, 'Marco Rubio and Steve Witkoff are said to be clashing');
    expect(result).toMatchObject({ kind: 'furniture', furnitureKind: 'photo caption and credit' });
  });

  it('reports a quote that takes in the stray date prefix of a paragraph as furniture', () => {
    expect(lookupQuote(rubio, 'date 2025-12-22 Marco Rubio has been repeatedly humiliated')).toMatchObject({
      kind: 'furniture',
      furnitureKind: 'stray date prefix from the page capture',
    });
    expect(lookupQuote(rubio, '2025-12-22 Marco Rubio')).toMatchObject({ kind: 'furniture' });
  });

  it('finds the rest of that paragraph, after the prefix', () => {
    expect(found(rubio, 'Marco Rubio has been repeatedly humiliated').match.paragraphs).toEqual(['p-1']);
  });

  it('skips a furniture occurrence and returns the first citable one', () => {
    // "Steve Witkoff" is in the caption (p-2) and in the article (p-3).
    expect(findQuoteMatches(nonPublic, 'Steve Witkoff')[0]!.paragraphs).toEqual(['p-2']);
    expect(found(nonPublic, 'Steve Witkoff').match.paragraphs).toEqual(['p-3']);
  });

  it('finds a quote in a citable teaser and flags it as a teaser', () => {
    const result = found(nonPublic, 'Rubio called the article a fake');
    expect(result.teaser).toBe(true);
    expect(result.match.paragraphs).toEqual(['p-31']);
  });

  it('reports a quote in furniture listed with cookie-notice wording as furniture (go-it-alone-diplomacy)', () => {
    expect(lookupQuote(politico, 'This website uses cookies to enhance your browsing experience')).toMatchObject({
      kind: 'furniture',
      furnitureKind: 'cookie notice',
    });
  });
});

describe('findQuoteMatches', () => {
  it('returns every occurrence, in text order', () => {
    const matches = findQuoteMatches(compete, 'Rubio and Witkoff');
    expect(matches.map((m) => m.paragraphs[0])).toEqual(['p-1', 'p-2', 'p-8']);
    expect(matches.map((m) => m.start)).toEqual([...matches.map((m) => m.start)].sort((a, b) => a - b));
  });

  it('returns nothing for an empty or ellipsis-only quote', () => {
    expect(findQuoteMatches(compete, '')).toEqual([]);
    expect(findQuoteMatches(compete, ' … ')).toEqual([]);
  });
});

describe('closestPassage', () => {
  it('gives 100% for a quote that is in the text', () => {
    expect(closestPassage(compete, 'Tommy Pigott said there are no disagreements between Rubio and Witkoff')).toEqual({
      text: 'Tommy Pigott said there are no disagreements between Rubio and Witkoff',
      paragraph: 'p-8',
      similarity: 100,
    });
  });

  it('finds the nearest passage of a misspelt quote, as stored in the source', () => {
    const near = closestPassage(compete, 'Pigott sayd ther are no disagrements');
    expect(near).toMatchObject({ paragraph: 'p-8', text: 'Pigott said there are no disagreements' });
    expect(near!.similarity).toBeGreaterThanOrEqual(85);
    expect(near!.similarity).toBeLessThan(100);
  });

  it('returns the original typography of the source, not the normalised text', () => {
    expect(closestPassage(compete, "role of Washington's lead negotiatr")!.text).toBe('role of Washington’s lead negotiator');
  });

  it('never proposes a furniture paragraph', () => {
    const near = closestPassage(rubio, 'Marco Rubio and Steve Witkoff are said to be clashing over how to conduct peace efforts');
    expect(rubio.paragraphs.find((p) => p.id === near!.paragraph)!.kind).not.toBe('furniture');
  });

  it('scores a worse match lower than a better one', () => {
    const good = closestPassage(compete, 'Tommy Pigott said there are no tensions between Rubio and Witkoff')!;
    const bad = closestPassage(compete, 'The quick brown fox jumps over the lazy dog')!;
    expect(good.paragraph).toBe('p-8');
    expect(good.similarity).toBeGreaterThan(bad.similarity);
  });
});
