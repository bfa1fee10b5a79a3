/** Accessibility and robustness in a real browser: axe in both colour schemes, 360 px, theme toggle, timeline, no-JS. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closePage, newPage, startSite, type Site } from '../support/e2e.ts';
import { pageTypes, readHtml, slugsUnder } from '../support/site.ts';

const dist = inject('distDir');
const types = pageTypes(dist);
const personPath = types.find((t) => t.type === 'person')!.path;
let site: Site;

beforeAll(async () => {
  site = await startSite(dist);
});
afterAll(async () => {
  await site?.close();
});

/** Load a page and wait until what scripts render is there (the search UI renders after its scripts load). */
async function open(page: Page, path: string) {
  await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
  if (
    path.startsWith('/search/') &&
    (await page.evaluate(() => document.documentElement.dataset.js !== 'off' && !!document.getElementById('search-ui')))
  ) {
    await page
      .locator('#search-filters input[type="checkbox"]')
      .first()
      .waitFor({ state: 'attached', timeout: 15_000 })
      .catch(() => {});
    await page.waitForTimeout(300);
  }
}

/** Rules (of axe's default WCAG A/AA set) whose outcome depends on colours: the only ones a colour scheme can change. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Run axe on the page as it is: every rule in the light scheme; in the dark scheme only the colours change, so only
 * colour rules run again. Legacy mode runs axe in the page in one go: the site has no iframes, and the default
 * (partial runs merged in a second page) takes four times as long on the claims index. Returns the count and a
 * readable report of the first nodes of each violation.
 */
async function axeViolations(page: Page, colorScheme: 'light' | 'dark'): Promise<{ count: number; report: string }> {
  let axe = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
  if (colorScheme === 'dark') axe = axe.withRules(COLOUR_RULES);
  const { violations } = await axe.analyze();
  const report = violations.flatMap((v) =>
    v.nodes
      .slice(0, 8)
      .map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? v.help}`)
      .concat(v.nodes.length > 8 ? [`${v.id}: …and ${v.nodes.length - 8} more nodes`] : []),
  );
  return { count: violations.length, report: report.join('\n') };
}

describe('axe', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const { type, path } of types) {
      const what = colorScheme === 'light' ? 'violations' : 'colour violations';
      it(`finds no ${what} on the ${type} page (${path}) in the ${colorScheme} scheme`, async () => {
        const page = await newPage(site, { colorScheme });
        try {
          await open(page, path);
          const { count, report } = await axeViolations(page, colorScheme);
          expect(count, `axe violations on ${path} (${colorScheme}):\n${report}\n`).toBe(0);
        } finally {
          await closePage(page);
        }
      });
    }
  }
});

describe('axe on live search results', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds no violations in the results for a typed query, with a type filter checked (${colorScheme})`, async () => {
      const page = await newPage(site, { colorScheme });
      try {
        await open(page, '/search/');
        const input = page.locator('#search-input');
        await input.click();
        await input.pressSequentially('Geneva', { delay: 20 });
        await expect.poll(() => page.locator('#search-results a.search-result-link').count(), { timeout: 15_000 }).toBeGreaterThan(2);
        await page.locator('#search-filters input[type="checkbox"][name="type"][value="claim"]').check();
        await page.waitForTimeout(800);
        const { count, report } = await axeViolations(page, colorScheme);
        expect(count, `axe violations on /search/ with results (${colorScheme}):\n${report}\n`).toBe(0);
      } finally {
        await closePage(page);
      }
    });
  }
});

describe('axe on what a reader opens', () => {
  /** Each case: where, at what width, and what to open before axe runs. */
  const cases: { what: string; path: string; width: number; open: (page: Page) => Promise<unknown> }[] = [
    {
      what: 'a citation preview on a desktop',
      path: personPath,
      width: 1280,
      open: (page) => page.locator('.claim .cite-link').first().focus(),
    },
    {
      what: 'the table of contents and a citation preview sheet on a phone',
      path: '/people/steve-witkoff/',
      width: 360,
      open: async (page) => {
        await page.locator('nav.toc summary').click();
        await page.locator('.claim .cite-link').first().focus();
      },
    },
    {
      what: 'a paragraph’s backlinks on a source page',
      path: '/sources/go-it-alone-diplomacy/#p-20',
      width: 1280,
      open: (page) => page.locator('#p-20 .backlinks').waitFor(),
    },
    {
      what: 'a denial’s claims on the claims index',
      path: '/claims/',
      width: 1280,
      open: (page) => page.locator('.denial-group summary').first().click(),
    },
  ];
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const { what, path, width, open: opening } of cases) {
      it(`finds no ${colorScheme === 'light' ? 'violations' : 'colour violations'} with ${what} open (${colorScheme})`, async () => {
        const page = await newPage(site, { colorScheme, viewport: { width, height: 800 } });
        try {
          await open(page, path);
          await opening(page);
          await page.waitForTimeout(200);
          const { count, report } = await axeViolations(page, colorScheme);
          expect(count, `axe violations on ${path} with ${what} (${colorScheme}):\n${report}\n`).toBe(0);
        } finally {
          await closePage(page);
        }
      });
    }
  }
});

