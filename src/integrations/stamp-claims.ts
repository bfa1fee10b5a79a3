/**
 * Claim permalink pages without Astro's per-page pipeline. They are four in five of a dossier's HTML pages, and
 * each costs Astro ~3 ms of request and response objects, rendering and writing, whatever the page holds. So
 * `npm run build` has Astro render one claim page, with placeholders (src/pages/claims/[id].astro), and after Astro
 * has exited this fills the template in for every claim with the same `claimPage` Astro uses (src/lib/pages/).
 * It runs on a worker thread so the views it reads are released before Pagefind starts.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { CLAIM_TEMPLATE_ID, claimPage, compileClaimStamp } from '../lib/pages/claim-page.ts';
import { paragraphTexts } from '../lib/views/claim-view.ts';
import { site } from '../site-config.ts';
import { readViewsFile } from './views-file.ts';

/** Where `npm run build` lists the claim permalinks for the sitemap (beside the views file). */
export const claimPagesFile = (viewsFile: string) => `${viewsFile}.claim-pages.json`;

/**
 * The claim permalinks as absolute URLs, for `@astrojs/sitemap`'s `customPages`: when Astro renders only the
 * template it does not know the claim pages. Empty outside `npm run build`, where Astro renders them itself.
 */
export function claimSitemapPages(siteUrl: string): string[] {
  const file = process.env.BACKCHANNEL_CLAIM_PAGES_FILE;
  if (!file) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as string[]).map((path) => new URL(path, siteUrl).href);
}

interface Job {
  outDir: string;
  viewsFile: string;
}

/** Write every claim's page into `outDir` from the template Astro rendered there; resolves to the number written. */
export function stampClaimPages(outDir: string, viewsFile: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { outDir, viewsFile } satisfies Job });
    let written: number | undefined;
    worker.once('message', (count: number) => (written = count));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      written !== undefined && code === 0 ? resolve(written) : reject(new Error(`the claim page worker exited with code ${code}`)),
    );
  });
}

/** Stamp the pages (on the worker thread). */
function stamp({ outDir, viewsFile }: Job): number {
  const templateDir = join(outDir, 'claims', CLAIM_TEMPLATE_ID);
  const templateFile = join(templateDir, 'index.html');
  let template: string;
  try {
    template = readFileSync(templateFile, 'utf8');
  } catch {
    throw new Error(`No claim page template at ${templateFile}: was Astro run with BACKCHANNEL_CLAIM_PAGES=stamp?`);
  }
  rmSync(templateDir, { recursive: true });
  const toPage = compileClaimStamp(template);
  const views = readViewsFile(viewsFile, ['claims', 'sources']);
  const texts = paragraphTexts(views.sources);
  const paragraph = (source: string, id: string) => texts.get(source)?.get(id) ?? '';
  const claimsDir = join(outDir, 'claims');
  for (const claim of views.claims) {
    const dir = join(claimsDir, claim.id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), toPage(claim, claimPage(claim, site.url, paragraph)));
  }
  return views.claims.length;
}

if (!isMainThread && (workerData as Job | undefined)?.viewsFile) parentPort!.postMessage(stamp(workerData as Job));
