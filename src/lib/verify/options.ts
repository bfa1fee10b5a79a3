/** The verifier's options, as callers give them and as every stage (and worker) reads them. */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { normalizeBase, type UrlBase } from '../url-base.ts';

/** How to verify a dossier: what `npm run check`, `check --changed`, the build and the dev server pass. */
export interface VerifyOptions {
  /** Project root; diagnostics' `file` are relative to it, with forward slashes. */
  root: string;
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Render page and claim HTML (default true); `npm run check` passes false and gets the same verdict. */
  render?: boolean;
  /**
   * URL base the site is served under: `/` (default) or e.g. `/dossier/`. Rendered HTML carries it (links, citation
   * marks, status badges, images); the model's paths (`Page.url`, `Claim.pageUrl`, `Citation.url`) do not, and
   * links in content are checked as authors write them, base-free (`/people/x/`).
   */
  base?: string;
  /** Worker threads for the pages: default from the CPU count and the dossier's size; 0 = main thread only. */
  workers?: number;
  /**
   * Read pages and frontmatter with the fast subset readers where they apply (default true). False reads every page
   * with micromark and every frontmatter with `yaml`, which give the same result more slowly (the tests compare).
   */
  fastParsers?: boolean;
  /**
   * Ask git which file introduced a claim id that two files use, so the newcomer is the one reported (default true;
   * only asked when there is a duplicate, and file order decides outside a git work tree).
   */
  history?: boolean;
  /** Folder of the site's static files (images may only come from there); default `<root>/public`. */
  publicDir?: string;
}

/** What processing one page needs to know; sent to each worker as it is. */
export interface PageOptions {
  render: boolean;
  base: UrlBase;
  fastParsers: boolean;
}

/** The options with every default filled in. */
export interface ResolvedOptions extends PageOptions {
  root: string;
  contentDir: string;
  workers: number | undefined;
  history: boolean;
  publicDir: string;
}

/** Fill in the defaults; throws on a bad base or worker count (a caller's mistake, not the content's). */
export function resolveOptions(options: VerifyOptions): ResolvedOptions {
  const { workers } = options;
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0))
    throw new Error(`workers must be a whole number ≥ 0, not ${String(workers)}`);
  return {
    root: options.root,
    contentDir: options.contentDir,
    render: options.render ?? true,
    base: normalizeBase(options.base),
    fastParsers: options.fastParsers ?? true,
    workers,
    history: options.history ?? true,
    publicDir: options.publicDir ?? join(options.root, 'public'),
  };
}

/** Below this many pages, starting a worker (loading the parser again) costs more than it saves. */
export const PARALLEL_THRESHOLD = 2500;

/** How many worker threads to use for `pages` pages: one per CPU beyond the main thread, none for a small dossier. */
export function workerCount(pages: number, asked: number | undefined, cpus = availableParallelism()): number {
  if (asked !== undefined) return Math.min(asked, Math.max(pages - 1, 0));
  return pages < PARALLEL_THRESHOLD ? 0 : Math.max(0, Math.min(cpus - 1, 7));
}
