import { describe, expect, it } from 'vitest';
import { compareFuzzyDates, describeDate, describeSpan, parseFuzzyDate, type FuzzyDate } from '../../src/lib/dates.ts';

const parse = (value: string): FuzzyDate => {
  const date = parseFuzzyDate(value);
  if (typeof date === 'string') throw new Error(`${value}: ${date}`);
  return date;
};

describe('parseFuzzyDate', () => {
  it('parses a year as the whole year', () => {
    expect(parse('2025')).toEqual({
      value: '2025',
      precision: 'year',
      approximate: false,
      uncertain: false,
      earliest: '2025-01-01',
      latest: '2025-12-31',
    });
  });

  it('parses a month, ending on its last day (leap years included)', () => {
    expect(parse('2025-04')).toMatchObject({ precision: 'month', earliest: '2025-04-01', latest: '2025-04-30' });
    expect(parse('2025-02')).toMatchObject({ latest: '2025-02-28' });
    expect(parse('2024-02')).toMatchObject({ latest: '2024-02-29' });
  });

  it('parses a day', () => {
    expect(parse('2025-08-15')).toMatchObject({ precision: 'day', earliest: '2025-08-15', latest: '2025-08-15' });
    expect(parse('2024-02-29')).toMatchObject({ precision: 'day' });
  });

  it('reads ~ as approximate, ? as uncertain and % as both', () => {
    expect(parse('2025-11~')).toMatchObject({
      value: '2025-11~',
      precision: 'month',
      approximate: true,
      uncertain: false,
      earliest: '2025-11-01',
      latest: '2025-11-30',
    });
    expect(parse('2025-12-22?')).toMatchObject({ precision: 'day', approximate: false, uncertain: true, earliest: '2025-12-22' });
    expect(parse('2025%')).toMatchObject({ precision: 'year', approximate: true, uncertain: true });
  });

  it('parses a range from the first day of its start to the last day of its end', () => {
    expect(parse('2025-11-21/2025-11-24')).toEqual({
      value: '2025-11-21/2025-11-24',
      precision: 'range',
      approximate: false,
      uncertain: false,
      earliest: '2025-11-21',
      latest: '2025-11-24',
    });
    expect(parse('2025-04/2025-06')).toMatchObject({ earliest: '2025-04-01', latest: '2025-06-30' });
  });

  it('carries ~ and ? from either end of a range', () => {
    expect(parse('2025-11~/2025-12')).toMatchObject({ precision: 'range', approximate: true, uncertain: false });
    expect(parse('2025-11/2025-12?')).toMatchObject({ approximate: false, uncertain: true });
  });

  it('accepts `unknown`, with no bounds', () => {
    expect(parse('unknown')).toEqual({ value: 'unknown', precision: 'unknown', approximate: false, uncertain: false });
  });

  it('ignores surrounding whitespace', () => {
    expect(parse(' 2025-04 ')).toMatchObject({ value: '2025-04', precision: 'month' });
  });

  it.each([
    ['late 2025', 'is not a date'],
    ['2025-4', 'is not a date'],
    ['25-04-01', 'is not a date'],
    ['2025-04-01~?', 'is not a date'],
    ['2025-13', 'month 13 does not exist'],
    ['2025-00', 'month 00 does not exist'],
    ['2025-02-29', '2025-02 has no day 29'],
    ['2025-04-31', '2025-04 has no day 31'],
    ['2025-11-24/2025-11-21', 'ends before it starts'],
    ['2025/', 'is not a range'],
    ['/2025', 'is not a range'],
    ['2025/2026/2027', 'is not a range'],
    ['2025-11/2025-13', 'month 13 does not exist'],
  ])('rejects %j with a message saying why (%s)', (value, why) => {
    const result = parseFuzzyDate(value);
    expect(typeof result).toBe('string');
    expect(result).toContain(why);
  });
});

describe('describeDate', () => {
  it.each([
    ['2025', '2025'],
    ['2025-04', 'April 2025'],
    ['2025-08-15', '15 August 2025'],
    ['2025-11~', 'about November 2025'],
    ['2025-12-22?', '22 December 2025 (uncertain)'],
    ['2025%', 'about 2025 (uncertain)'],
    ['2025-11-21/2025-11-24', '21 November 2025 – 24 November 2025'],
    ['2025-04/2025-06', 'April 2025 – June 2025'],
    ['2025-11~/2025-12', 'about November 2025 – December 2025'],
    ['unknown', 'Undated'],
  ])('labels %j as %j', (value, label) => {
    expect(describeDate(parse(value))).toBe(label);
  });
});

describe('compareFuzzyDates', () => {
  const sorted = (values: string[]) =>
    values
      .map(parse)
      .sort(compareFuzzyDates)
      .map((d) => d.value);

  it('sorts by earliest possible day, then by latest (a narrower date first)', () => {
    expect(sorted(['2025-11-24', '2025', '2025-11', '2025-01', '2025-11-21/2025-11-24', '2024-12-31'])).toEqual([
      '2024-12-31',
      '2025-01',
      '2025',
      '2025-11',
      '2025-11-21/2025-11-24',
      '2025-11-24',
    ]);
  });

  it('puts undated last, whatever order they come in', () => {
    expect(sorted(['unknown', '2025-04', 'unknown', '2024'])).toEqual(['2024', '2025-04', 'unknown', 'unknown']);
    expect(compareFuzzyDates(parse('unknown'), parse('unknown'))).toBe(0);
  });

  it('orders approximate and uncertain dates by their bounds like exact ones', () => {
    expect(compareFuzzyDates(parse('2025-11~'), parse('2025-11'))).toBe(0);
    expect(compareFuzzyDates(parse('2025-12-22?'), parse('2025-12-21'))).toBeGreaterThan(0);
  });

  it('is antisymmetric', () => {
    const values = ['2025', '2025-04', '2025-04-02', '2025-04/2025-06', 'unknown', '2025-11~'].map(parse);
    for (const a of values) for (const b of values) expect(Math.sign(compareFuzzyDates(a, b)) + Math.sign(compareFuzzyDates(b, a))).toBe(0);
  });
});

describe('describeSpan', () => {
  const d = (text: string) => parseFuzzyDate(text) as FuzzyDate;
  it('gives one date as describeDate does, and a repeated one once', () => {
    expect(describeSpan([d('2025-12-22?')])).toBe('22 December 2025 (uncertain)');
    expect(describeSpan([d('2025-08~'), d('2025-08~')])).toBe('about August 2025');
  });

  it('spans several dates from the start of the earliest to the end of the latest, whatever their order', () => {
    const dates = [d('2025-12-22?'), d('2025-12?'), d('2025-11-2X/2025-12?')];
    // "2025-12?" may be any day of December: the span ends with the month, not on the 22nd.
    expect(describeSpan(dates)).toBe('20–29 November 2025 – December 2025 (uncertain)');
    expect(describeSpan([d('2025-11-2X'), d('2025-12-22?')])).toBe('20–29 November 2025 – 22 December 2025 (uncertain)');
    expect(describeSpan([...dates].reverse())).toBe(describeSpan(dates));
    expect(describeSpan([d('2025-08~'), d('2025-11')])).toBe('about August 2025 – November 2025');
    expect(describeSpan([d('2025-03'), d('2025-03-14')])).toBe('March 2025');
  });

  it('leaves out unknown dates, and is Undated when none is known', () => {
    expect(describeSpan([d('unknown'), d('2025-04')])).toBe('April 2025');
    expect(describeSpan([d('unknown')])).toBe('Undated');
    expect(describeSpan([])).toBe('Undated');
  });
});
