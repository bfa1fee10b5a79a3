/**
 * A site served under a sub-path (a GitHub Pages project site): every site path in the rendered HTML carries the
 * base, while the model keeps base-free paths and link checks compare what authors write.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dossier } from '../../src/lib/model.ts';
import { normalizeBase, withBase } from '../../src/lib/url-base.ts';
import { verifyTree } from '../content/verify-helpers.ts';
import { ROOT } from './seeds.ts';

const tmp = mkdtempSync(join(tmpdir(), 'backchannel-base-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('normalizeBase and withBase', () => {
  it('gives a base a leading and a trailing slash, and `/` for none', () => {
    expect(normalizeBase(undefined)).toBe('/');
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('/')).toBe('/');
    expect(normalizeBase('dossier')).toBe('/dossier/');
    expect(normalizeBase('/dossier')).toBe('/dossier/');
    expect(normalizeBase('/org/dossier/')).toBe('/org/dossier/');
  });

  it('refuses a base that is not a plain path', () => {
    for (const bad of ['https://example.org/', '//cdn/', '/a/../b/', '/a?b', '/a#b', '/a b/'])
      expect(() => normalizeBase(bad)).toThrow(/plain path/);
  });

  it('puts the base before site paths only', () => {
    const base = normalizeBase('/dossier/');
    expect(withBase('/people/x/', base)).toBe('/dossier/people/x/');
    expect(withBase('/sources/s/#p-7:~:text=a', base)).toBe('/dossier/sources/s/#p-7:~:text=a');
    expect(withBase('https://example.org/', base)).toBe('https://example.org/');
    expect(withBase('//example.org/', base)).toBe('//example.org/');
    expect(withBase('#ref-1', base)).toBe('#ref-1');
    expect(withBase('/people/x/', normalizeBase('/'))).toBe('/people/x/');
  });
});

/** Every site path (`href` or `src` starting with one `/`) in a piece of rendered HTML. */
function sitePaths(html: string): string[] {
  const root = parse(html);
  return [
    ...root.querySelectorAll('[href]').map((e) => e.getAttribute('href')!),
    ...root.querySelectorAll('[src]').map((e) => e.getAttribute('src')!),
  ].filter((url) => url.startsWith('/') && !url.startsWith('//'));
}

/** Every rendered HTML string of a dossier: page bodies, frontmatter facts' marks, claim bodies. */
function renderedHtml(dossier: Dossier): string[] {
  return [
    ...[...dossier.pages.values()].flatMap((p) => [p.html, ...Object.values(p.factHtml)]),
    ...[...dossier.claims.values()].map((c) => c.html),
  ];
}

describe('verifying with a URL base', () => {
  // The valid fixture, plus a page that links with each way content may write a link, and shows an image of the site.
  const dir = join(tmp, 'site');
  cpSync(join(ROOT, 'tests/fixtures/valid/base'), dir, { recursive: true });
  mkdirSync(join(dir, 'public/images'), { recursive: true });
  writeFileSync(join(dir, 'public/images/map.png'), 'png');
  const links =
    '\nSee [Rubio](/people/marco-rubio/), [the file](../people/marco-rubio.mdx), [relative](../marco-rubio/), [a claim](/claims/pigott-no-disagreements/), [a source](/sources/compete-to-lead-talks/#p-2), [search](/search/?q=rubio), [this page](#ref-1) and [elsewhere](https://example.org/).\n\n![A map](/images/map.png)\n';
  writeFileSync(
    join(dir, 'content/people/emmanuel-macron.mdx'),
    `${readFileSync(join(dir, 'content/people/emmanuel-macron.mdx'), 'utf8')}${links}`,
  );

  const plain = verifyTree(dir);
  const based = verifyTree(dir, { base: '/dossier/' });

  it('verifies with no diagnostics either way: links are checked as authors write them, base-free', () => {
    expect(plain.diagnostics).toEqual([]);
    expect(based.diagnostics).toEqual([]);
  });

  it('puts the base before every site path in every rendered page, fact mark and claim, and nowhere else', () => {
    const paths = renderedHtml(based.dossier).flatMap(sitePaths);
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((p) => !p.startsWith('/dossier/'))).toEqual([]);
    // The same HTML as without a base, once the base is taken out of the site paths.
    const unbased = renderedHtml(based.dossier).map((html) => html.replace(/(href|src)="\/dossier\//g, '$1="/'));
    expect(unbased).toEqual(renderedHtml(plain.dossier));
  });

  it('renders each kind of link under the base: pages, content files, claims, citations, queries, images', () => {
    const html = based.dossier.pages.get('people/emmanuel-macron' as never)!.html;
    const hrefs = sitePaths(html);
    expect(hrefs).toEqual(
      expect.arrayContaining([
        '/dossier/people/marco-rubio/',
        '/dossier/claims/pigott-no-disagreements/',
        '/dossier/sources/compete-to-lead-talks/#p-2',
        '/dossier/search/?q=rubio',
        '/dossier/images/map.png',
      ]),
    );
    expect(hrefs.some((h) => h.startsWith('/dossier/sources/') && h.includes(':~:text='))).toBe(true);
    expect(hrefs.some((h) => h.startsWith('/dossier/claims/') && h !== '/dossier/claims/pigott-no-disagreements/')).toBe(true);
    expect(html).toContain('href="https://example.org/"');
  });

  it('keeps the model base-free: Page.url, Claim.pageUrl, Citation.url', () => {
    const { dossier } = based;
    for (const page of dossier.pages.values()) {
      expect(page.url).toMatch(/^\/(people|episodes|discrepancies)\//);
      for (const c of page.references) expect(c.url).toMatch(/^\/sources\//);
    }
    for (const claim of dossier.claims.values()) expect(claim.pageUrl).not.toContain('/dossier/');
    expect({ ...based.dossier, pages: null, claims: null }).toEqual({ ...plain.dossier, pages: null, claims: null });
  });
});
