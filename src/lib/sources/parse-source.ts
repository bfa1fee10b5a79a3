/** Parse one `content/sources/<slug>.md` file: validate metadata, verify the hash, find paragraphs and furniture. */
import { createHash } from 'node:crypto';
import { Reporter, type Diagnostic } from '../diagnostics.ts';
import { parseFrontmatter, splitFrontmatter, toLf, type FrontmatterOptions, type ParsedFrontmatter } from '../frontmatter.ts';
import { validateFrontmatter } from '../frontmatter-schema.ts';
import { checkControlCharacters } from '../text-rules.ts';
import { normalizeWithMap, normalize, wordMatches, type NormalizedText } from '../normalize.ts';
import { parseFuzzyDate, type FuzzyDate } from '../dates.ts';
import { splitParagraphs, type TextSpan } from './paragraphs.ts';
import { sourceFieldHints, sourceSchema, type SourceMeta } from './source-schema.ts';

export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

export type ParagraphKind = 'text' | 'heading' | 'furniture';

export interface FurnitureSpan extends TextSpan {
  kind: string;
  citable: boolean;
  reason?: string;
}

export interface SourceParagraph extends TextSpan {
  id: string;
  /** 1-based position. */
  n: number;
  /** The paragraph's text, whitespace-trimmed, as stored. */
  text: string;
  kind: ParagraphKind;
  /** Furniture inside this paragraph (whole or part), offsets relative to the article text. */
  furniture: FurnitureSpan[];
}

export interface Source {
  slug: string;
  /** Project-relative path. */
  file: string;
  meta: SourceMeta;
  published: FuzzyDate;
  /** When the reporting it carries was done: `reported.date`, else the published date. */
  reported: FuzzyDate;
  /** The article text: the file after the frontmatter, BOM removed and line endings as LF. */
  text: string;
  /** Line in the file where the article text starts. */
  textLine: number;
  sha256: string;
  paragraphs: SourceParagraph[];
  furniture: FurnitureSpan[];
  normalized: NormalizedText;
}

/**
 * SHA-256 (hex) of an article text's UTF-8 bytes, after removing a BOM and normalising line endings to LF. A source
 * must be valid UTF-8 to be read at all (verify/decode-content.ts), so the text stands for its bytes one to one:
 * changing any byte of the body changes this hash, even one that no text editor shows.
 */
export function hashText(text: string): string {
  return createHash('sha256').update(toLf(text), 'utf8').digest('hex');
}

/** Every occurrence of `passage` in a normalised text (whole words only), as original offsets. */
export function findPassages(normalized: NormalizedText, passage: string): TextSpan[] {
  const needle = normalize(passage);
  return [...wordMatches(normalized.text, needle)].map((at) => ({
    start: normalized.starts[at]!,
    end: normalized.ends[at + needle.length - 1]!,
  }));
}

/** The first occurrence of `passage` in a normalised text, or undefined. */
export function findPassage(normalized: NormalizedText, passage: string): TextSpan | undefined {
  return findPassages(normalized, passage)[0];
}

/** Parse a source file's raw text. Returns the source (if usable) and every problem found. */
export function parseSource(
  raw: string,
  file: string,
  slug: string,
  options: FrontmatterOptions = {},
): { source?: Source; diagnostics: Diagnostic[] } {
  const reporter = new Reporter(file);
  const read = readMeta(raw, reporter, options);
  if (!read) return { diagnostics: reporter.diagnostics };
  const { lf, split, parsed, meta } = read;
  const text = split.body;
  const textLine = lf.slice(0, split.bodyOffset).split('\n').length;
  const sha256 = hashText(text);
  if (sha256 !== meta.sha256) {
    reporter.error(
      'source-hash-mismatch',
      'The article text does not match its recorded sha256: it was edited or damaged',
      parsed.locate(['sha256']),
      `The text now hashes to ${sha256}. Sources are kept verbatim: restore the original text, or, if the new text is the real article, set sha256 to that value.`,
    );
  }
  const published = readDate(meta.published.date, ['published', 'date'], parsed, reporter);
  const reported = meta.reported ? readDate(meta.reported.date, ['reported', 'date'], parsed, reporter) : published;
  if (meta.reprint && !meta.basedOn)
    reporter.error(
      'frontmatter-invalid',
      '`reprint: true` needs `basedOn`: the outlet whose article this text republishes',
      parsed.locate(['reprint']),
      'Add basedOn: <the outlet> (e.g. POLITICO), or remove `reprint` if the text retells the story in its own words.',
    );
  const normalized = normalizeWithMap(text);
  const rawParagraphs = splitParagraphs(text, meta.paragraphs ?? 'lines');
  const furniture = locateFurniture(meta, normalized, rawParagraphs, parsed, reporter);
  const paragraphs = classifyParagraphs(meta, rawParagraphs, furniture, parsed, reporter);
  // Even a source with errors is returned, so that citations of it are still checked.
  return {
    source: { slug, file, meta, published, reported, text, textLine, sha256, paragraphs, furniture, normalized },
    diagnostics: reporter.diagnostics,
  };
}

