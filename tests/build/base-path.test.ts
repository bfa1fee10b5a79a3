/**
 * The engine serves more than one dossier, under any base: a second, fictional dossier (its own title, options and
 * content, tests/fixtures/second-dossier/) built with the same integration under `/some/sub/path/`, and the real
 * dossier built with `--base /dossier/`. Every page, link, fragment, search file and data file lies under the base.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectBuild, REPO } from '../support/astro-project.ts';
import { brokenLinks } from '../support/link-check.ts';
import { closePage, newPage, startSite, watchProblems, type Site } from '../support/e2e.ts';
import { htmlFiles, readHtml, readJson, slugsUnder, type ClaimsJson, type SourcesJson } from '../support/site.ts';

const SECOND = join(REPO, 'tests/fixtures/second-dossier');
const SECOND_BASE = '/some/sub/path/';
const SECOND_ORIGIN = 'https://harbour-watch.example.net';
const work = mkdtempSync(join(tmpdir(), 'backchannel-base-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a second dossier under /some/sub/path/', () => {
  const dist = join(work, 'second');
  let site: Site | undefined;

  beforeAll(async () => {
    const result = projectBuild(dist, SECOND);
    if (result.status !== 0) throw new Error(`the second dossier did not build:\n${result.stderr}\n${result.stdout.slice(-3000)}`);
    site = await startSite(dist, { root: SECOND, base: SECOND_BASE });
  }, 300_000);
  afterAll(() => site?.close());

  it('has its own pages, with its own title and none of the first dossier’s', () => {
    for (const folder of ['people', 'episodes', 'sources', 'discrepancies', 'claims'])
      expect(slugsUnder(dist, folder).length, folder).toBeGreaterThan(0);
    const home = readHtml(dist, 'index.html');
    expect(home.querySelector('title')?.textContent).toContain('Harbour Watch');
    expect(home.querySelector('.site-name')?.textContent).toBe('Harbour Watch');
    const foreign = htmlFiles(dist).filter((file) => /Witkoff|Rubio|Backchannel/.test(readFileSync(join(dist, file), 'utf8')));
    expect(foreign).toEqual([]);
  });

  it('resolves every link and fragment under the base, and links nothing outside it', () => {
    const { checked, broken } = brokenLinks(dist, { origin: SECOND_ORIGIN, base: SECOND_BASE });
    expect(checked).toBeGreaterThan(200);
    expect(broken).toEqual([]);
  });

  it('gives absolute addresses under the base in the data files, the feed and the sitemap', () => {
    const claims = readJson<ClaimsJson>(dist, 'data/claims.json');
    const sources = readJson<SourcesJson>(dist, 'data/sources.json');
    const prefix = `${SECOND_ORIGIN}${SECOND_BASE}`;
    expect(claims.claims.length).toBeGreaterThan(5);
    for (const claim of claims.claims) {
      expect(claim.permalink).toBe(`${prefix}claims/${claim.id}/`);
      expect(claim.page.startsWith(prefix), claim.page).toBe(true);
      for (const citation of claim.citations) expect(citation.url.startsWith(`${prefix}sources/${citation.source}/#`)).toBe(true);
    }
    for (const source of sources.sources) expect(source.url).toBe(`${prefix}sources/${source.slug}/`);
    const locs = [...readFileSync(join(dist, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(10);
    expect(locs.filter((loc) => !loc.startsWith(prefix))).toEqual([]);
    expect(locs).toContain(`${prefix}claims/${claims.claims[0]!.id}/`);
    const feed = readFileSync(join(dist, 'rss.xml'), 'utf8');
    expect([...feed.matchAll(/<link>([^<]+)<\/link>/g)].every((m) => m[1]!.startsWith(prefix))).toBe(true);
  });

  it('finds a page with search in a browser, and its result leads to the page under the base', async () => {
    const page = await newPage(site!);
    const problems = await watchProblems(page);
    try {
      const person = slugsUnder(dist, 'people')[0]!;
      const name = readHtml(dist, `people/${person}/index.html`).querySelector('h1')!.textContent.trim();
      await page.goto(`${site!.url}/search/?q=${encodeURIComponent(name.split(' ').pop()!)}`);
      const first = page.locator('#search-results a.search-result-link').first();
      await first.waitFor({ timeout: 15_000 });
      const hrefs = await page.locator('#search-results a.search-result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs.every((h) => h?.startsWith(SECOND_BASE))).toBe(true);
      expect(hrefs).toContain(`${SECOND_BASE}people/${person}/`);
      expect(problems.list).toEqual([]);
    } finally {
      await closePage(page);
    }
  }, 60_000);

  it('splits its claims into search indexes of two, and search finds the claims of every one', async () => {
    const claims = readJson<ClaimsJson>(dist, 'data/claims.json').claims;
    const indexes = Array.from(
      { length: Math.ceil(claims.length / 2) },
      (_, i) => `${SECOND_BASE}pagefind-claims/${i === 0 ? '' : `${i + 1}/`}`,
    );
    expect(indexes.length).toBeGreaterThan(2);
    for (const index of indexes) expect(existsSync(join(dist, index.slice(SECOND_BASE.length), 'pagefind-entry.json')), index).toBe(true);
    expect(readFileSync(join(dist, 'search/index.html'), 'utf8')).toContain(`data-claims-indexes="${indexes.join(' ')}"`);
    const page = await newPage(site!);
    const problems = await watchProblems(page);
    try {
      // Browsing without a query: the claim filter's results come from every claims' index.
      await page.goto(`${site!.url}/search/`);
      await page.locator('#search-filters input[name="type"][value="claim"]').check();
      await expect
        .poll(() => page.locator('#search-summary').textContent(), { timeout: 15_000 })
        .toMatch(new RegExp(`\\b${claims.length} results?\\b`));
      expect(problems.list).toEqual([]);
    } finally {
      await closePage(page);
    }
  }, 60_000);

  it('splits its pages into search indexes of three, and search finds the pages of every one', async () => {
    const pages = ['discrepancies', 'episodes', 'people', 'sources'].reduce((n, folder) => n + slugsUnder(dist, folder).length, 0);
    const indexes = Array.from({ length: Math.ceil(pages / 3) }, (_, i) => `${SECOND_BASE}pagefind/${i === 0 ? '' : `${i + 1}/`}`);
    expect(indexes.length).toBeGreaterThan(2);
    for (const index of indexes) expect(existsSync(join(dist, index.slice(SECOND_BASE.length), 'pagefind-entry.json')), index).toBe(true);
    // Only the first carries Pagefind's runtime.
    expect(indexes.filter((index) => existsSync(join(dist, index.slice(SECOND_BASE.length), 'pagefind.js')))).toEqual([indexes[0]]);
    expect(readFileSync(join(dist, 'search/index.html'), 'utf8')).toContain(`data-pages-indexes="${indexes.slice(1).join(' ')}"`);
    const page = await newPage(site!);
    const problems = await watchProblems(page);
    try {
      // People and sources lie across several pages' indexes: each type's results come from all of them.
      for (const [type, folder] of [
        ['person', 'people'],
        ['source', 'sources'],
        ['episode', 'episodes'],
      ] as const) {
        await page.goto(`${site!.url}/search/`);
        await page.locator(`#search-filters input[name="type"][value="${type}"]`).check();
        await expect
          .poll(() => page.locator('#search-summary').textContent(), { timeout: 15_000 })
          .toMatch(new RegExp(`\\b${slugsUnder(dist, folder).length} results?\\b`));
      }
      expect(problems.list).toEqual([]);
    } finally {
      await closePage(page);
    }
  }, 60_000);
});

describe('the real dossier built with --base /dossier/', () => {
  it('resolves every link and fragment under the base', () => {
    const dist = join(work, 'real');
    const result = projectBuild(dist, REPO, ['--base', '/dossier/']);
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(dist, 'pagefind', 'pagefind.js'))).toBe(true);
    const { checked, broken } = brokenLinks(dist, { origin: 'https://backchannel.example.org', base: '/dossier/' });
    expect(checked).toBeGreaterThan(10_000);
    expect(broken.slice(0, 20)).toEqual([]);
  }, 300_000);
});
