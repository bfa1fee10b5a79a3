/** Astro integration: index the built site with Pagefind's Node API and fail the build on any error. */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Run Pagefind over `dir` and write `dir/pagefind/`. Throws with Pagefind's own messages on failure. */
export async function indexSite(dir: string): Promise<number> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  try {
    if (!index || errors.length > 0) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length > 0) throw new Error(`Pagefind failed to index: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error('Pagefind indexed no pages: is data-pagefind-body missing?');
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'backchannel-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // scripts/build.ts indexes the site itself once the Astro process has exited: Pagefind then does not run
        // beside Astro's rendering memory (at 10k pages ~7 GB each, so the peak was their sum).
        if (process.env.BACKCHANNEL_PAGEFIND === 'after-astro') return;
        const started = performance.now();
        const pages = await indexSite(fileURLToPath(dir));
        logger.info(`indexed ${pages} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
