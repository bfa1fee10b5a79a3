/** The strict frontmatter schema of `content/sources/<slug>.md`. */
import { z } from 'zod';
import { FIELD_LIMITS, list } from '../pages/page-schemas.ts';

const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a BCP 47 language tag such as `en` or `uk`');
const short = z.string().min(1).max(FIELD_LIMITS.short);
const long = z.string().min(1).max(FIELD_LIMITS.long);
/** Headlines and furniture passages are copied from the article, so they may be longer than a label. */
const passage = (max: number) => z.string().min(1).max(max);

export const furnitureSchema = z.strictObject({
  /** What the passage is: "photo caption and credit", "cookie notice", … */
  kind: short,
  /** The exact passage as it appears in the text (whitespace may differ). */
  text: passage(10_000),
  /** Page chrome that nevertheless carries reportable content (a teaser): citable, and labelled as such. */
  citable: z.boolean().optional(),
  reason: long.optional(),
});

export const sourceSchema = z.strictObject({
  title: passage(500),
  /** The outlet that published this text; `null` when the page does not identify it. */
  publisher: short.nullable(),
  published: z.strictObject({
    /** EDTF subset, see `dates.ts`: `2025-12-22?`, `2025-11`, `unknown`. */
    date: short,
    basis: long.optional(),
  }),
  language,
  translatedFrom: language.optional(),
  /** The original reporting this text repeats (the outlet whose story it retells or republishes). */
  basedOn: short.optional(),
  /** The short name readers see for this source (tables, references, previews), and the one claim text calls it by. */
  shortName: short.optional(),
  /**
   * The text is the `basedOn` outlet's own, republished as it was (not retold): its uncredited sentences are that
   * outlet's own reporting. A rewrite's uncredited sentences are the rewrite's own.
   */
  reprint: z.boolean().optional(),
  /** When the reporting this text carries was done, when it is not the date the text was published. */
  reported: z
    .strictObject({
      /** EDTF subset, see `dates.ts`. */
      date: short,
      basis: long,
    })
    .optional(),
  /** `lines`: every non-blank line is a paragraph; `blocks`: paragraphs are separated by blank lines. */
  paragraphs: z.enum(['lines', 'blocks']).optional(),
  headings: list(passage(500)).optional(),
  furniture: list(furnitureSchema).optional(),
  notes: list(long).optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits'),
});

export type SourceMeta = z.infer<typeof sourceSchema>;
export type Furniture = z.infer<typeof furnitureSchema>;

export const sourceFieldHints: Record<string, string> = {
  title: 'The headline (or first sentence when the page has none).',
  shortName:
    'A short name for readers, such as `Translated retelling`; claim text refers to the source by it (“the translated retelling”).',
  publisher: 'The outlet that published this text, or `null` when the page does not say.',
  published: 'A mapping with `date` (e.g. `2025-12-22?`, `2025-11`, `unknown`) and `basis` (why).',
  reported: 'A mapping with `date` (the reporting’s date, e.g. `2025-08~`) and `basis` (the words that date it).',
  reprint: '`true` when the text is the `basedOn` outlet’s own article republished as it was.',
  language: 'A language tag such as `en`.',
  sha256: 'Run `npm run new -- source <file>` or `sha256sum` on the text after the frontmatter.',
};
