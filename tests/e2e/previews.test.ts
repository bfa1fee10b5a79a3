/**
 * Citation previews everywhere: inside the viewport at phone, tablet and desktop widths near every edge; opened by
 * hover, focus and a first tap, closed by Escape and a tap outside; announced through the mark's state and
 * description; marks at least 24 × 24 px; and the content pages' JavaScript within its 2 KB budget.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closePage, followLink, newPage, startSite, watchProblems, type Site } from '../support/e2e.ts';

const dist = inject('distDir');
// Tommy Pigott's page: the one where 21 of 26 previews started left of the viewport.
const PAGE = '/people/tommy-pigott/';
let site: Site;

beforeAll(async () => {
  site = await startSite(dist);
});
afterAll(async () => {
  await site?.close();
});

interface Box {
  x: number;
  y: number;
  right: number;
  bottom: number;
}

/** The open preview's box in viewport coordinates and the viewport's size, or null when no preview shows. */
const previewBox = (page: Page) =>
  page.evaluate(() => {
    const box = document.querySelector('.cite-preview:popover-open');
    if (!box) return null;
    const r = box.getBoundingClientRect();
    return { x: r.x, y: r.y, right: r.right, bottom: r.bottom, width: document.documentElement.clientWidth, height: innerHeight };
  });

/** Index (among `.cite-link`s) of the leftmost and rightmost marks of the page, as laid out at this width. */
const edgeMarks = (page: Page) =>
  page.locator('.cite-link').evaluateAll((links) => {
    const xs = links.map((a, i) => ({ i, r: a.getBoundingClientRect() })).filter(({ r }) => r.width > 0);
    const left = xs.reduce((a, b) => (b.r.x < a.r.x ? b : a));
    const right = xs.reduce((a, b) => (b.r.right > a.r.right ? b : a));
    return { left: left.i, right: right.i, leftX: left.r.x, rightX: right.r.right };
  });

/** Scroll mark `i` to `where` in the viewport: near its top or its bottom edge. */
const scrollMark = (page: Page, i: number, where: 'top' | 'bottom') =>
  page
    .locator('.cite-link')
    .nth(i)
    .evaluate((a, where) => {
      const r = a.getBoundingClientRect();
      scrollBy(0, where === 'top' ? r.y - 12 : r.bottom - innerHeight + 12);
    }, where);

const inside = (b: Box & { width: number; height: number }) => b.x >= 0 && b.y >= 0 && b.right <= b.width && b.bottom <= b.height;