describe('narrow screens', () => {
  it('never scrolls sideways at 360 px, on any page type', async () => {
    const page = await newPage(site, { viewport: { width: 360, height: 740 } });
    const wide: string[] = [];
    try {
      for (const { type, path } of types) {
        await open(page, path);
        const { scrollWidth, culprits } = await page.evaluate(() => {
          const w = document.documentElement.clientWidth;
          const culprits = [...document.querySelectorAll('body *')]
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && r.right > w + 1 && getComputedStyle(el).position !== 'fixed';
            })
            .filter((el, _, all) => !all.some((o) => o !== el && o.contains(el)))
            .slice(0, 3)
            .map((el) => {
              const name = (e: Element) =>
                `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${typeof e.className === 'string' && e.className.trim() ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}`;
              const parent = el.parentElement?.closest('[class], [id]');
              return `${parent ? `${name(parent)} > ` : ''}${name(el)} "${(el.textContent ?? '').trim().slice(0, 30)}" right=${Math.round(el.getBoundingClientRect().right)}`;
            });
          return { scrollWidth: document.documentElement.scrollWidth, culprits };
        });
        if (scrollWidth > 360) wide.push(`${type} ${path}: scrollWidth ${scrollWidth} (${culprits.join(', ')})`);
      }
    } finally {
      await closePage(page);
    }
    expect(wide.length, `pages wider than 360 px:\n${wide.join('\n')}\n`).toBe(0);
  });
});

describe('theme toggle', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`switches data-theme and remembers the choice after a reload (system ${colorScheme})`, async () => {
      const page = await newPage(site, { colorScheme });
      try {
        await open(page, personPath);
        const toggle = page.locator('#theme-toggle');
        await expect.poll(() => toggle.isVisible()).toBe(true);
        const theme = () => page.evaluate(() => document.documentElement.dataset.theme ?? null);
        const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        const other = colorScheme === 'light' ? 'dark' : 'light';
        expect(await theme()).toBeNull();
        expect(await toggle.getAttribute('aria-pressed')).toBe(String(colorScheme === 'dark'));
        const before = await background();
        await toggle.click();
        expect(await theme()).toBe(other);
        expect(await toggle.getAttribute('aria-pressed')).toBe(String(other === 'dark'));
        expect(await background(), 'the page changes colour').not.toBe(before);
        await page.reload({ waitUntil: 'load' });
        expect(await theme(), 'the choice survives a reload').toBe(other);
        expect(await page.locator('#theme-toggle').getAttribute('aria-pressed')).toBe(String(other === 'dark'));
        // And another page of the site gets it too.
        await open(page, '/episodes/');
        expect(await theme()).toBe(other);
        await page.locator('#theme-toggle').click();
        expect(await theme()).toBe(colorScheme);
        await page.reload({ waitUntil: 'load' });
        expect(await theme()).toBe(colorScheme);
        expect(await background()).toBe(before);
      } finally {
        await closePage(page);
      }
    });
  }
});

/** `2025` → 2025-01-01, `2025-04` → 2025-04-01: the earliest day a partial date allows, as sortable text. */
const earliest = (datetime: string) =>
  datetime.length === 4 ? `${datetime}-01-01` : datetime.length === 7 ? `${datetime}-01` : datetime.slice(0, 10);

