/**
 * One descriptor per page collection: its schema, which frontmatter facts are citations, which fields name other
 * pages, and the rules of its own. The page pipeline (page/process-page.ts) is the same for all three; nothing
 * else says `collection === …`.
 */
import type { z } from 'zod';
import { parseFuzzyDate, type FuzzyDate } from '../dates.ts';
import type { Position, Reporter } from '../diagnostics.ts';
import type { ClaimStatus } from '../pages/content-rules.ts';
import type { Citation, DiscrepancyPage, EpisodePage, PageBase, PersonPage, ProsePage } from '../model.ts';
import {
  discrepancySchema,
  episodeSchema,
  pageFieldHints,
  personSchema,
  type CitedFact,
  type DiscrepancyMeta,
  type EpisodeMeta,
  type PageCollection,
  type PersonMeta,
  type ProseMeta,
  proseSchema,
} from '../pages/page-schemas.ts';
import { RESERVED_TOP_LEVEL } from './site-index.ts';

/** A frontmatter fact that cites a source: its key in `Page.facts`, the fact, and where it is in the YAML. */
export interface FrontmatterFact {
  key: string;
  fact: CitedFact;
  path: PropertyKey[];
}

/** A frontmatter field that names a person or an episode page. */
export interface FrontmatterReference {
  kind: 'person' | 'episode';
  slug: string;
  path: PropertyKey[];
}

/** What a collection's own rules see: the page's slug and citations, where frontmatter values are, and the reporter. */
export interface RuleInput {
  slug: string;
  references: readonly Citation[];
  /** The page's claims: id, status and where each starts. */
  claims: readonly { id: string; status: ClaimStatus; at: Position }[];
  locate(path: readonly PropertyKey[]): Position;
  reporter: Reporter;
}

/** A page collection, described. `X` is what its rules derive from the frontmatter (an episode's parsed date). */
export interface PageCollectionSpec<C extends PageCollection, M extends { summary: string }, X> {
  collection: C;
  schema: z.ZodType<M>;
  fieldHints: Record<string, string>;
  /** The frontmatter facts that are citations, in page order: they take the first reference numbers. */
  facts(meta: M): FrontmatterFact[];
  /** The frontmatter fields that name other pages, in the order their errors are reported. */
  references(meta: M): FrontmatterReference[];
  /** Who the claims of page `slug` are about without saying so (a person page's own subject). */
  subjects(slug: string): string[];
  /** Whether the page's claims are the sides of one disagreement (a `disputed` side needs no other side within it). */
  sides?(meta: M): boolean;
  /** The collection's own rules; returns what they derive, or undefined when one failed (the page is not built). */
  derive(meta: M, input: RuleInput): X | undefined;
  /** The typed page. */
  page(base: PageBase, meta: M, derived: X): Extract<PersonPage | EpisodePage | DiscrepancyPage | ProsePage, { collection: C }>;
}

const listed = (kind: FrontmatterReference['kind'], field: string, slugs: readonly string[] | undefined): FrontmatterReference[] =>
  (slugs ?? []).map((slug, i) => ({ kind, slug, path: [field, i] }));

export const people: PageCollectionSpec<'people', PersonMeta, object> = {
  collection: 'people',
  schema: personSchema,
  fieldHints: pageFieldHints,
  facts: (meta) => [
    ...meta.roles.map((fact, i) => ({ key: `roles.${i}`, fact, path: ['roles', i] })),
    ...(meta.aliases ?? []).map((fact, i) => ({ key: `aliases.${i}`, fact, path: ['aliases', i] })),
  ],
  references: () => [],
  subjects: (slug) => [slug],
  derive: () => ({}),
  page: (base, meta) => ({ ...base, collection: 'people', meta }),
};

