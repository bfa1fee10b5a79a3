import { describe, expect, it } from 'vitest';
import { countWords, normalize, normalizeWithMap } from '../../src/lib/normalize.ts';

describe('normalize', () => {
  it('folds case, curly quotes, dashes, ellipsis and whitespace', () => {
    expect(normalize('“It’s  hard”\n— he said…')).toBe('"it\'s hard" - he said...');
  });

  it('composes NFD text like NFC', () => {
    expect(normalize('Zelenskyy cafe\u0301')).toBe(normalize('Zelenskyy café'));
  });

  it('drops a BOM and zero-width characters', () => {
    expect(normalize('\uFEFFWit\u200Bkoff')).toBe('witkoff');
  });

  it('maps every normalised character back to the original text', () => {
    const input = 'A  “quoted”…\r\nline';
    const { text, starts, ends } = normalizeWithMap(input);
    const at = text.indexOf('quoted');
    expect(input.slice(starts[at]!, ends[at + 'quoted'.length - 1]!)).toBe('quoted');
  });

  it('maps text after a character outside the BMP (two UTF-16 units) back to the original', () => {
    const input = 'Signal 😀 “Quoted” words… and more';
    const { text, starts, ends } = normalizeWithMap(input);
    expect(starts.length).toBe(text.length);
    for (const word of ['quoted', 'words...', 'more']) {
      const at = text.indexOf(word);
      expect(input.slice(starts[at]!, ends[at + word.length - 1]!)).toBe(word === 'quoted' ? 'Quoted' : word.replace('...', '…'));
    }
    expect(input.slice(starts[text.indexOf('😀')]!, ends[text.indexOf('😀') + 1]!)).toBe('😀');
  });

  it('gives the same text with and without the map', () => {
    for (const input of ['A  “quoted”…\r\nline', 'cafe\u0301 😀 İstanbul — x', '\uFEFF  lead and trail  '])
      expect(normalize(input)).toBe(normalizeWithMap(input).text);
  });

  it('counts words, not punctuation or ellipses', () => {
    expect(countWords('one, two … three — four')).toBe(4);
  });
});

describe('normalize: more folding', () => {
  it('composes NFD text after ASCII letters and at the start, upper case included', () => {
    expect(normalize('CAFE\u0301')).toBe('café');
    expect(normalize('e\u0301lan')).toBe('élan');
    expect(normalize('Gene\u0300ve de\u0301le\u0301gation')).toBe(normalize('Genève délégation'));
  });

  it('maps a composed character back to the base letter and its combining mark', () => {
    const input = 'cafe\u0301 open';
    const { text, starts, ends } = normalizeWithMap(input);
    const at = text.indexOf('é');
    expect(input.slice(starts[at]!, ends[at]!)).toBe('e\u0301');
  });

  it('folds every quote mark to a straight one', () => {
    expect(normalize('‘a’ ‚b‛ `c´ ′d″ “e” „f‟ «g»')).toBe('\'a\' \'b\' \'c\' \'d" "e" "f" "g"');
  });

  it('folds every dash and the minus sign to a hyphen', () => {
    expect(normalize('a‐b‑c‒d–e—f―g−h')).toBe('a-b-c-d-e-f-g-h');
  });

  it('drops soft hyphens and word joiners', () => {
    expect(normalize('Wit\u00ADkoff\u2060s')).toBe('witkoffs');
  });

  it('collapses any run of whitespace (tabs, line breaks, no-break spaces) to one space and trims', () => {
    expect(normalize('  a\t\r\n b\u00A0\u00A0c\u2009d  ')).toBe('a b c d');
  });

  it('leaves an already normal text unchanged', () => {
    const text = 'state department spokesperson tommy pigott said there are no disagreements - "never" ...';
    expect(normalize(text)).toBe(text);
  });

  it('counts words of quotes like the quote-length rule does', () => {
    expect(countWords('Tommy Pigott said')).toBe(3);
    expect(countWords('Tommy Pigott said there')).toBe(4);
    expect(countWords('U.S. officials — 28 points')).toBe(4);
    expect(countWords('… — “ ”')).toBe(0);
  });
});
