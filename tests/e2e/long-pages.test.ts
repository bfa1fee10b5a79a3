/**
 * Long pages a reader can find their way through: "On this page" on person, episode, source and discrepancy pages
 * (a sticky column on a desktop, a folded list on a phone), the sidebar before the references, backlinks folded under
 * each source paragraph and opened on target and in print, and "Reported by" at the top of an episode.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closePage, newPage, startSite, type Site } from '../support/e2e.ts';
import { readJson, type SourcesJson } from '../support/site.ts';

const dist = inject('distDir');
const sources = readJson<SourcesJson>(dist, 'data/sources.json').sources;
const LONG = {
  person: '/people/steve-witkoff/',
  episode: '/episodes/geneva-talks/',
  source: '/sources/go-it-alone-diplomacy/',
  discrepancy: '/discrepancies/spokesperson-first-name/',
};
let site: Site;

beforeAll(async () => {
  site = await startSite(dist);
});
afterAll(async () => {
  await site?.close();
});

/** The table of contents' links, with whether each is shown. */
const tocLinks = (page: Page) =>
  page
    .locator('nav.toc a')
    .evaluateAll((links) =>
      links.map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent ?? '', shown: (a as HTMLElement).checkVisibility() })),
    );

describe('On this page', () => {
  for (const [type, path] of Object.entries(LONG)) {
    it(`is a sticky column beside the ${type} page on a desktop, every link to a section of the page`, async () => {
      const page = await newPage(site, { viewport: { width: 1280, height: 900 } });
      try {
        await page.goto(`${site.url}${path}`);
        const links = await tocLinks(page);
        expect(links.length, 'sections listed').toBeGreaterThanOrEqual(2);
        expect(links.filter((l) => !l.shown)).toEqual([]);
        for (const l of links) expect(await page.locator(`[id="${l.href.slice(1)}"]`).count(), `${l.href} on ${path}`).toBe(1);
        // Left of the text, and still on screen far down the page.
        const toc = (await page.locator('nav.toc').boundingBox())!;
        const text = (await page.locator('.page-main').boundingBox())!;
        expect(toc.x + toc.width).toBeLessThanOrEqual(text.x);
        await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight * 0.6));
        await expect.poll(async () => (await page.locator('nav.toc').boundingBox())!.y).toBeGreaterThanOrEqual(-1);
        const after = (await page.locator('nav.toc').boundingBox())!;
        expect(after.y).toBeLessThan(900 / 2);
        // Following a link brings its section to the top of the screen.
        const last = page.locator('nav.toc a').last();
        const href = (await last.getAttribute('href'))!;
        await last.click();
        await expect.poll(() => page.evaluate(() => location.hash)).toBe(href);
        // (Or as far up as the page scrolls: the last section of a short page stays lower.)
        const { top, atEnd } = await page.locator(`[id="${href.slice(1)}"]`).evaluate((el) => ({
          top: el.getBoundingClientRect().top,
          atEnd: scrollY + innerHeight >= document.documentElement.scrollHeight - 2,
        }));
        expect(top).toBeGreaterThanOrEqual(-1);
        expect(top < 100 || (atEnd && top < 900), `section top at ${top}`).toBe(true);
      } finally {
        await closePage(page);
      }
    });
  }

  it('is a folded list at the top of a long page on a phone, which a tap opens', async () => {
    const page = await newPage(site, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    try {
      await page.goto(`${site.url}${LONG.person}`);
      const summary = page.locator('nav.toc summary');
      expect(await summary.isVisible()).toBe(true);
      expect(await summary.textContent()).toMatch(/On this page \(\d+ sections\)/);
      // Folded: the links take no room until opened.
      expect((await tocLinks(page)).every((l) => !l.shown)).toBe(true);
      const box = (await summary.boundingBox())!;
      expect(box.y + box.height, 'within the first screen').toBeLessThan(740);
      expect(box.height).toBeGreaterThanOrEqual(24);
      await summary.tap();
      await expect.poll(async () => (await tocLinks(page)).every((l) => l.shown)).toBe(true);
      // Before the text in reading order.
      expect(
        await page.evaluate(
          () => !!(document.querySelector('nav.toc')!.compareDocumentPosition(document.querySelector('.page-main')!) & 4),
        ),
      ).toBe(true);
    } finally {
      await closePage(page);
    }
  });

  it('puts the sidebar before the references in reading order, and a keyboard reaches it in fewer than 70 presses of Tab', async () => {
    const page = await newPage(site, { viewport: { width: 1280, height: 900 } });
    try {
      for (const path of [LONG.person, LONG.episode]) {
        await page.goto(`${site.url}${path}`);
        const before = await page.evaluate(
          () => !!(document.querySelector('aside.sidebar')!.compareDocumentPosition(document.querySelector('.references')!) & 4),
        );
        expect(before, `${path}: sidebar, then references`).toBe(true);
      }
      await page.goto(`${site.url}/people/tommy-pigott/`);
      let presses = 0;
      while (presses < 200 && !(await page.evaluate(() => !!document.activeElement?.closest('aside.sidebar')))) {
        await page.keyboard.press('Tab');
        presses++;
      }
      expect(presses, 'Tab presses to the first link of the sidebar').toBeLessThan(70);
    } finally {
      await closePage(page);
    }
  });
});