export const episodes: PageCollectionSpec<'episodes', EpisodeMeta, { date: FuzzyDate; reported?: FuzzyDate }> = {
  collection: 'episodes',
  schema: episodeSchema,
  fieldHints: pageFieldHints,
  facts: (meta) => [
    { key: 'date', fact: meta.date, path: ['date'] },
    ...(meta.reported?.quotes ?? []).map((fact, i) => ({ key: `reported.${i}`, fact, path: ['reported', 'quotes', i] })),
  ],
  references: (meta) => [...listed('person', 'participants', meta.participants), ...listed('episode', 'related', meta.related)],
  subjects: () => [],
  // invalid-date: the timeline sorts by the date, so an episode without a valid one is not built.
  derive: (meta, { locate, reporter }) => {
    const date = parseFuzzyDate(meta.date.value);
    const reported = meta.reported ? parseFuzzyDate(meta.reported.value) : undefined;
    if (typeof date === 'string') reporter.error('invalid-date', `Invalid date: ${date}`, locate(['date', 'value']), pageFieldHints.value);
    if (typeof reported === 'string')
      reporter.error('invalid-date', `Invalid date in \`reported\`: ${reported}`, locate(['reported', 'value']), pageFieldHints.value);
    if (typeof date === 'string' || typeof reported === 'string') return undefined;
    return { date, ...(reported ? { reported } : {}) };
  },
  page: (base, meta, { date, reported }) => ({ ...base, collection: 'episodes', meta, date, ...(reported ? { reported } : {}) }),
};

export const discrepancies: PageCollectionSpec<'discrepancies', DiscrepancyMeta, object> = {
  collection: 'discrepancies',
  schema: discrepancySchema,
  fieldHints: pageFieldHints,
  facts: () => [],
  references: (meta) => [...listed('person', 'about', meta.about), ...listed('episode', 'episodes', meta.episodes)],
  subjects: () => [],
  sides: (meta) => meta.nature === 'disagreement',
  // discrepancy-one-sided: two sides are two different passages, usually from two sources (one may contradict itself).
  // status-not-observed (a warning): a page of what the texts say reports nothing as having happened.
  derive: (meta, { references, claims, reporter }) => {
    if (meta.nature === 'observation')
      for (const claim of claims)
        if (claim.status !== 'observed')
          reporter.warn(
            'status-not-observed',
            `Claim \`${claim.id}\` is \`${claim.status}\` on a page of what the texts say (nature: observation)`,
            claim.at,
            'A textual observation says what the texts say, not what happened: status="observed". If the sources disagree about what happened, the page is nature: disagreement.',
          );
    const passages = new Set(references.map((r) => `${r.source}:${r.start}`));
    if (passages.size < 2)
      reporter.error(
        'discrepancy-one-sided',
        'A discrepancy needs at least two citations of different passages, one for each side',
        { line: 1, column: 1 },
        'Cite each side of the disagreement in its own <Claim>, quoting the passages that disagree.',
      );
    return {};
  },
  page: (base, meta) => ({ ...base, collection: 'discrepancies', meta }),
};

export const pages: PageCollectionSpec<'pages', ProseMeta, object> = {
  collection: 'pages',
  schema: proseSchema,
  fieldHints: pageFieldHints,
  facts: () => [],
  references: () => [],
  subjects: () => [],
  // page-slug-reserved: a prose page sits at the top of the site, where the engine's own pages are.
  derive: (_meta, { slug, reporter }) => {
    if (!RESERVED_TOP_LEVEL.has(slug)) return {};
    reporter.error(
      'page-slug-reserved',
      `A page named \`${slug}\` would take the address /${slug}/, which the site's own pages use`,
      { line: 1, column: 1 },
      `Rename the file: any kebab-case name but ${[...RESERVED_TOP_LEVEL].sort().join(', ')}.`,
    );
    return undefined;
  },
  page: (base, meta) => ({ ...base, collection: 'pages', meta }),
};

/** Which collection's pages a kind of reference names. */
export const REFERENCED_COLLECTION: Record<FrontmatterReference['kind'], PageCollection> = { person: 'people', episode: 'episodes' };
