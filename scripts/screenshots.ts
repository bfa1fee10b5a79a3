/**
 * `npm run screenshots [dist] [out]`: phone and desktop screenshots of the main page types, light and dark, into
 * docs/screenshots/, and of a citation preview opened (a tap on a phone, a hover on a desktop).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser.ts';
import { servePreview } from '../tests/support/preview.ts';

const dir = process.argv[2] ?? 'dist';
const out = process.argv[3] ?? 'docs/screenshots';

/** Open the first citation preview of the page: a tap on a phone, the pointer on a desktop. */
async function openPreview(page: Page, phone: boolean) {
  const mark = page.locator('.claim .cite-link').nth(2);
  await mark.scrollIntoViewIfNeeded();
  await page.evaluate(() => scrollBy(0, -innerHeight / 3));
  if (phone) await mark.tap();
  else await mark.hover();
  await page.locator('.cite-preview:popover-open').waitFor({ timeout: 10_000 });
}

const pages: { name: string; path: string; prepare?: (page: Page, phone: boolean) => Promise<unknown> }[] = [
  { name: 'home', path: '/' },
  { name: 'person', path: '/people/steve-witkoff/' },
  { name: 'preview', path: '/people/tommy-pigott/', prepare: openPreview },
  { name: 'episode', path: '/episodes/geneva-talks/' },
  { name: 'source', path: '/sources/non-public-rivalry/' },
  { name: 'claims', path: '/claims/' },
  { name: 'claim', path: '/claims/geneva-witkoff-left-early/' },
  {
    name: 'search',
    path: '/search/?q=Geneva',
    prepare: (page) => page.waitForSelector('#search-results a', { timeout: 10_000 }).catch(() => undefined),
  },
  { name: 'not-found', path: '/people/steve-witkof/' },
];
const viewports = { phone: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } };
mkdirSync(out, { recursive: true });
const { url, stop } = await servePreview(dir);
const browser = await launchBrowser();
try {
  for (const { name, path, prepare } of pages) {
    for (const [device, viewport] of Object.entries(viewports)) {
      for (const scheme of ['light', 'dark'] as const) {
        const phone = device === 'phone';
        const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1, hasTouch: phone, isMobile: phone });
        const page = await context.newPage();
        await page.goto(url + path, { waitUntil: 'networkidle' });
        await prepare?.(page, phone);
        await page.screenshot({ path: `${out}/${name}-${device}-${scheme}.png` });
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await stop();
}
process.stdout.write(`screenshots written to ${out}/\n`);
