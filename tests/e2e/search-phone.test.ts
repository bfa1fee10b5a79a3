/**
 * Search on a phone and from the keyboard: a filter changed below the fold brings the result count and the first
 * result into view, and "/" opens search from any page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closePage, newPage, startSite, type Site } from '../support/e2e.ts';

const dist = inject('distDir');
let site: Site;

beforeAll(async () => {
  site = await startSite(dist);
});
afterAll(async () => {
  await site?.close();
});

/** Where an element is in the viewport. */
const place = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: innerHeight };
    });

describe('filtering search on a phone', () => {
  for (const [value, prefix] of [
    ['episode', '/episodes/'],
    ['claim', '/claims/'],
  ] as const) {
    it(`keeps the count and the first result in view when the “${value}” type is chosen`, async () => {
      const page = await newPage(site, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
      try {
        await page.goto(`${site.url}/search/?q=Geneva`);
        await expect.poll(() => page.locator('#search-results a.search-result-link').count(), { timeout: 15_000 }).toBeGreaterThan(2);
        const before = (await page.locator('#search-summary').textContent())!;
        // The Type group, opened, pushes the results below the first screen.
        await page.locator('#search-filters details[data-filter="type"] summary').tap();
        const box = page.locator(`#search-filters input[name="type"][value="${value}"]`);
        await box.scrollIntoViewIfNeeded();
        expect((await place(page, '#search-results .search-result')).top, 'first result out of sight before the tap').toBeGreaterThan(740);
        await box.tap();
        await expect.poll(() => page.locator('#search-summary').textContent(), { timeout: 15_000 }).not.toBe(before);
        await expect
          .poll(() => page.locator(`#search-results a.search-result-link:not([href^="${prefix}"])`).count(), { timeout: 15_000 })
          .toBe(0);
        // The count and the first result are on screen, and the tapped box keeps the focus.
        await expect.poll(async () => (await place(page, '#search-summary')).top, { timeout: 5_000 }).toBeGreaterThanOrEqual(0);
        const summary = await place(page, '#search-summary');
        const first = await place(page, '#search-results .search-result');
        expect(summary.bottom).toBeLessThanOrEqual(740);
        expect(first.top).toBeGreaterThanOrEqual(0);
        expect(first.bottom, 'the first result whole on screen').toBeLessThanOrEqual(740);
        expect(await page.locator('#search-summary').textContent()).toMatch(/\d+ results? for “Geneva”/);
        expect(await box.isChecked()).toBe(true);
      } finally {
        await closePage(page);
      }
    });
  }
});

describe('the "/" key', () => {
  it('opens the search page, with its search box focused, from a content page', async () => {
    const page = await newPage(site);
    try {
      await page.goto(`${site.url}/people/tommy-pigott/`);
      await page.keyboard.press('/');
      await page.waitForURL((u) => u.pathname === '/search/');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-input');
      // Typed into the box, "/" is just a character.
      await page.keyboard.type('a/b');
      expect(await page.locator('#search-input').inputValue()).toBe('a/b');
    } finally {
      await closePage(page);
    }
  });

  it('focuses the search box on the search page, keeping the query and the results', async () => {
    const page = await newPage(site);
    try {
      await page.goto(`${site.url}/search/?q=Kellogg`);
      await expect.poll(() => page.locator('#search-results a.search-result-link').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await page.locator('h1').click();
      expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('search-input');
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
      expect(new URL(page.url()).searchParams.get('q')).toBe('Kellogg');
      expect(await page.locator('#search-input').inputValue()).toBe('Kellogg');
    } finally {
      await closePage(page);
    }
  });
});
