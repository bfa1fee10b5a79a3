/** Every internal link, asset and #fragment of the built site resolves; no page repeats an id. */
import { describe, expect, inject, it } from 'vitest';
import { fileToPath, htmlFiles, readHtml } from '../support/site.ts';
import { brokenLinks, fragmentId, idsOf, siteOrigin } from '../support/link-check.ts';

const dist = inject('distDir');
const origin = siteOrigin(dist);
const pages = htmlFiles(dist);
const expectNone = (problems: string[], what: string) =>
  expect(problems.length, `${what} (${problems.length}):\n${problems.join('\n')}\n`).toBe(0);

describe('links', () => {
  it('strips a text directive from a fragment', () => {
    expect(fragmentId('#p-7:~:text=Witkoff%20left,early')).toBe('p-7');
    expect(fragmentId('#:~:text=abc')).toBe('');
    expect(fragmentId('#claim-x')).toBe('claim-x');
  });

  it('finds pages to check', () => {
    expect(pages.length).toBeGreaterThan(50);
  });

  it('resolves every internal href/src to a built file, and every #fragment to an id on the target page', () => {
    const { checked, broken } = brokenLinks(dist, { origin, base: '/' });
    expect(checked).toBeGreaterThan(1000);
    expectNone(broken, 'broken internal links');
  });

  it('points every aria-describedby, aria-labelledby, aria-controls and label[for] at an id on the same page', () => {
    const broken: string[] = [];
    for (const file of pages) {
      const ids = idsOf(dist, file);
      const root = readHtml(dist, file);
      for (const attr of ['aria-describedby', 'aria-labelledby', 'aria-controls', 'for']) {
        for (const el of root.querySelectorAll(`[${attr}]`)) {
          for (const id of (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean))
            if (!ids.has(id)) broken.push(`${fileToPath(file)}: <${el.tagName.toLowerCase()} ${attr}="${id}"> has no target`);
        }
      }
    }
    expectNone(broken, 'dangling id references');
  });
});

describe('ids', () => {
  it('never repeats an id within a page', () => {
    const duplicates: string[] = [];
    for (const file of pages) {
      const seen = new Map<string, number>();
      for (const el of readHtml(dist, file).querySelectorAll('[id]')) {
        const id = el.getAttribute('id')!;
        seen.set(id, (seen.get(id) ?? 0) + 1);
      }
      for (const [id, n] of seen) if (n > 1) duplicates.push(`${fileToPath(file)}: id="${id}" ×${n}`);
    }
    expectNone(duplicates, 'duplicate ids');
  });
});
