/**
 * Tidy claim pages and lists: one full statement of the claim, a breadcrumb in words, the origins box within a phone's
 * first screen, and the denied claims listed by the denial they answer, each denial once.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closePage, newPage, startSite, type Site } from '../support/e2e.ts';
import { readJson, squash, type ClaimsJson } from '../support/site.ts';

const dist = inject('distDir');
const claims = readJson<ClaimsJson>(dist, 'data/claims.json').claims;
const SAMPLE = claims.find((c) => c.id === 'geneva-witkoff-left-early') ?? claims[0]!;
let site: Site;

beforeAll(async () => {
  site = await startSite(dist);
});
afterAll(async () => {
  await site?.close();
});

/** Groups of denied claims that cite a common denied paragraph (directly or through another claim). */
function denialGroups(): string[][] {
  const denied = claims.filter((c) => c.status === 'denied');
  const keys = (c: (typeof claims)[number]) =>
    c.citations.filter((x) => x.stance === 'denies').flatMap((x) => x.paragraphs.map((p) => `${x.source}#${p}`));
  const groups: { keys: Set<string>; ids: string[] }[] = [];
  for (const c of denied) {
    const mine = new Set(keys(c));
    const joined = groups.filter((g) => [...mine].some((k) => g.keys.has(k)));
    const group = { keys: new Set([...mine, ...joined.flatMap((g) => [...g.keys])]), ids: [c.id, ...joined.flatMap((g) => g.ids)] };
    for (const g of joined) groups.splice(groups.indexOf(g), 1);
    groups.push(group);
  }
  return groups.map((g) => g.ids.sort());
}

describe('a claim page', () => {
  it('states the claim once, in full, with a breadcrumb in words', async () => {
    const page = await newPage(site, { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${site.url}/claims/${SAMPLE.id}/`);
      const statement = squash((await page.locator('.claim-page .claim-block').textContent()) ?? '');
      expect(statement).toBe(squash(SAMPLE.text));
      expect(await page.locator('.claim-page .claim-block').isVisible()).toBe(true);
      // The heading (the first sentence) names the page for screen readers; it is not shown a second time.
      expect(await page.locator('h1').count()).toBe(1);
      const heading = squash((await page.locator('h1').textContent()) ?? '').replace(/…$/, '');
      expect(statement.startsWith(heading)).toBe(true);
      const box = (await page.locator('h1').boundingBox())!;
      expect(box.width * box.height, 'the heading takes no room on screen').toBeLessThanOrEqual(1);
      // The breadcrumb's last item is the claim's title, not its id.
      const crumb = squash((await page.locator('nav.breadcrumbs li').last().textContent()) ?? '');
      expect(crumb).toBe(`Claim: ${squash((await page.locator('h1').textContent()) ?? '')}`);
      expect(crumb).not.toContain(SAMPLE.id);
    } finally {
      await closePage(page);
    }
  });

  it('shows the origins box within the first screen of a phone for at least 95% of claims', async () => {
    const page = await newPage(site, { viewport: { width: 360, height: 740 } });
    const late: string[] = [];
    // Every fourth claim: enough to measure the share without loading all of them.
    const sample = claims.filter((_, i) => i % 4 === 0);
    try {
      for (const c of sample) {
        await page.goto(`${site.url}/claims/${c.id}/`);
        const top = await page.locator('.claim-page dl.facts').evaluate((dl) => dl.getBoundingClientRect().top);
        // At least its first line on screen.
        if (top > 740 - 40) late.push(`${c.id}: box at ${Math.round(top)} px`);
      }
      expect(late.length / sample.length, `origins box below the first screen:\n${late.join('\n')}\n`).toBeLessThanOrEqual(0.05);
    } finally {
      await closePage(page);
    }
  });
});

describe('denied claims', () => {
  it('are listed on the claims index by the denial they answer, each denial once, every denied claim under one', async () => {
    const groups = denialGroups();
    const denied = claims.filter((c) => c.status === 'denied');
    expect(groups.length).toBeLessThan(denied.length);
    const page = await newPage(site);
    try {
      await page.goto(`${site.url}/claims/`);
      const section = page.locator('section:has(> h2#denied)');
      expect(squash((await section.locator('h2').textContent()) ?? '')).toBe(`Denied (${denied.length} claims, ${groups.length} denials)`);
      const shown = await section.locator('.denial-group').evaluateAll((items) =>
        items.map((li) => ({
          wordings: [...li.querySelectorAll('.denial-wordings q')].map((q) => q.textContent ?? ''),
          ids: [...li.querySelectorAll('.denied-claims .claim-list > li a.status')]
            .map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/')[2]!)
            .sort(),
          open: (li.querySelector('details.denied-claims') as HTMLDetailsElement).open,
        })),
      );
      expect(shown.map((g) => g.ids).sort()).toEqual(groups.sort());
      // Each wording of a denial shows once in the section, and the claims under it are folded.
      const wordings = shown.flatMap((g) => g.wordings);
      expect(new Set(wordings).size).toBe(wordings.length);
      expect(shown.every((g) => !g.open && g.wordings.length > 0)).toBe(true);
      // Unfolded, a group lists the claims it answers.
      const first = section.locator('.denial-group').first();
      await first.locator('summary').click();
      expect(await first.locator('.claim-list > li').first().isVisible()).toBe(true);
    } finally {
      await closePage(page);
    }
  });
});
