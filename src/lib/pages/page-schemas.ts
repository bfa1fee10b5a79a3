/** Strict frontmatter schemas of the hand-written collections: people, episodes, discrepancies, prose pages. */
import { z } from 'zod';
import { MAX_QUOTE_CHARS } from './content-rules.ts';

/** Longest strings a frontmatter field takes: a 480 KB name once grew the built site sevenfold. */
export const FIELD_LIMITS = { slug: 100, short: 200, long: 2_000, list: 200 } as const;

/** A list field, no longer than a page can use (each entry of some is a citation to verify). */
export const list = <T extends z.ZodType>(item: T) => z.array(item).max(FIELD_LIMITS.list);

export const slugSchema = z
  .string()
  .max(FIELD_LIMITS.slug)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case slug');
const slug = slugSchema;
const short = z.string().min(1).max(FIELD_LIMITS.short);
const long = z.string().min(1).max(FIELD_LIMITS.long);
const citedFact = {
  source: slug,
  quote: z.string().min(1).max(MAX_QUOTE_CHARS),
  /** Which occurrence of a quote that occurs more than once in its source (1-based). */
  occurrence: z.number().int().min(1).optional(),
};

export const roleSchema = z.strictObject({
  title: short,
  organisation: short.optional(),
  from: short.optional(),
  to: short.optional(),
  ...citedFact,
});

export const aliasSchema = z.strictObject({ name: short, ...citedFact });

export const personSchema = z.strictObject({
  name: short,
  summary: long,
  roles: list(roleSchema),
  aliases: list(aliasSchema).optional(),
});

export const episodeDateSchema = z.strictObject({
  value: short,
  label: short,
  note: long.optional(),
  ...citedFact,
});

/** When the sources report an episode, which may be months after it happened: a date, its label, and why. */
export const reportedSchema = z.strictObject({
  /** EDTF (see `dates.ts`), or `unknown` when the texts give no date; `note` then says why. */
  value: short,
  label: short,
  /** The reasoning: which words of which source date the reporting, or why no date can be given. */
  note: long,
  /** The passages the date rests on, when there are any. */
  quotes: list(z.strictObject(citedFact)).optional(),
});

export const episodeSchema = z.strictObject({
  title: short,
  date: episodeDateSchema,
  reported: reportedSchema.optional(),
  place: short.optional(),
  participants: list(slug),
  related: list(slug).optional(),
  summary: long,
});

export const discrepancyKinds = ['name', 'date', 'number', 'wording', 'account', 'translation', 'attribution'] as const;

/**
 * What a discrepancy page shows: a disagreement between sources about what happened, or an observation about the
 * texts themselves (a variant spelling, a garbled sentence, two wordings of one quote, different counts of sources).
 */
export const discrepancyNatures = ['disagreement', 'observation'] as const;
export type DiscrepancyNature = (typeof discrepancyNatures)[number];
export const natureLabels: Record<DiscrepancyNature, string> = {
  disagreement: 'A disagreement about what happened',
  observation: 'What the texts say',
};

export const discrepancySchema = z.strictObject({
  title: short,
  nature: z.enum(discrepancyNatures),
  kind: z.enum(discrepancyKinds),
  about: list(slug).optional(),
  episodes: list(slug).optional(),
  summary: long,
});

/** A prose page of the site (`content/pages/about.mdx` → /about/; `index.mdx` is the home page's introduction). */
export const proseSchema = z.strictObject({
  title: short,
  summary: long,
});

export type PersonMeta = z.infer<typeof personSchema>;
export type EpisodeMeta = z.infer<typeof episodeSchema>;
export type DiscrepancyMeta = z.infer<typeof discrepancySchema>;
export type ProseMeta = z.infer<typeof proseSchema>;
/** A frontmatter fact that cites its source, as every schema above writes it. */
export type CitedFact = { source: string; quote: string; occurrence?: number | undefined };

export const collections = ['people', 'episodes', 'discrepancies', 'pages'] as const;
export type PageCollection = (typeof collections)[number];
export type Collection = PageCollection | 'sources';

export const pageFieldHints: Record<string, string> = {
  source: 'A source slug: a file name in content/sources/ without `.md`.',
  quote: 'Words copied from that source (at least 4).',
  participants: 'A list of person slugs, e.g. [jane-doe, john-roe].',
  value: 'An EDTF date: 2025, 2025-04, 2025-08-15, 2025-11~, 2025-11-2X, 2025-11-21/2025-11-24 or unknown.',
  reported: 'A mapping with `value` (EDTF or unknown), `label`, `note` (why) and optional `quotes` (source and quote each).',
  nature:
    'Either `disagreement` (the sources disagree about what happened) or `observation` (what the texts say: a spelling, a wording, a garble).',
  occurrence: 'Which occurrence of the quote in its source to cite, counting from 1.',
};
