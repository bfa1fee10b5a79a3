/** The 404 page: it offers a search for the words of the missing address, and reports that address. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closePage, followLink, newPage, startSite, type Site } from '../support/e2e.ts';

const dist = inject('distDir');
const MISSING = '/people/steve-witkof/';
let site: Site;

beforeAll(async () => {
  site = await startSite(dist);
});
afterAll(async () => {
  await site?.close();
});

describe('the 404 page', () => {
  it('offers a search for the words of the missing address, which finds the page meant', async () => {
    const page = await newPage(site);
    try {
      const response = await page.goto(`${site.url}${MISSING}`);
      expect(response?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Page not found');
      expect(await page.locator('.lede').textContent()).toContain(`There is no page at ${MISSING}.`);
      // The folder of a page type is not a word a reader meant.
      expect(await page.locator('#nf-search').inputValue()).toBe('steve witkof');
      const link = page.getByRole('link', { name: 'Search the dossier for “steve witkof”' });
      expect(new URL((await link.getAttribute('href'))!, site.url).searchParams.get('q')).toBe('steve witkof');
      await followLink(page, link, '/search/');
      await expect.poll(() => page.locator('#search-results a.search-result-link').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
      const hrefs = await page.locator('#search-results a.search-result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs.slice(0, 3)).toContain('/people/steve-witkoff/');
    } finally {
      await closePage(page);
    }
  });

  it('has “Report an error” report the missing address and the page that linked to it, not /404/', async () => {
    const page = await newPage(site);
    try {
      await page.goto(`${site.url}/episodes/`);
      await page.evaluate((missing) => {
        const a = Object.assign(document.createElement('a'), { href: missing, textContent: 'a broken link' });
        document.querySelector('main')!.append(a);
      }, MISSING);
      await followLink(page, page.getByRole('link', { name: 'a broken link' }), MISSING);
      const report = new URL((await page.getByRole('link', { name: 'Report an error' }).getAttribute('href'))!);
      const title = report.searchParams.get('title')!;
      const body = report.searchParams.get('body')!;
      expect(title).toBe(`Missing page: ${MISSING}`);
      expect(body).toContain(`Address not found: ${site.url}${MISSING}`);
      expect(body).toContain(`Linked from: ${site.url}/episodes/`);
      expect(`${title} ${body}`).not.toContain('/404');
    } finally {
      await closePage(page);
    }
  });

  it('without JavaScript, keeps a search form and asks for the address in its report', async () => {
    const page = await newPage(site, { javaScriptEnabled: false });
    try {
      await page.goto(`${site.url}${MISSING}`);
      expect(await page.locator('form[role="search"] input[name="q"]').isVisible()).toBe(true);
      expect(await page.locator('#nf-suggest').isVisible()).toBe(false);
      const body = new URL((await page.getByRole('link', { name: 'Report an error' }).getAttribute('href'))!).searchParams.get('body')!;
      expect(body).toContain('the address that was not found');
      expect(body).not.toContain('/404');
    } finally {
      await closePage(page);
    }
  });
});
