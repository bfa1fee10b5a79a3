/**
 * Claim permalink pages without Astro's per-page pipeline. They are four in five of a dossier's HTML pages, and
 * each costs Astro ~3 ms of request and response objects, rendering and writing, whatever the page holds. So
 * `npm run build` has Astro render one claim page, with placeholders (src/pages/claims/[id].astro), and this fills
 * the template in for every claim with the same `claimPage` Astro uses (src/lib/pages/). It runs on a worker thread,
 * so it can start as soon as Astro has written the template, while Astro renders the other pages, and the views it
 * reads are released when it ends.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { CLAIM_TEMPLATE_ID, claimPage, compileClaimStamp } from '../lib/pages/claim-page.ts';
import { paragraphTexts } from '../lib/views/claim-view.ts';
import { site } from '../site-config.ts';
import { claimContextsFile, readViewsFile } from './views-file.ts';

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
  template: string;
}

const templateDir = (outDir: string) => join(outDir, 'claims', CLAIM_TEMPLATE_ID);

/**
 * The claim page template Astro rendered into `outDir`, once it is wholly written (Astro may be writing it while this
 * reads); `undefined` before that.
 */
export function readClaimTemplate(outDir: string): string | undefined {
  const file = join(templateDir(outDir), 'index.html');
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  return /<\/html>\s*$/.test(text) ? text : undefined;
}

/**
 * Stamps the claim pages of `outDir`: `poll()` while Astro runs starts as soon as the template is wholly written
 * (Astro renders it among its first pages, and the stamping then runs on the CPU its single-threaded rendering leaves
 * idle); `finish()` once Astro has exited waits for that, or stamps again should the final template differ, then
 * removes the template from the site.
 */
export class ClaimPageStamper {
  private early: { template: string; written: Promise<number> } | undefined;
  private readonly outDir: string;
  private readonly viewsFile: string;

  constructor(outDir: string, viewsFile: string) {
    this.outDir = outDir;
    this.viewsFile = viewsFile;
  }

  get startedEarly(): boolean {
    return this.early !== undefined;
  }

  poll(): void {
    if (this.early) return;
    const template = readClaimTemplate(this.outDir);
    if (template === undefined) return;
    this.early = { template, written: stampClaimPages(this.outDir, this.viewsFile, template) };
    this.early.written.catch(() => {}); // awaited by finish()
  }

  /** Wait for any stamping under way to end, as it may: before a failed build removes the staging folder. */
  async settled(): Promise<void> {
    await this.early?.written.catch(() => {});
  }

  async finish(): Promise<number> {
    const template = readClaimTemplate(this.outDir);
    if (template === undefined)
      throw new Error(`No claim page template in ${templateDir(this.outDir)}: was Astro run with BACKCHANNEL_CLAIM_PAGES=stamp?`);
    let written: number;
    if (this.early?.template === template) written = await this.early.written;
    else {
      await this.settled();
      written = await stampClaimPages(this.outDir, this.viewsFile, template);
    }
    rmSync(templateDir(this.outDir), { recursive: true, force: true });
    return written;
  }
}

/** Write every claim's page into `outDir` from `template`; resolves to the number written. */
export function stampClaimPages(outDir: string, viewsFile: string, template: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { outDir, viewsFile, template } satisfies Job });
    let written: number | undefined;
    worker.once('message', (count: number) => (written = count));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      written !== undefined && code === 0 ? resolve(written) : reject(new Error(`the claim page worker exited with code ${code}`)),
    );
  });
}

/** Stamp the pages (on the worker thread). */
function stamp({ outDir, viewsFile, template }: Job): number {
  const toPage = compileClaimStamp(template);
  const contexts = claimContextsFile(viewsFile);
  const views = readViewsFile(viewsFile, ['claims', 'sources'], existsSync(contexts) ? contexts : undefined);
  const texts = paragraphTexts(views.sources);
  const paragraph = (source: string, id: string) => texts.get(source)?.get(id) ?? '';
  const claimsDir = join(outDir, 'claims');
  for (const claim of views.claims) {
    const dir = join(claimsDir, claim.id);
    // Not recursive: should a failed build remove the staging folder meanwhile, this stops instead of recreating it.
    if (!existsSync(dir)) mkdirSync(dir);
    writeFileSync(join(dir, 'index.html'), toPage(claim, claimPage(claim, site.url, paragraph)));
  }
  return views.claims.length;
}

if (!isMainThread && (workerData as Job | undefined)?.viewsFile) parentPort!.postMessage(stamp(workerData as Job));
