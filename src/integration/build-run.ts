/**
 * One `astro build` of a dossier: its verification, started as soon as Astro has its config; its output, written
 * into a staging folder beside the output folder and moved into place only once every integration's
 * `astro:build:done` has succeeded (out-dir.ts); and its search index. A build that fails or is interrupted leaves
 * the previous output untouched, and removes its staging and views folders when it exits.
 */
import type { AstroIntegrationLogger } from 'astro';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitStaging, removeStale, removeStaleWork, stagingDir } from './out-dir.ts';
import { startVerification, type Verification } from './verification.ts';
import { indexPages, writeClaimsIndex } from './pagefind.ts';
import { ClaimPages } from './claim-pages.ts';
import { SEARCH_COLLECTION } from './verify-process.ts';
import { pagesIndexPaths, searchedPageCount } from '../lib/search-types.ts';
import { openViewStore } from '../lib/views/view-store.ts';
import type { SearchRecord } from '../lib/views/claim-search.ts';
import { THEME_SCRIPT, cspHash, headersFile } from '../lib/csp.ts';

export interface BuildPaths {
  root: string;
  contentDir: string;
  /** The output folder Astro was given (without a trailing slash). */
  outDir: string;
  /** Astro's cache folder: the verified views go there while the build runs. */
  cacheDir: string;
  base: string;
  /** The site's address (Astro's `site`), for absolute links in claim pages. */
  site: string;
  language: string;
  /** Whether Astro renders only the claim page template, for claim-pages.ts to fill in. */
  claimTemplate: boolean;
  /** The most claims one search index holds (the `claimsPerSearchIndex` option). */
  claimsPerSearchIndex: number;
  /** The most collection pages one search index holds (the `pagesPerSearchIndex` option). */
  pagesPerSearchIndex: number;
}

export class BuildRun {
  readonly outDir: string;
  readonly staging: string;
  readonly verification: Verification;
  readonly #paths: BuildPaths;
  /** The claims' search index, written while Astro renders (undefined until the content has verified). */
  #claimsIndex: Promise<{ folder: string; records: number }> | undefined;
  #claimIds: readonly string[] = [];
  /** The pages the pages' search indexes hold (known once verified): how many indexes the search page merges. */
  #searchedPages = 0;
  readonly #work: string;
  /** The claim pages, written as soon as Astro has written their template. */
  #claimPages: ClaimPages | undefined;
  #polling: ReturnType<typeof setInterval> | undefined;
  #committed = false;

  constructor(paths: BuildPaths, logger: AstroIntegrationLogger) {
    this.#paths = paths;
    this.outDir = paths.outDir;
    this.staging = stagingDir(paths.outDir);
    for (const folder of removeStale(paths.outDir)) logger.info(`removed ${folder}, left by a build that did not finish`);
    removeStaleWork(join(paths.cacheDir, 'backchannel'));
    const work = join(paths.cacheDir, 'backchannel', String(process.pid));
    this.#work = work;
    this.verification = startVerification({
      root: paths.root,
      contentDir: paths.contentDir,
      viewsDir: join(work, 'views'),
      base: paths.base,
    });
    void this.verification.result.then(
      (result) =>
        logger.info(
          `verified ${result.counts.pages} pages, ${result.counts.claims} claims, ${result.counts.sources} sources (phases ms: ${JSON.stringify(result.phases)})`,
        ),
      () => {},
    );
    if (paths.claimTemplate)
      void this.verification.ready().then(
        (viewsDir) => {
          const claimPages = new ClaimPages({ outDir: this.staging, viewsDir, siteUrl: paths.site });
          this.#claimPages = claimPages;
          this.#polling = setInterval(() => claimPages.poll(), 200);
        },
        () => {},
      );
    this.#claimsIndex = this.verification.ready().then(async (viewsDir) => {
      const views = openViewStore(viewsDir);
      this.#claimIds = views.ids('claims');
      this.#searchedPages = searchedPageCount(views);
      const ids = views.ids(SEARCH_COLLECTION);
      const records = {
        count: ids.length,
        // The ids come from the store itself: a record missing is a broken store, never a claim to leave out of search.
        read: (from: number, to: number) =>
          views.getMany<SearchRecord>(SEARCH_COLLECTION, ids.slice(from, to)).map((record, i) => {
            if (!record) throw new Error(`No search record "${ids[from + i]}" in the views`);
            return record;
          }),
      };
      const folder = join(work, 'claims-index');
      if (records.count > 0) await writeClaimsIndex(records, folder, paths.language, paths.claimsPerSearchIndex);
      return { folder, records: records.count };
    });
    this.#claimsIndex.catch(() => {}); // reported by `finish`
    process.once('exit', () => this.#cleanUp(work));
  }

  /** The claims' permalinks, for the sitemap when Astro renders only their template (known once verified). */
  claimPaths(): string[] {
    return this.#paths.claimTemplate ? this.#claimIds.map((id) => `/claims/${id}/`) : [];
  }

  /**
   * After Astro has written the pages into the staging folder: security headers, the claim pages filled in from their
   * template, and the pages' search index, the last two side by side.
   */
  async finish(dir: string, logger: AstroIntegrationLogger): Promise<void> {
    writeFileSync(join(dir, '_headers'), headersFile([cspHash(THEME_SCRIPT)], []));
    clearInterval(this.#polling);
    const claims = await this.#claimsIndex!;
    const started = performance.now();
    const [stamped, indexed] = await Promise.all([
      this.#claimPages?.finish(),
      indexPages(dir, this.#paths.language, {
        claimsIndex: claims.records > 0 ? claims.folder : undefined,
        indexes: pagesIndexPaths(this.#searchedPages, this.#paths.pagesPerSearchIndex).length,
        perIndex: this.#paths.pagesPerSearchIndex,
        work: join(this.#work, 'search-pages'),
      }),
    ]);
    const ms = Math.round(performance.now() - started);
    if (stamped) logger.info(`wrote ${stamped.written} claim pages from their template${stamped.early ? ', while Astro rendered' : ''}`);
    logger.info(`Pagefind read ${indexed.files} pages and ${claims.records} claims in ${ms} ms`);
    // The bench reads the phases from this line (bench/run.ts).
    logger.info(`phases (ms): ${JSON.stringify({ ...(await this.verification.result).phases, 'after-astro': ms })}`);
  }

  /** Move the staging folder into place: the last step of a build that succeeded. */
  commit(logger: AstroIntegrationLogger): void {
    commitStaging(this.outDir, this.staging);
    this.#committed = true;
    logger.info(`wrote ${this.outDir}`);
  }

  #cleanUp(work: string): void {
    rmSync(work, { recursive: true, force: true });
    if (this.#committed) return;
    rmSync(this.staging, { recursive: true, force: true });
    process.stderr.write(
      `Build failed: ${existsSync(this.outDir) ? `the previous ${this.outDir} is untouched` : `no ${this.outDir} was written`}.\n`,
    );
  }
}
