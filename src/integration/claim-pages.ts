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
  /** The site Astro writes, with the template at `claims/<template id>/index.html`. */
  outDir: string;
  viewsDir: string;
  siteUrl: string;
}

const templateDir = (outDir: string) => join(outDir, 'claims', CLAIM_TEMPLATE_ID);

/** The template Astro rendered into `outDir`, once it is wholly written (Astro may be writing it); undefined before. */
export function readTemplate(outDir: string): string | undefined {
  const file = join(templateDir(outDir), 'index.html');
  if (!existsSync(file)) return undefined;
  const html = readFileSync(file, 'utf8');
  return /<\/html>\s*$/.test(html) ? html : undefined;
}

/** Write every claim's page into `outDir` from `template`, on a worker thread; resolves to how many it wrote. */
export function writeClaimPages(job: Job, template: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { claimPages: { ...job, template } } });
    let written: number | undefined;
    worker.once('message', (count: number) => (written = count));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      written !== undefined && code === 0 ? resolve(written) : reject(new Error(`the claim page worker exited with code ${code}`)),
    );
  });
}

/**
 * The claim pages of one build: started as soon as Astro has written the template (`poll`, while Astro renders the
 * other pages, on the CPU its rendering leaves idle), finished once Astro is done (`finish`), which writes them
 * again should the final template differ from the one they were made from (Astro writes each page once: never
 * seen) and removes the template from the site.
 */
export class ClaimPages {
  #early: { template: string; written: Promise<number> } | undefined;
  readonly #job: Job;

  constructor(job: Job) {
    this.#job = job;
  }

  poll(): void {
    if (this.#early) return;
    const template = readTemplate(this.#job.outDir);
    if (template === undefined) return;
    this.#early = { template, written: writeClaimPages(this.#job, template) };
    this.#early.written.catch(() => {}); // awaited by finish()
  }

  /** Wait for any pages being written (a failed build must not remove folders under it). */
  async settled(): Promise<void> {
    await this.#early?.written.catch(() => {});
  }

  async finish(): Promise<{ written: number; early: boolean }> {
    const template = readTemplate(this.#job.outDir);
    if (template === undefined) throw new Error(`Astro rendered no claim page template in ${templateDir(this.#job.outDir)}`);
    const early = this.#early?.template === template;
    if (!early) await this.settled();
    const written = early ? await this.#early!.written : await writeClaimPages(this.#job, template);
    rmSync(templateDir(this.#job.outDir), { recursive: true, force: true });
    return { written, early };
  }
}

/** The worker's work: one pass over the claims, a page each. */
function stamp({ outDir, viewsDir, siteUrl, template }: Job & { template: string }): number {
  const toPage = compileClaimStamp(template);
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
const job = isMainThread ? undefined : (workerData as { claimPages?: Job & { template: string } } | null)?.claimPages;
if (job) parentPort!.postMessage(stamp(job));
