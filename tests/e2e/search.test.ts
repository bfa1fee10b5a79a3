/**
 * Search in a real browser: ?q= deep links, results, landing on a source, type filters, browsing without a query,
 * faceted counts, filters kept in the address, more results on request, the person and outlet lists, a phone.
 */
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

const RESULT_LINKS = '#search-results a.search-result-link';

/** Hrefs of the rendered results (skeleton placeholders have no link). */
const resultHrefs = (page: Page) => page.locator(RESULT_LINKS).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));

/** The total the summary announces ("121 results for Geneva" → 121), or undefined while it says nothing countable. */
async function summaryCount(page: Page): Promise<number | undefined> {
  const text = (await page.locator('#search-summary').textContent()) ?? '';
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
  throw new Error(`search results did not settle (summary: ${await page.locator('#search-summary').textContent()})`);
}

/** The checkbox of one value of the type filter. */
const typeBox = (page: Page, value: string) => page.locator(`#search-filters input[name="type"][value="${value}"]`);

/** Type a query into the search input as a reader would. */
async function typeQuery(page: Page, q: string) {
  const input = page.locator('#search-input');
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
      expect(await page.locator('#search-input').inputValue(), 'the query from ?q= stays in the search box').toBe('Geneva');
      // The results are for Geneva, not the unfiltered list of every page.
      expect(count).toBeGreaterThanOrEqual(3);
      expect(await page.locator('#search-summary').textContent()).toMatch(/Geneva/);
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
      await expect.poll(() => page.locator('#search-summary').textContent(), { timeout: 15_000 }).toMatch(/Geneva/);
      const count = await settledCount(page);
      expect(count).toBeGreaterThanOrEqual(3);
      await expect.poll(() => page.locator(RESULT_LINKS).count()).toBeGreaterThanOrEqual(3);
      // Sources rank below claims for a name; narrow to sources if none is on the first page of results.
      let source = page.locator(`${RESULT_LINKS}[href^="/sources/"]`).first();
      if ((await source.count()) === 0) {
        await typeBox(page, 'source').check();
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
      await expect.poll(() => page.locator('#search-summary').textContent(), { timeout: 15_000 }).toMatch(/Geneva/);
      const before = await settledCount(page);
      const claim = typeBox(page, 'claim');
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
      const types = page.locator('#search-filters input[type="checkbox"][name="type"]');
      await expect.poll(() => types.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const values = await types.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
      expect(values).toEqual(expect.arrayContaining(['person', 'episode', 'claim', 'source', 'discrepancy']));
      // The type group is open, so the options can be used straight away.
      await expect.poll(() => types.first().isVisible()).toBe(true);
      expect(await page.locator('#search-input').inputValue()).toBe('');
      await typeBox(page, 'person').check();
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
      await page.locator('#search-input').fill('');
      await expect.poll(() => new URL(page.url()).searchParams.has('q'), { timeout: 5_000 }).toBe(false);
    } finally {
      await closePage(page);
    }
  });

  it('counts each type for the query, and keeps counting the other types once one is chosen (faceted)', async () => {
    const page = await newPage(site);
    try {
      await page.goto(`${site.url}/search/?q=Geneva`);
      const total = await settledCount(page);
      const counts = () =>
        page
          .locator('#search-filters input[name="type"]')
          .evaluateAll((boxes) =>
            Object.fromEntries(
              boxes.map((b) => [(b as HTMLInputElement).value, b.closest('label')!.querySelector('.filter-count')!.textContent!]),
            ),
          );
      await expect.poll(async () => Object.values(await counts()).every((c) => /^\d+$/.test(c)), { timeout: 15_000 }).toBe(true);
      const before = Object.fromEntries(Object.entries(await counts()).map(([k, v]) => [k, Number(v)]));
      // Every indexed page has exactly one type, so the type counts add up to the results.
      expect(Object.values(before).reduce((a, b) => a + b, 0)).toBe(total);
      await typeBox(page, 'claim').check();
      await expect.poll(() => summaryCount(page), { timeout: 15_000 }).toBe(before.claim);
      // The other types still show what choosing them would add.
      await expect.poll(async () => Number((await counts()).episode), { timeout: 15_000 }).toBe(before.episode);
      expect(before.episode).toBeGreaterThan(0);
    } finally {
      await closePage(page);
    }
  });

  it('keeps the filters in the address: a reload restores the query, the checked boxes and the filtered results', async () => {
    const page = await newPage(site);
    try {
      await page.goto(`${site.url}/search/?q=Geneva`);
      await settledCount(page);
      await typeBox(page, 'episode').check();
      await expect.poll(() => new URL(page.url()).searchParams.getAll('type'), { timeout: 5_000 }).toEqual(['episode']);
      const filtered = await settledCount(page);
      await page.reload();
      await expect.poll(() => typeBox(page, 'episode').isChecked()).toBe(true);
      expect(await page.locator('#search-input').inputValue()).toBe('Geneva');
      expect(await settledCount(page)).toBe(filtered);
      const hrefs = await resultHrefs(page);
      expect(hrefs.length).toBeGreaterThan(0);
      expect(hrefs.filter((h) => !h.startsWith('/episodes/'))).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('shows ten results at a time; "Show more results" adds the next ones and moves focus to the first of them', async () => {
    const page = await newPage(site);
    try {
      await page.goto(`${site.url}/search/?q=Witkoff`);
      const total = await settledCount(page);
      expect(total, 'a common name has more than one page of results').toBeGreaterThan(10);
      await expect.poll(() => page.locator(RESULT_LINKS).count()).toBe(10);
      const more = page.locator('#search-more');
      expect(await more.isVisible()).toBe(true);
      const firstTen = await resultHrefs(page);
      await more.click();
      await expect.poll(() => page.locator(RESULT_LINKS).count()).toBe(Math.min(20, total));
      const twenty = await resultHrefs(page);
      expect(twenty.slice(0, 10)).toEqual(firstTen);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(twenty[10]);
      expect(await more.isVisible()).toBe(total > 20);
      if (total > 20) {
        // A double click loads the next results once or twice, never the same ones twice.
        await more.dblclick();
        await expect.poll(() => page.locator(RESULT_LINKS).count()).toBeGreaterThan(20);
        await page.waitForTimeout(300);
        const all = await resultHrefs(page);
        expect(all.slice(0, 20)).toEqual(twenty);
        expect(new Set(all).size, 'no result is listed twice').toBe(all.length);
      }
    } finally {
      await closePage(page);
    }
  });

  it('lists people and outlets from the index when their group is opened, and filters by them', async () => {
    const page = await newPage(site);
    const problems = await watchProblems(page);
    try {
      await page.goto(`${site.url}/search/`);
      await page.locator('#search-filters details[data-filter="person"] summary').click();
      const people = page.locator('#search-filters input[name="person"]');
      await expect.poll(() => people.count(), { timeout: 15_000 }).toBeGreaterThan(3);
      const names = await people.evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
      expect(names).toContain('Steve Witkoff');
      expect(names, 'listed in alphabetical order').toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
      await page.locator('#search-filters input[name="person"][value="Steve Witkoff"]').check();
      const withWitkoff = await settledCount(page);
      expect(withWitkoff).toBeGreaterThan(0);
      expect(await page.locator('#search-summary').textContent()).toMatch(/person Steve Witkoff/);
      await page.locator('#search-filters details[data-filter="outlet"] summary').click();
      const outlets = page.locator('#search-filters input[name="outlet"]');
      await expect.poll(() => outlets.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await outlets.first().check();
      await expect.poll(() => summaryCount(page), { timeout: 15_000 }).toBeLessThanOrEqual(withWitkoff);
      expect(problems.list).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('folds the filters on a phone so the results come first, and keeps a chosen group open', async () => {
    const page = await newPage(site, { viewport: { width: 360, height: 780 } });
    const open = () =>
      page
        .locator('#search-filters details')
        .evaluateAll((ds) => Object.fromEntries(ds.map((d) => [(d as HTMLElement).dataset.filter, (d as HTMLDetailsElement).open])));
    try {
      await page.goto(`${site.url}/search/?q=Geneva`);
      await settledCount(page);
      expect(await open()).toEqual({ type: false, status: false, person: false, outlet: false });
      const filters = (await page.locator('#search-filters').boundingBox())!;
      expect(filters.height, 'folded filters take little room').toBeLessThan(320);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.goto(`${site.url}/search/?q=Geneva&type=claim`);
      await settledCount(page);
      expect(await open()).toEqual({ type: true, status: false, person: false, outlet: false });
    } finally {
      await closePage(page);
    }
  });
});
