/** Citations in a real browser: the preview on focus, Escape, and following a reference mark to the cited paragraph. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closePage, followLink, newPage, startSite, watchProblems, type Site } from '../support/e2e.ts';
import { pageTypes, readJson, squash, type ClaimsJson } from '../support/site.ts';

const dist = inject('distDir');
const claims = readJson<ClaimsJson>(dist, 'data/claims.json');
const personPath = pageTypes(dist).find((t) => t.type === 'person')!.path;
let site: Site;

beforeAll(async () => {
  site = await startSite(dist);
});
afterAll(async () => {
  await site?.close();
});

/** Is the element (by id) at least partly inside the viewport, and rendered? */
const inViewport = (page: Page, id: string) =>
  page.evaluate((id) => {
    const el = document.getElementById(id);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  }, id);

/**
 * After following a deep link: the hash, the `:target` element, and whether it is on screen. Chromium resolves a
 * `#p-7:~:text=…` link after load (text first, then the element id), so wait until `:target` settles.
 */
async function landing(page: Page) {
  await page.waitForLoadState('load');
  const hash = await page.evaluate(() => location.hash);
  const id = decodeURIComponent(hash.slice(1));
  let target: string | null = null;
  for (let i = 0; i < 50 && target !== id; i++) {
    target = await page.evaluate(() => document.querySelector(':target')?.id ?? null);
    if (target !== id) await page.waitForTimeout(100);
  }
  // The browser scrolls to the paragraph once it gives up on the text directive; on a loaded machine that takes a while.
  let visible = await inViewport(page, id);
  for (let i = 0; i < 50 && !visible; i++) {
    await page.waitForTimeout(100);
    visible = await inViewport(page, id);
  }
  return { hash, id, target, visible };
}