describe('backlinks on a source page', () => {
  const source = sources.find((s) => `/sources/${s.slug}/` === LONG.source)!;
  const cited = source.paragraphs.filter((p) => p.citedBy.length > 1 && !p.furniture);
  const target = cited[Math.floor(cited.length / 2)]!;

  it('fold into “N claims cite this ¶” under each cited paragraph', async () => {
    const page = await newPage(site);
    try {
      await page.goto(`${site.url}${LONG.source}`);
      const para = page.locator(`[id="${target.id}"]`);
      expect(await para.locator('.cited-by summary').textContent()).toContain(`${target.citedBy.length} claims cite this ¶`);
      expect(await para.locator('.backlinks').isVisible(), 'folded').toBe(false);
      const folded = await page
        .locator('.source-text .cited-by')
        .evaluateAll((ds) => ds.filter((d) => !(d as HTMLDetailsElement).open).length);
      expect(folded).toBe(await page.locator('.source-text .cited-by').count());
      await para.locator('.cited-by summary').click();
      expect(await para.locator('.backlinks').isVisible()).toBe(true);
      expect(await para.locator('.backlinks li').count()).toBe(target.citedBy.length);
    } finally {
      await closePage(page);
    }
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`open when their paragraph is the link target${javaScriptEnabled ? '' : ', without JavaScript'}, and only that paragraph's`, async () => {
      const page = await newPage(site, { javaScriptEnabled });
      try {
        await page.goto(`${site.url}${LONG.source}#${target.id}`);
        await expect.poll(() => page.locator(`[id="${target.id}"] .backlinks`).isVisible()).toBe(true);
        // With JavaScript the fold is open too (its summary says so); without, the style shows the list.
        if (javaScriptEnabled) await expect.poll(() => page.locator(`[id="${target.id}"] details.cited-by`).getAttribute('open')).toBe('');
        const shown = await page
          .locator('.source-text .backlinks')
          .evaluateAll((uls) => uls.filter((ul) => (ul as HTMLElement).checkVisibility()).length);
        expect(shown).toBe(1);
        // Another paragraph followed from the page opens too.
        const other = cited[0]!;
        await page.evaluate((id) => (location.hash = id), other.id);
        await expect.poll(() => page.locator(`[id="${other.id}"] .backlinks`).isVisible()).toBe(true);
      } finally {
        await closePage(page);
      }
    });
  }

  it('are all printed', async () => {
    const page = await newPage(site);
    try {
      await page.goto(`${site.url}${LONG.source}`);
      await page.emulateMedia({ media: 'print' });
      const visible = await page
        .locator('.source-text > .para .backlinks')
        .evaluateAll((uls) => uls.map((ul) => (ul as HTMLElement).checkVisibility()));
      expect(visible.length).toBeGreaterThan(10);
      expect(visible.every(Boolean)).toBe(true);
      expect(await page.locator('nav.toc').isVisible(), 'no table of contents on paper').toBe(false);
    } finally {
      await closePage(page);
    }
  });
});

describe('Reported by', () => {
  it('names, near the top of an episode, each source its references quote, by independent origin, with the count', async () => {
    const page = await newPage(site, { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${site.url}${LONG.episode}`);
      const box = page.locator('section.reported-by');
      expect(await box.locator('h2').textContent()).toBe('Reported by');
      // The sources the references list quotes, each named by its short name and linked.
      const cited = new Set(
        await page.locator('.references a.ref-source').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
      );
      const named = await box
        .locator('li a')
        .evaluateAll((as) => as.map((a) => ({ path: new URL((a as HTMLAnchorElement).href).pathname, text: a.textContent })));
      expect(new Set(named.map((n) => n.path))).toEqual(cited);
      for (const n of named) expect(n.text).toBe(sources.find((s) => `/sources/${s.slug}/` === n.path)!.name);
      // One line per original story; the count of stories and of sources in words, then the claims' independent
      // origins (which follow each passage's credits, so they are not the stories: issue 19).
      const origins = new Set(sources.filter((s) => cited.has(`/sources/${s.slug}/`)).map((s) => s.basedOn ?? s.publisher ?? s.slug));
      expect(await box.locator('li').count()).toBe(origins.size);
      expect(await box.locator('.reported-by-count').textContent()).toMatch(
        new RegExp(
          `${cited.size} sources?, retelling ${origins.size} original stor(?:y|ies); the claims below rest on \\d+ independent origins?`,
        ),
      );
      // At the top: above the account, and within the first screen of a desktop.
      expect((await box.boundingBox())!.y).toBeLessThan(900);
      expect(
        await page.evaluate(
          () => !!(document.querySelector('.reported-by')!.compareDocumentPosition(document.querySelector('.claim')!) & 4),
        ),
      ).toBe(true);
    } finally {
      await closePage(page);
    }
  });

  it('shows on every episode page', async () => {
    const episodes = readJson<{ claims: { page: string }[] }>(dist, 'data/claims.json')
      .claims.map((c) => new URL(c.page).pathname)
      .filter((p) => p.startsWith('/episodes/'));
    const page = await newPage(site);
    try {
      for (const path of [...new Set(episodes)].slice(0, 8)) {
        await page.goto(`${site.url}${path}`);
        expect(await page.locator('section.reported-by li').count(), path).toBeGreaterThan(0);
      }
    } finally {
      await closePage(page);
    }
  });
});
