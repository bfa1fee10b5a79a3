/** Strict frontmatter schemas of the hand-written collections: people, episodes, discrepancies. */
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case slug');
const citedFact = { source: slug, quote: z.string().min(1) };

export const roleSchema = z.strictObject({
  title: z.string().min(1),
  organisation: z.string().min(1).optional(),
  from: z.string().min(1).optional(),
  to: z.string().min(1).optional(),
  ...citedFact,
});

export const aliasSchema = z.strictObject({ name: z.string().min(1), ...citedFact });

export const personSchema = z.strictObject({
  name: z.string().min(1),
  summary: z.string().min(1),
  roles: z.array(roleSchema),
  aliases: z.array(aliasSchema).optional(),
});

export const episodeDateSchema = z.strictObject({
  value: z.string().min(1),
  label: z.string().min(1),
  note: z.string().min(1).optional(),
  ...citedFact,
});

export const episodeSchema = z.strictObject({
  title: z.string().min(1),
  date: episodeDateSchema,
  place: z.string().min(1).optional(),
  participants: z.array(slug),
  related: z.array(slug).optional(),
  summary: z.string().min(1),
});

export const discrepancyKinds = ['name', 'date', 'number', 'wording', 'account', 'translation', 'attribution'] as const;

export const discrepancySchema = z.strictObject({
  title: z.string().min(1),
  kind: z.enum(discrepancyKinds),
  about: z.array(slug).optional(),
  episodes: z.array(slug).optional(),
  summary: z.string().min(1),
});

export type PersonMeta = z.infer<typeof personSchema>;
export type EpisodeMeta = z.infer<typeof episodeSchema>;
export type DiscrepancyMeta = z.infer<typeof discrepancySchema>;

export const collections = ['people', 'episodes', 'discrepancies'] as const;
export type PageCollection = (typeof collections)[number];
export type Collection = PageCollection | 'sources';

export const pageSchemas = { people: personSchema, episodes: episodeSchema, discrepancies: discrepancySchema } as const;

export const pageFieldHints: Record<string, string> = {
  source: 'A source slug: a file name in content/sources/ without `.md`.',
  quote: 'Words copied from that source (at least 4).',
  participants: 'A list of person slugs, e.g. [steve-witkoff, marco-rubio].',
  value: 'An EDTF date: 2025, 2025-04, 2025-08-15, 2025-11~, 2025-11-21/2025-11-24 or unknown.',
};
