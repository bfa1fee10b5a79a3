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

  it('counts words, not punctuation or ellipses', () => {
    expect(countWords('one, two … three — four')).toBe(4);
  });
});