describe('citation previews', () => {
  for (const { width, height, touch } of [
    { width: 360, height: 740, touch: true },
    { width: 768, height: 1024, touch: true },
    { width: 1280, height: 900, touch: false },
  ]) {
    it(`stay inside the viewport at ${width} px, for the marks nearest the left and right edges, near the top and the bottom`, async () => {
      const page = await newPage(site, { viewport: { width, height }, hasTouch: touch, isMobile: touch && width < 500 });
      const problems = await watchProblems(page);
      const outside: string[] = [];
      try {
        await page.goto(`${site.url}${PAGE}`);
        const marks = await edgeMarks(page);
        // The marks found really sit near the edges of the text column.
        expect(marks.leftX, 'leftmost mark').toBeLessThan(width / 3);
        expect(marks.rightX, 'rightmost mark').toBeGreaterThan(width / 2);
        for (const [side, i] of [
          ['left', marks.left],
          ['right', marks.right],
        ] as const) {
          for (const where of ['top', 'bottom'] as const) {
            await scrollMark(page, i, where);
            const mark = page.locator('.cite-link').nth(i);
            if (touch) await mark.tap();
            else await mark.hover();
            await expect.poll(() => previewBox(page), { timeout: 5_000 }).not.toBeNull();
            const box = (await previewBox(page))!;
            if (!inside(box)) outside.push(`${side} mark near the ${where}: preview at ${JSON.stringify(box)}`);
            expect(new URL(page.url()).pathname, 'a first tap stays on the page').toBe(PAGE);
            // Close it before the next: a tap outside, or the pointer moving away.
            if (touch) await page.locator('h1').tap();
            else await page.mouse.move(width / 2, 5);
            await expect.poll(() => previewBox(page), { timeout: 5_000 }).toBeNull();
          }
        }
        expect(outside, `previews outside the viewport at ${width} px:\n${outside.join('\n')}\n`).toEqual([]);
        expect(problems.list).toEqual([]);
      } finally {
        await closePage(page);
      }
    });
  }

  it('open on a first tap, with the quote, the source and “Open in source”; a second tap follows the link', async () => {
    const page = await newPage(site, { viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });
    try {
      await page.goto(`${site.url}${PAGE}`);
      const mark = page.locator('.claim .cite-link').first();
      const href = (await mark.getAttribute('href'))!;
      const refId = (await mark.getAttribute('aria-describedby'))!;
      await mark.scrollIntoViewIfNeeded();
      await mark.tap();
      const preview = page.locator('.cite-preview:popover-open');
      await expect.poll(() => preview.count(), { timeout: 5_000 }).toBe(1);
      // What the reference says, and a link to the passage.
      const quote = (await page.locator(`#${refId} blockquote`).textContent())!.trim();
      expect((await preview.locator('blockquote').textContent())!.trim()).toBe(quote);
      const source = (await page.locator(`#${refId} .ref-source`).textContent())!.trim();
      expect(await preview.textContent()).toContain(source);
      const open = preview.getByRole('link', { name: 'Open in source' });
      expect(await open.getAttribute('href')).toBe(href);
      const target = await open.boundingBox();
      expect(target!.height, '“Open in source” is at least 24 px tall').toBeGreaterThanOrEqual(24);
      // On a phone it is a sheet at the foot of the screen, full width less a margin.
      const box = (await previewBox(page))!;
      expect(box.bottom).toBeGreaterThan(box.height - 20);
      expect(box.right - box.x).toBeGreaterThan(box.width - 24);
      // The mark says it is open, and is still described by its reference.
      expect(await mark.getAttribute('aria-expanded')).toBe('true');
      expect(await mark.getAttribute('aria-describedby')).toBe(refId);
      // A second tap on the mark follows it to the cited paragraph.
      const path = href.split('#')[0]!;
      await followLink(page, mark, path);
      expect(new URL(page.url()).pathname).toBe(path);
    } finally {
      await closePage(page);
    }
  });

  it('close on a tap outside, and “Open in source” leads to the passage', async () => {
    const page = await newPage(site, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    try {
      await page.goto(`${site.url}${PAGE}`);
      const mark = page.locator('.claim .cite-link').nth(1);
      await mark.scrollIntoViewIfNeeded();
      await mark.tap();
      await expect.poll(() => previewBox(page), { timeout: 5_000 }).not.toBeNull();
      await page.locator('.lede').tap();
      await expect.poll(() => previewBox(page), { timeout: 5_000 }).toBeNull();
      expect(await mark.getAttribute('aria-expanded')).toBe('false');
      await mark.tap();
      const open = page.locator('.cite-preview:popover-open').getByRole('link', { name: 'Open in source' });
      const href = (await open.getAttribute('href'))!;
      await followLink(page, open, href.split('#')[0]!);
      expect(new URL(page.url()).pathname).toBe(href.split('#')[0]);
    } finally {
      await closePage(page);
    }
  });

  it('open on keyboard focus and close on Escape, with focus kept on the mark; Tab moves on to the text', async () => {
    const page = await newPage(site);
    try {
      await page.goto(`${site.url}${PAGE}`);
      const mark = page.locator('.claim .cite-link').first();
      await mark.focus();
      await expect.poll(() => previewBox(page), { timeout: 5_000 }).not.toBeNull();
      expect(await mark.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('Escape');
      await expect.poll(() => previewBox(page), { timeout: 5_000 }).toBeNull();
      expect(await mark.evaluate((a) => a === document.activeElement)).toBe(true);
      expect(await mark.getAttribute('aria-expanded')).toBe('false');
      // Focus again, then Tab: the preview closes (or shows the next mark's, when the next thing focused is a mark), and
      // focus stays in the text, not in the preview (Enter on a mark opens the passage: no extra stops per mark).
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      await expect.poll(() => previewBox(page), { timeout: 5_000 }).not.toBeNull();
      await page.keyboard.press('Tab');
      await expect.poll(() => mark.getAttribute('aria-expanded'), { timeout: 5_000 }).toBe('false');
      expect(await page.evaluate(() => !!document.activeElement?.closest('.cite-preview'))).toBe(false);
      const next = await page.evaluate(() => document.activeElement?.classList.contains('cite-link') ?? false);
      if (!next) await expect.poll(() => previewBox(page), { timeout: 5_000 }).toBeNull();
    } finally {
      await closePage(page);
    }
  });

  it('open on hover and stay open while the pointer moves onto them; a mouse click follows the mark', async () => {
    const page = await newPage(site, { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${site.url}${PAGE}`);
      const mark = page.locator('.claim .cite-link').first();
      await mark.scrollIntoViewIfNeeded();
      await mark.hover();
      await expect.poll(() => previewBox(page), { timeout: 5_000 }).not.toBeNull();
      const box = (await previewBox(page))!;
      // Onto the preview, through the edge it shares with the mark.
      await page.mouse.move(box.x + (box.right - box.x) / 2, box.y + (box.bottom - box.y) / 2, { steps: 8 });
      expect(await previewBox(page)).not.toBeNull();
      await page.mouse.move(5, 5);
      await expect.poll(() => previewBox(page), { timeout: 5_000 }).toBeNull();
      const href = (await mark.getAttribute('href'))!;
      await followLink(page, mark, href.split('#')[0]!);
      expect(new URL(page.url()).pathname).toBe(href.split('#')[0]);
    } finally {
      await closePage(page);
    }
  });

  it('have marks at least 24 × 24 px', async () => {
    const page = await newPage(site, { viewport: { width: 360, height: 740 } });
    try {
      await page.goto(`${site.url}${PAGE}`);
      const sizes = await page
        .locator('.cite-link')
        .evaluateAll((links) => links.map((a) => a.getBoundingClientRect()).map((r) => ({ width: r.width, height: r.height })));
      expect(sizes.length).toBeGreaterThan(10);
      const small = sizes.filter((s) => s.width < 24 || s.height < 24);
      expect(small, `marks under 24 × 24 px: ${JSON.stringify(small.slice(0, 3))}`).toEqual([]);
    } finally {
      await closePage(page);
    }
  });
});

describe('JavaScript of content pages', () => {
  it('stays within 2 KB (the enhancements and the inline theme snippet), on a person, an episode and a claim page', async () => {
    const page = await newPage(site);
    try {
      for (const path of [PAGE, '/episodes/geneva-talks/', '/claims/geneva-witkoff-left-early/']) {
        let external = 0;
        const counting = (response: import('playwright-core').Response) =>
          response.request().resourceType() === 'script' &&
          response.body().then(
            (b) => (external += b.length),
            () => {},
          );
        page.on('response', counting);
        await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
        page.off('response', counting);
        const inline = await page.evaluate(() =>
          [...document.querySelectorAll('script:not([src])')]
            .filter((s) => (s as HTMLScriptElement).type !== 'application/ld+json')
            .reduce((n, s) => n + new TextEncoder().encode(s.textContent ?? '').length, 0),
        );
        expect(external, `${path}: external script bytes`).toBeGreaterThan(1000);
        expect(external + inline, `${path}: ${external} + ${inline} bytes of JavaScript`).toBeLessThanOrEqual(2 * 1024);
      }
    } finally {
      await closePage(page);
    }
  });
});