const UNDATED: FuzzyDate = { value: 'unknown', precision: 'unknown', approximate: false, uncertain: false };

/** A frontmatter date, or undated (reported) when it is not in the EDTF subset. */
function readDate(value: string, path: string[], parsed: ParsedFrontmatter, reporter: Reporter): FuzzyDate {
  const date = parseFuzzyDate(value);
  if (typeof date !== 'string') return date;
  reporter.error(
    'invalid-date',
    `Invalid date in \`${path.join('.')}\`: ${date}`,
    parsed.locate(path),
    'Use YYYY, YYYY-MM or YYYY-MM-DD with an optional ~ or ?, a range A/B, or `unknown`.',
  );
  return UNDATED;
}

/** The text (LF), its frontmatter and the validated metadata; undefined (reported) when there is no usable metadata. */
function readMeta(raw: string, reporter: Reporter, options: FrontmatterOptions) {
  if (Buffer.byteLength(raw, 'utf8') > MAX_SOURCE_BYTES) {
    reporter.error(
      'source-too-large',
      `Source is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB`,
      undefined,
      'Split the article or keep only its text; page chrome can go.',
    );
    return undefined;
  }
  const lf = toLf(raw);
  if (checkControlCharacters(lf, reporter)) return undefined;
  const split = splitFrontmatter(lf);
  if (!split.hasFrontmatter) {
    reporter.error(
      'frontmatter-missing',
      'Source has no YAML frontmatter',
      undefined,
      'Start the file with `---`, the metadata (title, publisher, published, language, sha256), `---`, then the article text.',
    );
    return undefined;
  }
  const parsed = parseFrontmatter(split, reporter, options);
  const meta = parsed && validateFrontmatter(sourceSchema, parsed, reporter, sourceFieldHints);
  return parsed && meta ? { lf, split, parsed, meta } : undefined;
}

/** Where each `furniture` passage is in the text, in text order; a passage not found is reported. */
function locateFurniture(
  meta: SourceMeta,
  normalized: NormalizedText,
  paragraphs: readonly TextSpan[],
  parsed: ParsedFrontmatter,
  reporter: Reporter,
): FurnitureSpan[] {
  const paragraphStarts = new Set(paragraphs.map((p) => p.start));
  const paragraphEnds = new Set(paragraphs.map((p) => p.end));
  const furniture: FurnitureSpan[] = [];
  (meta.furniture ?? []).forEach((item, i) => {
    // Page chrome usually fills whole lines: prefer an occurrence that does ("Follow" the menu item, not "follow-up").
    const spans = findPassages(normalized, item.text);
    const span = spans.find((s) => paragraphStarts.has(s.start) && paragraphEnds.has(s.end)) ?? spans[0];
    if (!span) {
      reporter.error(
        'furniture-not-found',
        `Furniture passage ${i + 1} (${item.kind}) does not occur in the text`,
        parsed.locate(['furniture', i, 'text']),
        'Copy the passage exactly from the article text below the frontmatter (line breaks and spacing may differ).',
      );
      return;
    }
    furniture.push({ ...span, kind: item.kind, citable: item.citable ?? false, ...(item.reason ? { reason: item.reason } : {}) });
  });
  return furniture.sort((a, b) => a.start - b.start);
}

/** Each paragraph with its number, kind (text, heading, furniture) and furniture; a heading not found is reported. */
function classifyParagraphs(
  meta: SourceMeta,
  rawParagraphs: readonly (TextSpan & { id: string; text: string })[],
  furniture: readonly FurnitureSpan[],
  parsed: ParsedFrontmatter,
  reporter: Reporter,
): SourceParagraph[] {
  const headingSet = new Map((meta.headings ?? []).map((h, i) => [normalize(h), i]));
  const foundHeadings = new Set<number>();
  const paragraphs = rawParagraphs.map((p, i): SourceParagraph => {
    const inside = furniture.filter((f) => f.start < p.end && f.end > p.start);
    const whollyFurniture = coveredBy(p, inside);
    // Normalising every paragraph is a third of parsing a source: only when there are headings to find.
    const heading = headingSet.size > 0 ? headingSet.get(normalize(p.text)) : undefined;
    if (heading !== undefined) foundHeadings.add(heading);
    const kind: ParagraphKind = whollyFurniture ? 'furniture' : heading !== undefined ? 'heading' : 'text';
    return { ...p, n: i + 1, kind, furniture: inside };
  });
  headingSet.forEach((i, h) => {
    if (!foundHeadings.has(i))
      reporter.error(
        'heading-not-found',
        `Heading ${i + 1} is not a paragraph of the text: “${h}”`,
        parsed.locate(['headings', i]),
        'A heading must be a whole line of the article, copied exactly.',
      );
  });
  return paragraphs;
}

function coveredBy(span: TextSpan, ranges: readonly TextSpan[]): boolean {
  let at = span.start;
  for (const r of ranges) {
    if (r.start > at) break;
    at = Math.max(at, r.end);
  }
  return at >= span.end;
}