describe('citation marks', () => {
  it('show their preview when focused, and hide it on Escape', async () => {
    const page = await newPage(site);
    const problems = await watchProblems(page);
    try {
      await page.goto(`${site.url}${personPath}`);
      const cite = page
        .locator('.cite')
        .filter({ has: page.locator('.cite-link') })
        .first();
      const link = cite.locator('.cite-link');
      // One preview for the page, a popover filled in for the mark in focus or under the pointer.
      const preview = page.locator('.cite-preview');
      // The preview is filled in from the references list on focus; nothing shows before.
      expect(await preview.isVisible(), 'preview hidden before focus').toBe(false);
      // The link is described by its entry in the references list, with or without the preview.
      const refId = await link.getAttribute('aria-describedby');
      expect(refId).toMatch(/^ref-\d+$/);
      const reference = squash((await page.locator(`#${refId} blockquote`).textContent()) ?? '');
      await link.focus();
      await expect.poll(() => preview.isVisible()).toBe(true);
      expect(await preview.count()).toBe(1);
      // It shows the quoted passage of the reference it stands for.
      expect(squash((await preview.locator('blockquote').textContent()) ?? '')).toBe(reference);
      expect(squash((await preview.textContent()) ?? '')).not.toBe('');
      await page.keyboard.press('Escape');
      await expect.poll(() => preview.isVisible()).toBe(false);
      // Focus stays on the mark: Escape dismisses, it does not move the reader.
      expect(await link.evaluate((a) => a === document.activeElement)).toBe(true);
      // Moving on and back shows it again.
      await page.keyboard.press('Tab');
      await link.focus();
      await expect.poll(() => preview.isVisible()).toBe(true);
      expect(problems.list).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('show their preview on hover, and Escape hides it', async () => {
    const page = await newPage(site);
    try {
      await page.goto(`${site.url}${personPath}`);
      const cite = page.locator('.claim .cite').first();
      await cite.locator('.cite-link').hover();
      await expect.poll(() => page.locator('.cite-preview').isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.cite-preview').isVisible()).toBe(false);
    } finally {
      await closePage(page);
    }
  });

  it('lead, when clicked, to the cited paragraph of the source: the hash names it, it is the :target and on screen', async () => {
    const page = await newPage(site);
    const problems = await watchProblems(page);
    try {
      await page.goto(`${site.url}${personPath}`);
      const link = page.locator('.claim .cite-link').first();
      const href = (await link.getAttribute('href'))!;
      const [, slug, paragraph] = /^\/sources\/([a-z0-9-]+)\/#(p-\d+)(?::~:text=.+)?$/.exec(href) ?? [];
      expect(slug, `reference mark href ${href}`).toBeTruthy();
      await followLink(page, link, `/sources/${slug}/`);
      const at = await landing(page);
      expect(at.hash.startsWith('#p-'), `hash ${at.hash}`).toBe(true);
      expect(at.id).toBe(paragraph);
      expect(at.target).toBe(paragraph);
      expect(at.visible, `#${paragraph} is in the viewport`).toBe(true);
      expect(problems.list).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('point at paragraphs that are shown when followed, even a cited teaser folded with the page furniture', async () => {
    // A citation into folded furniture (a citable teaser) must still land on a visible paragraph.
    const folded = claims.claims
      .flatMap((c) => c.citations.map((x) => ({ c, x })))
      .find(({ x }) => {
        const s = readJson<{ sources: { slug: string; paragraphs: { id: string; furniture: boolean }[] }[] }>(
          dist,
          'data/sources.json',
        ).sources.find((s) => s.slug === x.source);
        return s?.paragraphs.find((p) => p.id === x.paragraph)?.furniture;
      });
    if (!folded) return; // no citation into furniture in this content
    const page = await newPage(site);
    try {
      const pagePath = new URL(folded.c.page).pathname;
      await page.goto(`${site.url}${pagePath}`);
      const link = page.locator(`#claim-${folded.c.id} .cite-link[href^="/sources/${folded.x.source}/#${folded.x.paragraph}"]`).first();
      expect(await link.count(), `a reference mark of ${folded.c.id} on ${pagePath} to ${folded.x.source}#${folded.x.paragraph}`).toBe(1);
      await followLink(page, link, `/sources/${folded.x.source}/`);
      const at = await landing(page);
      expect(at.id).toBe(folded.x.paragraph);
      expect(at.visible, `#${folded.x.paragraph} (furniture, folded) is opened and in the viewport`).toBe(true);
    } finally {
      await closePage(page);
    }
  });

  it('show, on the claim permalink page, the quoted words inside <mark> in their paragraph', async () => {
    const page = await newPage(site);
    const problems = await watchProblems(page);
    try {
      await page.goto(`${site.url}${personPath}`);
      const link = page.locator('.claim .cite-link').first();
      const href = (await link.getAttribute('href'))!;
      const claimId = (await link.evaluate((a) => a.closest('.claim')?.id ?? '')).replace(/^claim-/, '');
      const claim = claims.claims.find((c) => c.id === claimId);
      expect(claim, `claim ${claimId} in claims.json`).toBeTruthy();
      const citation =
        claim!.citations.find((x) => new URL(x.url).pathname + new URL(x.url).hash === href) ??
        claim!.citations.find((x) => href.startsWith(`/sources/${x.source}/#${x.paragraph}`));
      expect(citation, `citation ${href} of ${claimId}`).toBeTruthy();
      await page.goto(`${site.url}/claims/${claimId}/`);
      const marks = (await page.locator('mark').allTextContents()).map(squash);
      expect(marks, `marks on /claims/${claimId}/`).toContain(squash(citation!.passage));
      // And the page offers the same deep link to the passage.
      const deep = await page.locator(`a[href^="/sources/${citation!.source}/#${citation!.paragraph}"]`).count();
      expect(deep).toBeGreaterThan(0);
      expect(problems.list).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('have a references list whose entries link back to the mark', async () => {
    const page = await newPage(site);
    try {
      await page.goto(`${site.url}${personPath}`);
      const marks = await page.locator('.cite').count();
      const refs = await page.locator('.references li[id^="ref-"]').count();
      expect(refs).toBeGreaterThan(0);
      expect(refs).toBeLessThanOrEqual(marks);
      const back = page.locator('.references li[id^="ref-"] a[href^="#cite-"]').first();
      const target = (await back.getAttribute('href'))!.slice(1);
      await back.click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${target}`);
      expect(await inViewport(page, target)).toBe(true);
    } finally {
      await closePage(page);
    }
  });
});
