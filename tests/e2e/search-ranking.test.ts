/**
 * Search ranks as a reader needs: a person, episode, discrepancy or source page that matches comes before the claims
 * that mention it, the page a reader looks for is in the first three results, and excerpts do not repeat titles.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closePage, newPage, startSite, watchProblems, type Site } from '../support/e2e.ts';

const dist = inject('distDir');
let site: Site;
let page: Page;

beforeAll(async () => {
  site = await startSite(dist);
  page = await newPage(site);
  await page.goto(`${site.url}/search/`);
});
afterAll(async () => {
  if (page) await closePage(page);
  await site?.close();
});

/** Queries a journalist, a researcher or a curious reader would type, and the page each is looking for. */
const READER_QUERIES: [query: string, wanted: string][] = [
  ['Geneva', '/episodes/geneva-talks/'],
  ['Pigott', '/people/tommy-pigott/'],
  ['Kellogg', '/people/keith-kellogg/'],
  ['Macron', '/people/emmanuel-macron/'],
  ['Vitkoff', '/discrepancies/vitkoff-spelling/'],
  ['28-point plan', '/episodes/twenty-eight-point-plan/'],
  ['Anchorage', '/episodes/anchorage-summit/'],
  ['wedding', '/episodes/north-carolina-wedding-and-leaked-plan/'],
  ['Ushakov', '/people/yuri-ushakov/'],
  ['Kushner', '/people/jared-kushner/'],
  ['Qatar', '/episodes/qatar-scouting-visit/'],
  ['Zelensky', '/people/volodymyr-zelenskyy/'],
  ['secure communications', '/episodes/private-jet-secure-communications/'],
  ['Vance', '/people/jd-vance/'],
  ['Rubio', '/people/marco-rubio/'],
  ['Witkoff', '/people/steve-witkoff/'],
  ['Steve Witkoff', '/people/steve-witkoff/'],
  ['Marco Rubio', '/people/marco-rubio/'],
  ['humiliated', '/sources/rubio-humiliated/'],
  ['Miami', '/episodes/florida-meeting/'],
  ['Bloomberg transcript', '/episodes/ushakov-call-transcript-leak/'],
  ['translated retelling', '/sources/non-public-rivalry/'],
  ['tabloid', '/sources/rubio-humiliated/'],
  ['Steve Pigott', '/discrepancies/spokesperson-first-name/'],
  ['schoolteacher', '/episodes/february-russia-trip-schoolteacher/'],
];

interface Shown {
  href: string;
  type: string;
  title: string;
  excerpt: string;
}

/** Search for `query` in the search box and read the results once the summary names the query. */
async function search(query: string): Promise<Shown[]> {
  const input = page.locator('#search-input');
  await input.fill(query);
  await expect.poll(() => page.locator('#search-summary').textContent(), { timeout: 15_000 }).toContain(`for “${query}”`);
  await expect.poll(() => page.locator('#search-results a.search-result-link').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  // The first three show first, the rest of the page right after: wait for the summary and results to settle.
  await page.waitForTimeout(150);
  return page.locator('#search-results > li.search-result').evaluateAll((items) =>
    items.map((li) => ({
      href: li.querySelector('a.search-result-link')?.getAttribute('href') ?? '',
      type: (li as HTMLElement).dataset.type ?? '',
      title: li.querySelector('.search-result-title')?.textContent ?? '',
      excerpt: li.querySelector(':scope > .search-result-excerpt')?.textContent ?? '',
    })),
  );
}

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

describe('search ranking', () => {
  it(`puts the page a reader wants in the first three results, for ${READER_QUERIES.length} reader queries`, async () => {
    const problems = await watchProblems(page);
    const ranks: string[] = [];
    const misses: string[] = [];
    for (const [query, wanted] of READER_QUERIES) {
      const hrefs = (await search(query)).map((r) => r.href);
      const rank = hrefs.indexOf(wanted) + 1;
      ranks.push(`${query} → ${wanted}: ${rank || `not in the first ${hrefs.length}`}`);
      if (rank < 1 || rank > 3)
        misses.push(`“${query}”: ${wanted} is ${rank ? `#${rank}` : 'not shown'}; first three: ${hrefs.slice(0, 3).join(', ')}`);
    }
    console.info(`ranks:\n${ranks.join('\n')}`);
    expect(misses, `wanted pages outside the first three:\n${misses.join('\n')}\n`).toEqual([]);
    expect(problems.list).toEqual([]);
  });

  it('lists every matching page before the claims, and says where the claims start', async () => {
    // Few enough pages match "Kushner" for the claims to start on the first page of results.
    const results = await search('Kushner');
    const firstClaim = results.findIndex((r) => r.type === 'claim');
    expect(firstClaim, 'pages come first, claims follow').toBeGreaterThan(0);
    expect(results.slice(firstClaim).every((r) => r.type === 'claim')).toBe(true);
    expect(results.slice(0, firstClaim).every((r) => ['person', 'episode', 'discrepancy', 'source', 'page'].includes(r.type))).toBe(true);
    // A line before the first claim says what follows.
    const before = page.locator('#search-results > li').nth(firstClaim);
    expect(await before.getAttribute('class')).toBe('search-group');
    expect(await before.textContent()).toMatch(/Claims that mention it/);
    // Filtered to claims, only claims are listed, and no group line is needed.
    await page.locator('#search-filters input[name="type"][value="claim"]').check();
    await expect
      .poll(() => page.locator('#search-results a.search-result-link:not([href^="/claims/"])').count(), { timeout: 15_000 })
      .toBe(0);
    expect(await page.locator('#search-results > li.search-group').count()).toBe(0);
    await page.locator('#search-filters input[name="type"][value="claim"]').uncheck();
  });

  it('shows excerpts that do not repeat the result’s title', async () => {
    const repeats: string[] = [];
    let excerpts = 0;
    for (const query of ['Kellogg', 'Geneva', 'Pigott', 'Qatar', 'absurd']) {
      for (const r of await search(query)) {
        const title = words(r.title).join(' ');
        const excerpt = words(r.excerpt).join(' ');
        if (!excerpt) continue;
        excerpts++;
        // Neither the whole title nor its opening words (a claim's title is its first sentence, cut at 150 characters).
        const opening = words(r.title).slice(0, 6).join(' ');
        if (excerpt.includes(title) || (words(r.title).length >= 6 && excerpt.startsWith(opening)))
          repeats.push(`“${query}” ${r.href}: title “${r.title}”, excerpt “${r.excerpt}”`);
      }
    }
    expect(excerpts, 'results with an excerpt').toBeGreaterThan(20);
    expect(repeats, `excerpts repeating their title:\n${repeats.join('\n')}\n`).toEqual([]);
  });
});