describe('timeline', () => {
  it('lists every episode in chronological order, undated ones last', async () => {
    const page = await newPage(site);
    try {
      await open(page, '/episodes/');
      const items = await page.locator('ol.timeline > li').evaluateAll((lis) =>
        lis.map((li) => ({
          href: li.querySelector('h2 a, h3 a')?.getAttribute('href') ?? '',
          datetime: li.querySelector('time[datetime]')?.getAttribute('datetime') ?? null,
        })),
      );
      const episodes = slugsUnder(dist, 'episodes').filter((s) => s !== 'person');
      expect(items.map((i) => i.href).sort()).toEqual(episodes.map((s) => `/episodes/${s}/`).sort());
      const problems: string[] = [];
      let undatedSeen: string | undefined;
      let last: string | undefined;
      for (const item of items) {
        if (item.datetime === null) {
          undatedSeen ??= item.href;
          continue;
        }
        if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(item.datetime))
          problems.push(`${item.href}: datetime "${item.datetime}" is not a (partial) ISO date`);
        if (undatedSeen) problems.push(`${item.href} (${item.datetime}) comes after the undated ${undatedSeen}`);
        const day = earliest(item.datetime);
        if (last && day < last) problems.push(`${item.href} (${item.datetime}) comes after an episode dated ${last}`);
        last = day;
      }
      expect(problems.length, `timeline order:\n${problems.join('\n')}\n`).toBe(0);
    } finally {
      await closePage(page);
    }
  });

  it('filtered to a person, shows exactly the episodes that person took part in', async () => {
    // Participants as each episode page states them (its "Who" links), read from the built files.
    const participants = new Map<string, Set<string>>(
      slugsUnder(dist, 'episodes')
        .filter((s) => s !== 'person')
        .map((slug) => {
          const ld = readHtml(dist, `episodes/${slug}/index.html`)
            .querySelectorAll('script[type="application/ld+json"]')
            .map((s) => JSON.parse(s.textContent) as { '@type': string; performer?: { url: string }[] })
            .find((i) => i['@type'] === 'Event');
          return [`/episodes/${slug}/`, new Set((ld?.performer ?? []).map((p) => new URL(p.url).pathname))] as const;
        }),
    );
    const people = slugsUnder(dist, 'episodes/person');
    expect(people.length).toBeGreaterThan(0);
    const page = await newPage(site);
    const problems: string[] = [];
    try {
      for (const slug of people) {
        await open(page, `/episodes/person/${slug}/`);
        const shown = await page
          .locator('ol.timeline > li')
          .evaluateAll((lis) => lis.map((li) => li.querySelector('h2 a, h3 a')?.getAttribute('href') ?? ''));
        const expected = [...participants].filter(([, who]) => who.has(`/people/${slug}/`)).map(([href]) => href);
        for (const href of shown)
          if (!participants.get(href)?.has(`/people/${slug}/`))
            problems.push(`/episodes/person/${slug}/ lists ${href}, which ${slug} did not take part in`);
        for (const href of expected) if (!shown.includes(href)) problems.push(`/episodes/person/${slug}/ omits ${href}`);
        if (shown.length === 0) problems.push(`/episodes/person/${slug}/ lists no episode`);
        const current = await page.locator('nav.filters a[aria-current="page"]').getAttribute('href');
        if (current !== `/episodes/person/${slug}/`) problems.push(`/episodes/person/${slug}/: the filter marks ${current} as current`);
      }
    } finally {
      await closePage(page);
    }
    expect(problems.length, `person filters:\n${problems.join('\n')}\n`).toBe(0);
  });
});

describe('without JavaScript', () => {
  it('shows a person page with its claims and references', async () => {
    const page = await newPage(site, { javaScriptEnabled: false });
    try {
      await open(page, personPath);
      expect(await page.locator('h1').isVisible()).toBe(true);
      expect(await page.locator('.claim').count()).toBeGreaterThan(0);
      expect(await page.locator('.claim').first().isVisible()).toBe(true);
      const refs = page.locator('.references li');
      expect(await refs.count()).toBeGreaterThan(0);
      expect(await page.locator('.references').isVisible()).toBe(true);
      expect(await refs.first().isVisible()).toBe(true);
      // Reference marks are plain links to the cited passage.
      const href = await page.locator('.cite-link').first().getAttribute('href');
      expect(href).toMatch(/^\/sources\/[a-z0-9-]+\/#p-\d+/);
      // No dead control: the theme toggle needs JavaScript, so it stays hidden.
      expect(await page.locator('#theme-toggle').isVisible()).toBe(false);
    } finally {
      await closePage(page);
    }
  });

  it('offers a plain search form and the indexes on the search page', async () => {
    const page = await newPage(site, { javaScriptEnabled: false });
    try {
      await page.goto(`${site.url}/search/`);
      expect(await page.locator('form[role="search"] input[name="q"]').isVisible()).toBe(true);
      expect(await page.locator('main a[href="/episodes/"]').count()).toBeGreaterThan(0);
    } finally {
      await closePage(page);
    }
  });
});
