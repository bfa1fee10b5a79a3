/** Astro integration: index the built site with Pagefind's Node API and fail the build on any error. */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { SearchRecord } from '../lib/views/claim-search.ts';

/**
 * The pages Pagefind reads: the ones whose layout marks a `data-pagefind-body` (people, episodes, sources,
 * discrepancies, prose pages like /about/, at any top-level path). Per-person and per-source filter views, indexes and claim permalinks
 * are left out of the crawl: at 10,000 content pages that is 46,000 of 57,000 HTML files Pagefind would parse
 * only to find nothing to index (or, for claims, whole source paragraphs that the source pages already hold).
 */
export const INDEXED_PAGES =
  '{index.html,*/index.html,people/*/index.html,episodes/*/index.html,sources/*/index.html,discrepancies/*/index.html}';

/** Where `npm run build` leaves the claims' search records for Pagefind (beside the views file). */
export const searchRecordsFile = (viewsFile: string) => `${viewsFile}.search.json`;

/** Read the records written with {@link searchRecordsFile}. */
export const readSearchRecords = (path: string): SearchRecord[] => JSON.parse(readFileSync(path, 'utf8')) as SearchRecord[];

/** Records handed over within one process (`astro build` without `npm run build`): set by the dossier loader. */
const RECORDS = Symbol.for('backchannel.searchRecords');
export const shareSearchRecords = (records: SearchRecord[]) => ((globalThis as Record<symbol, unknown>)[RECORDS] = records);
const sharedSearchRecords = () => ((globalThis as Record<symbol, unknown>)[RECORDS] as SearchRecord[] | undefined) ?? [];

/** A Pagefind index that was given the claims' records first and is waiting for the built pages. */
export interface SiteIndex {
  /** Add the pages of `dir` and write `dir/pagefind/`; how many HTML files Pagefind read and records it added. */
  finish(dir: string): Promise<{ files: number; records: number }>;
}

/**
 * Start Pagefind and add `records` at once: they are known before any page is built, so `npm run build` adds them
 * while Astro renders (at 10,000 pages, 40,000 records take Pagefind ~15 s). Errors surface from `finish`.
 */
export function startSiteIndex(records: SearchRecord[]): SiteIndex {
  const ready = (async () => {
    const pagefind = await import('pagefind');
    try {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
      if (!index || errors.length > 0) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      // The binding answers requests in order; a bounded window keeps it busy without queueing 40,000 promises.
      const WINDOW = 256;
      for (let i = 0; i < records.length; i += WINDOW) {
        const results = await Promise.all(records.slice(i, i + WINDOW).map((r) => index.addCustomRecord(r)));
        const failed = results.flatMap((r) => r.errors);
        if (failed.length > 0) throw new Error(`Pagefind failed to index a claim: ${failed.join('; ')}`);
      }
      return { pagefind, index };
    } catch (error) {
      await pagefind.close();
      throw error;
    }
  })();
  ready.catch(() => {}); // reported by finish()
  return {
    async finish(dir) {
      const { pagefind, index } = await ready;
      try {
        const added = await index.addDirectory({ path: dir, glob: INDEXED_PAGES });
        if (added.errors.length > 0) throw new Error(`Pagefind failed to index: ${added.errors.join('; ')}`);
        if (added.page_count === 0) throw new Error('Pagefind indexed no pages: is data-pagefind-body missing?');
        const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
        if (written.errors.length > 0) throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
        return { files: added.page_count, records: records.length };
      } finally {
        await pagefind.close();
      }
    },
  };
}

/**
 * Run Pagefind over `dir` plus `records` and write `dir/pagefind/`; returns how many HTML files it read and how
 * many records it added. Throws with Pagefind's own messages on failure.
 */
export const indexSite = (dir: string, records: SearchRecord[] = []) => startSiteIndex(records).finish(dir);

export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'backchannel-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // scripts/build.ts indexes the site itself once the Astro process has exited: Pagefind then does not run
        // beside Astro's rendering memory (at 10k pages ~7 GB each, so the peak was their sum).
        if (process.env.BACKCHANNEL_PAGEFIND === 'after-astro') return;
        const started = performance.now();
        const { files, records } = await indexSite(fileURLToPath(dir), sharedSearchRecords());
        logger.info(`read ${files} pages and ${records} claims in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
