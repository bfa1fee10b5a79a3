/** Search in a real browser: ?q= deep links, results, landing on a source, type filters, browsing without a query. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closePage, followLink, newPage, startSite, watchProblems, type Site } from '../support/e2e.ts';

const dist = inject('distDir');
let site: Site;

beforeAll(async () => {
  site = await startSite(dist);
});
afterAll(async () => {
  await site?.close();
});

const RESULT_LINKS = 'pagefind-results a.pf-result-link';

/** Hrefs of the rendered results (skeleton placeholders have no link). */
const resultHrefs = (page: Page) => page.locator(RESULT_LINKS).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));

/** The total the summary announces ("121 results for Geneva" → 121), or undefined while it says nothing countable. */
async function summaryCount(page: Page): Promise<number | undefined> {
  const text = (await page.locator('pagefind-summary').textContent()) ?? '';
  const m = /(\d[\d,]*)\s+result/.exec(text);
  return m ? Number(m[1]!.replace(/,/g, '')) : undefined;
}

/** Wait until the summary shows a count that stays the same for a moment (debounced searches settle). */
async function settledCount(page: Page): Promise<number> {
  let last: number | undefined;
  let stable = 0;
  for (let i = 0; i < 150; i++) {
    const n = await summaryCount(page);
    if (n !== undefined && n === last) {
      if (++stable >= 3) return n;
    } else stable = 0;
    last = n;
    await page.waitForTimeout(100);
  }
  throw new Error(`search results did not settle (summary: ${await page.locator('pagefind-summary').textContent()})`);
}

/** Type a query into the Pagefind input as a reader would. */
async function typeQuery(page: Page, q: string) {
  const input = page.locator('pagefind-input input');
  await input.click();
  await input.fill('');
  await input.pressSequentially(q, { delay: 20 });
}

describe('search page', () => {
  it('runs the ?q= query from the address (the home page form links here): at least three results for "Geneva"', async () => {
    const page = await newPage(site);
    const problems = await watchProblems(page);
    try {
      await page.goto(`${site.url}/search/?q=Geneva`);
      await expect.poll(() => page.locator(RESULT_LINKS).count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
      const count = await settledCount(page);
      expect(await page.locator('pagefind-input input').inputValue(), 'the query from ?q= stays in the search box').toBe('Geneva');
      // The results are for Geneva, not the unfiltered list of every page.
      expect(count).toBeGreaterThanOrEqual(3);
      expect(await page.locator('pagefind-summary').textContent()).toMatch(/Geneva/);
      const hrefs = await resultHrefs(page);
      expect(
        hrefs.slice(0, 5).some((h) => /geneva/i.test(h)),
        `top results ${hrefs.slice(0, 5).join(', ')}`,
      ).toBe(true);
      expect(problems.list).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('finds "Geneva" when typed, and a source result leads to that source page', async () => {
    const page = await newPage(site);
    const problems = await watchProblems(page);
    try {
      await page.goto(`${site.url}/search/`);
      await typeQuery(page, 'Geneva');
      await expect.poll(() => page.locator('pagefind-summary').textContent(), { timeout: 15_000 }).toMatch(/Geneva/);
      const count = await settledCount(page);
      expect(count).toBeGreaterThanOrEqual(3);
      await expect.poll(() => page.locator(RESULT_LINKS).count()).toBeGreaterThanOrEqual(3);
      // Sources rank below claims for a name; narrow to sources if none is on the first page of results.
      let source = page.locator(`${RESULT_LINKS}[href^="/sources/"]`).first();
      if ((await source.count()) === 0) {
        await page.locator('pagefind-filter-pane input[type="checkbox"][name="type"][value="source"]').check();
        await expect.poll(() => page.locator(`${RESULT_LINKS}[href^="/sources/"]`).count(), { timeout: 15_000 }).toBeGreaterThan(0);
        source = page.locator(`${RESULT_LINKS}[href^="/sources/"]`).first();
      }
      const href = (await source.getAttribute('href'))!;
      expect(href).toMatch(/^\/sources\/[a-z0-9-]+\/(#.*)?$/);
      await followLink(page, source, href.split('#')[0]!);
      expect(new URL(page.url()).pathname).toBe(href.split('#')[0]);
      await expect.poll(() => page.locator('h1').textContent()).toBeTruthy();
      expect(await page.locator('.source-text').count()).toBe(1);
      expect(problems.list).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('narrows the results to claims when the "claim" type filter is checked', async () => {
    const page = await newPage(site);
    try {
      await page.goto(`${site.url}/search/`);
      await typeQuery(page, 'Geneva');
      await expect.poll(() => page.locator('pagefind-summary').textContent(), { timeout: 15_000 }).toMatch(/Geneva/);
      const before = await settledCount(page);
      const claim = page.locator('pagefind-filter-pane input[type="checkbox"][name="type"][value="claim"]');
      await claim.check();
      await expect.poll(() => summaryCount(page), { timeout: 15_000 }).toBeLessThan(before);
      const after = await settledCount(page);
      expect(after).toBeGreaterThan(0);
      await expect.poll(() => page.locator(RESULT_LINKS).count()).toBeGreaterThan(0);
      const hrefs = await resultHrefs(page);
      expect(
        hrefs.filter((h) => !h.startsWith('/claims/')),
        'only claim pages once filtered',
      ).toEqual([]);
      // Unchecking restores the wider result set.
      await claim.uncheck();
      await expect.poll(() => summaryCount(page), { timeout: 15_000 }).toBe(before);
    } finally {
      await closePage(page);
    }
  });

  it('lets a reader browse by type without typing: the filter pane lists the types and a type lists its pages', async () => {
    const page = await newPage(site);
    const problems = await watchProblems(page);
    try {
      await page.goto(`${site.url}/search/`);
      const types = page.locator('pagefind-filter-pane input[type="checkbox"][name="type"]');
      await expect.poll(() => types.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const values = await types.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
      expect(values).toEqual(expect.arrayContaining(['person', 'episode', 'claim', 'source', 'discrepancy']));
      // The type group is open, so the options can be used straight away.
      await expect.poll(() => types.first().isVisible()).toBe(true);
      expect(await page.locator('pagefind-input input').inputValue()).toBe('');
      await page.locator('pagefind-filter-pane input[type="checkbox"][name="type"][value="person"]').check();
      await expect.poll(() => page.locator(`${RESULT_LINKS}[href^="/people/"]`).count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const hrefs = await resultHrefs(page);
      expect(
        hrefs.filter((h) => !h.startsWith('/people/')),
        'only person pages',
      ).toEqual([]);
      expect(problems.list).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('keeps the address in step with what is typed, so a search can be shared', async () => {
    const page = await newPage(site);
    try {
      await page.goto(`${site.url}/search/`);
      await typeQuery(page, 'Kellogg');
      await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: 5_000 }).toBe('Kellogg');
      await page.locator('pagefind-input input').fill('');
      await expect.poll(() => new URL(page.url()).searchParams.has('q'), { timeout: 5_000 }).toBe(false);
    } finally {
      await closePage(page);
    }
  });
});
