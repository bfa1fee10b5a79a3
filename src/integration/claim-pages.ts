/**
 * Claim permalink pages filled in from the one Astro rendered as a template. They are four in five of a dossier's
 * pages, and each costs Astro its per-page pipeline (request, rendering, response, file) whatever it holds, so a build
 * has Astro render only the template (src/routes/claims/[id].astro) and this writes every claim's page from it, with
 * the same `claimPage` Astro would use (src/lib/pages/claim-page.ts), on a worker thread while Pagefind indexes the
 * site. `claimPages: 'astro'` has Astro render every one instead; a test compares the two builds byte for byte.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { CLAIM_TEMPLATE_ID, claimPage, compileClaimStamp } from '../lib/pages/claim-page.ts';
import { paragraphTexts, type ClaimView } from '../lib/views/claim-view.ts';
import type { SourceView } from '../lib/views/source-view.ts';
import { openViewStore } from '../lib/views/view-store.ts';

interface Job {
  /** The site Astro wrote, with the template at `claims/<template id>/index.html`. */
  outDir: string;
  viewsDir: string;
  siteUrl: string;
}

const templateDir = (outDir: string) => join(outDir, 'claims', CLAIM_TEMPLATE_ID);

/** Write every claim's page into `outDir` from the template Astro rendered there, then remove the template. */
export function writeClaimPages(job: Job): Promise<number> {
  const file = join(templateDir(job.outDir), 'index.html');
  if (!existsSync(file)) return Promise.reject(new Error(`Astro rendered no claim page template (${file})`));
  return new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { claimPages: job } });
    let written: number | undefined;
    worker.once('message', (count: number) => (written = count));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (written === undefined || code !== 0) return reject(new Error(`the claim page worker exited with code ${code}`));
      rmSync(templateDir(job.outDir), { recursive: true, force: true });
      resolve(written);
    });
  });
}

/** The worker's work: one pass over the claims, a page each. */
function stamp({ outDir, viewsDir, siteUrl }: Job): number {
  const toPage = compileClaimStamp(readFileSync(join(templateDir(outDir), 'index.html'), 'utf8'));
  const views = openViewStore(viewsDir);
  const texts = paragraphTexts(views.list<SourceView>('sources'));
  const paragraph = (source: string, id: string) => texts.get(source)?.get(id) ?? '';
  let count = 0;
  for (const claim of views.each<ClaimView>('claims')) {
    const dir = join(outDir, 'claims', claim.id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), toPage(claim, claimPage(claim, siteUrl, paragraph)));
    count++;
  }
  return count;
}

// Only in the worker started above (test runners run their own code in worker threads too).
const job = isMainThread ? undefined : (workerData as { claimPages?: Job } | null)?.claimPages;
if (job) parentPort!.postMessage(stamp(job));
