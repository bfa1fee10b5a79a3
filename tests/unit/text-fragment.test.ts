import { describe, expect, it } from 'vitest';
import { deepLink, textDirective } from '../../src/lib/pages/text-fragment.ts';

describe('textDirective', () => {
  it('uses the whole passage when it has at most 8 words', () => {
    expect(textDirective('Witkoff did not inform Rubio')).toBe('text=Witkoff%20did%20not%20inform%20Rubio');
    expect(textDirective('one two three four five six seven eight')).toBe('text=one%20two%20three%20four%20five%20six%20seven%20eight');
  });

  it('uses the first and last four words of a longer passage as a range', () => {
    expect(textDirective('one two three four five six seven eight nine')).toBe('text=one%20two%20three%20four,six%20seven%20eight%20nine');
  });

  it('escapes the characters that are syntax in a text directive: - , &', () => {
    expect(textDirective('Russia-Ukraine talks, U.S. & Europe')).toBe('text=Russia%2DUkraine%20talks%2C%20U.S.%20%26%20Europe');
  });

  it('percent-encodes curly quotes and other non-ASCII characters as UTF-8', () => {
    expect(textDirective('Witkoff’s “go-it-alone” style')).toBe('text=Witkoff%E2%80%99s%20%E2%80%9Cgo%2Dit%2Dalone%E2%80%9D%20style');
  });

  it('collapses line breaks and runs of spaces, and ignores surrounding whitespace', () => {
    expect(textDirective('  a  b\n c\td ')).toBe('text=a%20b%20c%20d');
  });

  it('round-trips: decoding the terms gives back the words', () => {
    const passage = 'State Department spokesperson Tommy Pigott said there are no disagreements, “never”';
    const [start, end] = textDirective(passage).slice('text='.length).split(',').map(decodeURIComponent);
    expect(start).toBe('State Department spokesperson Tommy');
    expect(end).toBe('there are no disagreements, “never”'.split(' ').slice(-4).join(' '));
  });
});

describe('deepLink', () => {
  it('joins the source URL, the paragraph id and the text directive', () => {
    expect(deepLink('/sources/rubio-humiliated/', 'p-7', 'absurd claims')).toBe('/sources/rubio-humiliated/#p-7:~:text=absurd%20claims');
  });
});
