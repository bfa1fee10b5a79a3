/** Every page type loads clean: no console errors, no uncaught exceptions, no failed requests, no CSP violations. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { servePreview } from '../support/preview.ts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closePage, followLink, newPage, startSite, watchProblems, type Site } from '../support/e2e.ts';
import { pageTypes } from '../support/site.ts';

const dist = inject('distDir');
const MISSING = '/no-such-page-for-the-404-test/';
// The 404 type is loaded as a reader meets it: a missing address answered by 404.html with status 404.
const types = pageTypes(dist).map((t) => (t.type === '404' ? { ...t, path: MISSING } : t));
let site: Site;

beforeAll(async () => {
  site = await startSite(dist);
});
afterAll(async () => {
  await site?.close();
});

/** Let late work finish: the search UI loads Pagefind's index, WebAssembly and filters after the page loads. */
async function settle(page: Page, path: string) {
  if (path.startsWith('/search/')) {
    await page.locator('#search-filters input[type="checkbox"]').first().waitFor({ state: 'attached', timeout: 15_000 });
  }
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
}

describe('console, network and CSP', () => {
  for (const { type, path } of types) {
    it(`loads the ${type} page (${path}) without errors, failed requests or CSP violations`, async () => {
      const page = await newPage(site);
      const problems = await watchProblems(page, { allowStatus: (url, status) => status === 404 && new URL(url).pathname === MISSING });
      try {
        const response = await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
        expect(response?.status()).toBe(path === MISSING ? 404 : 200);
        await settle(page, path);
        // The main-document 404 is expected; Chromium reports it as a console error too.
        const list = problems.list.filter(
          (p) =>
            !(
              path === MISSING &&
              /console error: Failed to load resource: the server responded with a status of 404/.test(p) &&
              p.startsWith(MISSING)
            ),
        );
        expect(list, `problems on ${path}:\n${list.join('\n')}\n`).toEqual([]);
      } finally {
        await closePage(page);
      }
    });
  }

  it('runs a search, a type filter and opens a result without errors, failed requests or CSP violations', async () => {
    const page = await newPage(site);
    const problems = await watchProblems(page);
    try {
      await page.goto(`${site.url}/search/?q=Witkoff`, { waitUntil: 'load' });
      await settle(page, '/search/');
      const input = page.locator('#search-input');
      await input.click();
      await input.fill('');
      await input.pressSequentially('Rubio Geneva', { delay: 20 });
      await expect.poll(() => page.locator('#search-results a.search-result-link').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await page.locator('#search-filters input[type="checkbox"][name="type"][value="episode"]').check();
      await expect
        .poll(() => page.locator('#search-results a.search-result-link[href^="/episodes/"]').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      // Wait until the filtered list has settled (only episodes left) so the result clicked is not re-rendered away.
      await expect
        .poll(() => page.locator('#search-results a.search-result-link:not([href^="/episodes/"])').count(), { timeout: 15_000 })
        .toBe(0);
      const first = page.locator('#search-results a.search-result-link').first();
      const href = (await first.getAttribute('href'))!;
      await followLink(page, first, href.split('#')[0]!);
      await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
      expect(problems.list, `problems:\n${problems.list.join('\n')}\n`).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('toggles the theme and previews a citation without errors or CSP violations', async () => {
    const page = await newPage(site);
    const problems = await watchProblems(page);
    try {
      await page.goto(`${site.url}${types.find((t) => t.type === 'person')!.path}`, { waitUntil: 'load' });
      await page.locator('#theme-toggle').click();
      await page.locator('.cite-link').first().focus();
      await page.keyboard.press('Escape');
      await page.reload({ waitUntil: 'load' });
      expect(problems.list, `problems:\n${problems.list.join('\n')}\n`).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('catches what it looks for (a console error, an exception, a failed request, a 404 and a CSP violation)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backchannel-watch-'));
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self'"><title>t</title></head>
      <body><img src="/missing.png" alt=""><img src="http://127.0.0.1:9/unreachable.png" alt=""><script>console.error('boom')</script><script src="/bad.js"></script></body></html>`,
    );
    writeFileSync(join(dir, '404.html'), 'not found');
    writeFileSync(join(dir, 'bad.js'), "console.error('boom'); throw new Error('kaput');");
    const { url, stop } = await servePreview(dir);
    const page = await newPage(site);
    const problems = await watchProblems(page);
    try {
      await page.goto(`${url}/`, { waitUntil: 'load' });
      await page.waitForTimeout(300);
      const all = problems.list.join('\n');
      expect(all).toMatch(/CSP violation of script-src/); // the inline script
      expect(all).toMatch(/console error: boom/); // from bad.js
      expect(all).toMatch(/uncaught Error: kaput/);
      expect(all).toMatch(/HTTP 404 for .*missing\.png/);
      expect(all).toMatch(/request failed: GET http:\/\/127\.0\.0\.1:9\/unreachable\.png|CSP violation of img-src/);
    } finally {
      await closePage(page);
      await stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
