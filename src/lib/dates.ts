/** A small, strict subset of EDTF (ISO 8601-2) for dates whose precision the sources limit. */

export type DatePrecision = 'day' | 'month' | 'year' | 'range' | 'unknown';

export interface FuzzyDate {
  /** The EDTF text as written, e.g. `2025-11~` or `2025-11-21/2025-11-24`. */
  value: string;
  precision: DatePrecision;
  /** `~`: the source gives it only roughly ("late November"). */
  approximate: boolean;
  /** `?`: the date itself is in doubt (e.g. read off a stray page prefix). */
  uncertain: boolean;
  /** Some digits are unspecified (`2025-11-2X`: a day from the 20th to the 29th). */
  unspecified?: boolean;
  /** First and last possible day, `YYYY-MM-DD`; absent when unknown. Used for sorting. */
  earliest?: string;
  latest?: string;
}

const SINGLE = /^(\d{4})(?:-(\d{2})(?:-([0-3][0-9X]|XX))?)?([~?%]?)$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number): string => String(n).padStart(2, '0');

function parseSingle(text: string): FuzzyDate | string {
  const m = SINGLE.exec(text);
  if (!m)
    return `\`${text}\` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (a day may end in X: 2025-11-2X), optionally followed by ~ (approximate) or ? (uncertain)`;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) return `month ${m[2]} does not exist`;
  // An unspecified last digit (EDTF `X`): the days it may stand for, within the month.
  const unspecified = m[3]?.includes('X') ?? false;
  const days = m[3] && month !== undefined ? dayRange(m[3], daysIn(year, month)) : undefined;
  if (m[3] && (!days || days[0] > days[1])) return `${m[1]}-${m[2]} has no day ${m[3]}`;
  const flag = m[4];
  const earliest = `${m[1]}-${pad(month ?? 1)}-${pad(days ? days[0] : 1)}`;
  const latest = `${m[1]}-${pad(month ?? 12)}-${pad(days ? days[1] : daysIn(year, month ?? 12))}`;
  return {
    value: text,
    ...(unspecified ? { unspecified } : {}),
    precision: days ? 'day' : month !== undefined ? 'month' : 'year',
    approximate: flag === '~' || flag === '%',
    uncertain: flag === '?' || flag === '%',
    earliest,
    latest,
  };
}

/** The first and last day a day field stands for: `21` → 21–21, `2X` → 20–29, `XX` → the whole month. */
function dayRange(field: string, last: number): [number, number] | undefined {
  if (field === 'XX') return [1, last];
  if (field.endsWith('X')) {
    const tens = Number(field[0]) * 10;
    return [Math.max(tens, 1), Math.min(tens + 9, last)];
  }
  const day = Number(field);
  return day >= 1 && day <= last ? [day, day] : undefined;
}

/** Parse an EDTF subset: `YYYY[-MM[-DD]][~?%]`, `A/B` ranges, or `unknown`. Returns an error message on failure. */
export function parseFuzzyDate(input: string): FuzzyDate | string {
  const text = input.trim();
  if (text === 'unknown') return { value: text, precision: 'unknown', approximate: false, uncertain: false };
  if (text.includes('/')) {
    const [from, to, extra] = text.split('/');
    if (extra !== undefined || !from || !to) return `\`${text}\` is not a range: write START/END, e.g. 2025-11-21/2025-11-24`;
    const a = parseSingle(from);
    const b = parseSingle(to);
    if (typeof a === 'string') return a;
    if (typeof b === 'string') return b;
    if (a.earliest! > b.latest!) return `the range \`${text}\` ends before it starts`;
    return {
      value: text,
      precision: 'range',
      approximate: a.approximate || b.approximate,
      uncertain: a.uncertain || b.uncertain,
      earliest: a.earliest!,
      latest: b.latest!,
    };
  }
  return parseSingle(text);
}

/** A reader-facing label for a date, honest about its precision ("April 2025", "about November 2025"). */
export function describeDate(date: FuzzyDate): string {
  if (date.precision === 'unknown' || !date.earliest) return 'Undated';
  const part = (single: FuzzyDate, end: 'earliest' | 'latest'): string => {
    const [y, m, d] = single[end]!.split('-').map(Number) as [number, number, number];
    if (single.precision === 'year') return String(y);
    if (single.precision === 'month') return `${MONTHS[m - 1]} ${y}`;
    if (single.unspecified) return `${Number(single.earliest!.slice(8))}–${Number(single.latest!.slice(8))} ${MONTHS[m - 1]} ${y}`;
    return `${d} ${MONTHS[m - 1]} ${y}`;
  };
  let label: string;
  if (date.precision === 'range') {
    const [from, to] = date.value.split('/') as [string, string];
    label = `${part(parseSingle(from) as FuzzyDate, 'earliest')} – ${part(parseSingle(to) as FuzzyDate, 'latest')}`;
  } else label = part(date, 'earliest');
  if (date.approximate) label = `about ${label}`;
  if (date.uncertain) label = `${label} (uncertain)`;
  return label;
}

/** Compare two dates for a timeline: undated last, then by earliest possible day, then by latest. */
export function compareFuzzyDates(a: FuzzyDate, b: FuzzyDate): number {
  if (!a.earliest || !b.earliest) return (a.earliest ? 0 : 1) - (b.earliest ? 0 : 1);
  return a.earliest.localeCompare(b.earliest) || a.latest!.localeCompare(b.latest!);
}

/**
 * One label for the span several dates cover, from the start of the earliest to the end of the latest: "20–29
 * November 2025 – 22 December 2025 (uncertain)" for sources reporting from late November to 22 December.
 * Approximate or uncertain if any of them is.
 */
export function describeSpan(dates: readonly FuzzyDate[]): string {
  const known = [...new Map(dates.filter((d) => d.earliest).map((d) => [d.value, d])).values()];
  if (known.length === 0) return 'Undated';
  if (known.length === 1) return describeDate(known[0]!);
  const first = known.reduce((a, b) => (compareFuzzyDates(b, a) < 0 ? b : a));
  const last = known.reduce((a, b) => (b.latest! > a.latest! ? b : a));
  const bare = (text: string) => text.replace(/[~?%]$/, '');
  const start = bare(first.value.split('/')[0]!);
  const end = bare(last.value.split('/').at(-1)!);
  const approximate = known.some((d) => d.approximate);
  const uncertain = known.some((d) => d.uncertain);
  const flag = approximate && uncertain ? '%' : approximate ? '~' : uncertain ? '?' : '';
  const span = parseFuzzyDate(start === end ? `${start}${flag}` : `${start}/${end}${flag}`);
  return typeof span === 'string' ? known.map(describeDate).join(' and ') : describeDate(span);
}
