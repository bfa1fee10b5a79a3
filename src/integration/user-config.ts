/**
 * The options of the `backchannel()` integration, validated with zod. Everything a dossier says about itself (its
 * name, what it covers, where its repository is, its licence) is given here or written in its content folder; the
 * engine in `src/` holds no word of any one dossier. Documented for users in docs/configuration.md.
 */
import { AstroError } from 'astro/errors';
import { z } from 'zod';
import { CLAIMS_PER_INDEX, PAGES_PER_INDEX } from '../lib/search-types.ts';

const RepositorySchema = z.strictObject({
  /** The repository's web address, e.g. `https://github.com/newsroom/dossier`. */
  url: z.url({ protocol: /^https?$/ }),
  /** The branch contributors edit. */
  branch: z.string().min(1).default('main'),
  /**
   * Where a content file is opened in the repository's web editor: the file's project-relative path is appended.
   * Defaults to GitHub's editor, `<url>/edit/<branch>/`.
   */
  editBase: z.url({ protocol: /^https?$/ }).optional(),
  /** Where a reader reports an error: a new-issue form. Defaults to GitHub's, `<url>/issues/new`. */
  issues: z.url({ protocol: /^https?$/ }).optional(),
});

export const UserConfigSchema = z.strictObject({
  /** The dossier's name: the header, every page's title, the feed. */
  title: z.string().trim().min(1).max(80),
  /** A phrase after the title in the home page's title, e.g. `The Wrenmouth footbridge dispute, 2025`. */
  tagline: z.string().trim().min(1).max(160),
  /** One sentence on what the dossier covers: the home page's description and the footer. */
  description: z.string().trim().min(1).max(400),
  /**
   * A short noun phrase naming the subject, used inside generated page descriptions ("12 episodes of {subject} in
   * order"), e.g. `the harbour dispute`.
   */
  subject: z.string().trim().min(1).max(120),
  /** The content folder, relative to the project root. */
  contentDir: z.string().min(1).default('content'),
  /** The repository behind "Edit this page" and "Report an error"; without it, neither link is shown. */
  repository: RepositorySchema.optional(),
  /** The licence lines shown in every page's footer. */
  licence: z.array(z.string().trim().min(1)).default([]),
  /** The site's language (BCP 47): the pages' `lang` and Pagefind's stemming. */
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as `en` or `en-GB`')
    .default('en'),
  /**
   * How a build writes the claim permalink pages: `template` (the default) has Astro render one claim page as a
   * template and fills it in for every claim, several times faster on a large dossier; `astro` has Astro render every
   * one. Both give the same bytes (tested). `astro dev` always renders each page when it is asked for.
   */
  claimPages: z.enum(['template', 'astro']).default('template'),
  /**
   * The most claims one search index holds. A dossier with more claims gets one index per this many, which the
   * search page merges: Pagefind takes time quadratic in the records of one index to build it. The default suits
   * every dossier; a smaller number only makes search load more files.
   */
  claimsPerSearchIndex: z.int().min(1).default(CLAIMS_PER_INDEX),
  /**
   * The most people, episode, source and discrepancy pages one search index holds. A dossier with more gets one index
   * per this many, which the search page merges: Pagefind takes longer per page to build a larger index. The default
   * suits every dossier; a smaller number only makes search load more files.
   */
  pagesPerSearchIndex: z.int().min(1).default(PAGES_PER_INDEX),
});

/** The options as a user writes them in astro.config.mjs. */
export type BackchannelUserConfig = z.input<typeof UserConfigSchema>;
/** The options after validation, with defaults filled in. */
export type BackchannelConfig = z.output<typeof UserConfigSchema>;

/** Validate the integration's options; an `AstroError` naming every bad option otherwise. */
export function parseUserConfig(options: unknown): BackchannelConfig {
  const parsed = UserConfigSchema.safeParse(options ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `- \`${issue.path.join('.') || '(options)'}\`: ${issue.message}`);
  throw new AstroError(
    'Invalid options passed to the backchannel() integration',
    `${problems.join('\n')}\n\nSee docs/configuration.md for every option.`,
  );
}
