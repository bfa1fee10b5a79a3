import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexPages, recordsOf, writeClaimsIndex } from '../../src/integration/pagefind.ts';
import { CLAIMS_INDEX, CLAIMS_PER_INDEX, PAGES_PER_INDEX, claimsIndexPaths, pagesIndexPaths } from '../../src/lib/search-types.ts';
import type { SearchRecord } from '../../src/lib/views/claim-search.ts';

const work = mkdtempSync(join(tmpdir(), 'backchannel-site-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const expected: Record<string, string[]> = {
  discrepancies: [],
  episodes: ['call-in-oslo', 'summit-in-riga', 'visit-to-kyiv'],
  people: ['anna-novak', 'marek-petrov'],
  sources: ['source-1'],
};
const records: SearchRecord[] = [
  {
    url: '/claims/call-in-oslo-claim-1/',
    content: 'Anna Novak called Oslo twice, according to two people familiar with the call.',
    language: 'en',
    meta: { type: 'claim', title: 'Claim: Anna Novak called Oslo twice' },
    filters: { type: ['claim'], status: ['reported'], person: ['Anna Novak'], outlet: ['Daily Ledger'] },
  },
];

/** A page as Astro writes it, with a search body holding words of its own. */
const page = (title: string, words: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Backchannel</nav>` +
  `<main data-pagefind-body><h1>${title}</h1><h2 id="what-happened">What happened</h2><p>${words}</p></main></body></html>\n`;

/** Every page of the site: path → HTML. */
function pages(variant = ''): Map<string, string> {
  const all = new Map<string, string>();
  for (const [collection, slugs] of Object.entries(expected))
    for (const slug of slugs)
      all.set(`${collection}/${slug}/index.html`, page(`${slug}${variant}`, `${slug.replaceAll('-', ' ')} ${collection} ${variant}`));
  all.set('index.html', page('Backchannel', 'dossier home'));
  all.set('about/index.html', page('About', 'about the dossier and its sources'));
  all.set('search/index.html', '<!doctype html><html><body><main>Search</main></body></html>\n');
  // Never read: claim permalinks and filter views carry no search body of their own in the crawl.
  all.set('claims/call-in-oslo-claim-1/index.html', page('Claim', 'claimword'));
  all.set('episodes/person/anna-novak/index.html', page('Episodes with Anna Novak', 'filterword'));
  return all;
}

function write(dir: string, path: string, html: string) {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), html);
}

/** Hash of every file Pagefind wrote (the pages' index and the claims'), by path. */
function indexFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(join(dir, 'pagefind'));
  if (existsSync(join(dir, CLAIMS_INDEX))) walk(join(dir, CLAIMS_INDEX));
  return files;
}

/** Index the site in `dir` as a build does: the claims' index written aside first, then the pages', then moved in. */
async function indexSite(dir: string, claims: SearchRecord[], perIndex?: number): Promise<{ files: number }> {
  const aside = `${dir}.claims-index`;
  if (claims.length > 0) await writeClaimsIndex(recordsOf(claims), aside, 'en', perIndex);
  const result = await indexPages(dir, 'en', { claimsIndex: claims.length > 0 ? aside : undefined });
  expect(existsSync(aside)).toBe(false);
  return result;
}

describe('the site index', () => {
  it('keeps the claims in an index of their own, without a second copy of the runtime, and writes none without claims', async () => {
    const dir = join(work, 'two-indexes');
    for (const [path, html] of pages()) write(dir, path, html);
    expect(await indexSite(dir, records)).toEqual({ files: 9 });
    const files = Object.keys(indexFiles(dir));
    const claimsFiles = files.filter((f) => f.startsWith(`${CLAIMS_INDEX}/`));
    const pageFiles = files.filter((f) => f.startsWith('pagefind/'));
    expect(claimsFiles).toContain(`${CLAIMS_INDEX}/pagefind-entry.json`);
    expect(claimsFiles.filter((f) => f.startsWith(`${CLAIMS_INDEX}/fragment/`))).toHaveLength(records.length);
    expect(claimsFiles.filter((f) => /\.(js|css)$|\/wasm\./.test(f))).toEqual([]);
    expect(pageFiles).toContain('pagefind/pagefind.js');
    // Nine pages read (never a claim permalink or a filter view); the search page has no search body, so eight are indexed.
    expect(pageFiles.filter((f) => f.startsWith('pagefind/fragment/'))).toHaveLength(8);
    const entry = (name: string) =>
      JSON.parse(readFileSync(join(dir, name, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(entry(CLAIMS_INDEX).languages.en?.page_count).toBe(1);
    expect(entry('pagefind').languages.en?.page_count).toBe(8);

    const none = join(work, 'no-claims');
    for (const [path, html] of pages()) write(none, path, html);
    expect(await indexSite(none, [])).toEqual({ files: 9 });
    expect(existsSync(join(none, CLAIMS_INDEX))).toBe(false);
  }, 60_000);

  it('splits the claims into indexes of at most the given size, each without the runtime, all under the claims’ folder', async () => {
    const dir = join(work, 'split');
    for (const [path, html] of pages()) write(dir, path, html);
    const three = ['oslo', 'riga', 'kyiv'].map((city, i) => ({
      ...records[0]!,
      url: `/claims/call-in-${city}-claim-1/`,
      content: `Anna Novak called ${city} ${i + 1} times.`,
    }));
    await indexSite(dir, three, 2);
    const files = Object.keys(indexFiles(dir));
    const fragments = (folder: string) => files.filter((f) => f.startsWith(`${folder}fragment/`)).length;
    expect(fragments(`${CLAIMS_INDEX}/`)).toBe(2);
    expect(fragments(`${CLAIMS_INDEX}/2/`)).toBe(1);
    expect(files).toContain(`${CLAIMS_INDEX}/2/pagefind-entry.json`);
    expect(files.filter((f) => f.startsWith(`${CLAIMS_INDEX}/`) && /\.(js|css)$|\/wasm\./.test(f))).toEqual([]);
  }, 60_000);

  it('splits the pages into indexes of at most the given size, the top-level pages in the first, the runtime only there', async () => {
    const dir = join(work, 'pages-split');
    for (const [path, html] of pages()) write(dir, path, html);
    // Six collection pages, two to an index: three indexes, the first also holding the home and about pages.
    expect(await indexPages(dir, 'en', { perIndex: 2 })).toEqual({ files: 9 });
    const files = Object.keys(indexFiles(dir));
    const fragments = (folder: string) => files.filter((f) => f.startsWith(`${folder}fragment/`)).length;
    expect([fragments('pagefind/'), fragments('pagefind/2/'), fragments('pagefind/3/')]).toEqual([4, 2, 2]);
    expect(files.filter((f) => /^pagefind\/\d+\/.*(\.(js|css)$|\/wasm\.)/.test(f))).toEqual([]);
    expect(files).toContain('pagefind/3/pagefind-entry.json');
    expect(existsSync(`${dir}.search-pages`)).toBe(false);

    // As many indexes as the search page merges: the last takes every page left.
    const two = join(work, 'pages-two');
    for (const [path, html] of pages()) write(two, path, html);
    await indexPages(two, 'en', { perIndex: 2, indexes: 2 });
    const twoFiles = Object.keys(indexFiles(two));
    expect(twoFiles.filter((f) => f.startsWith('pagefind/2/fragment/'))).toHaveLength(4);
    expect(twoFiles.some((f) => f.startsWith('pagefind/3/'))).toBe(false);
    // More indexes than pages to fill them is a mismatch with the search page, never an empty index.
    await expect(indexPages(two, 'en', { perIndex: 2, indexes: 5 })).rejects.toThrow('6 pages cannot fill 5 search indexes of up to 2');
  }, 60_000);

  it('names one pages index per started block of pages, and always one', () => {
    expect(pagesIndexPaths(0)).toEqual(['/pagefind/']);
    expect(pagesIndexPaths(PAGES_PER_INDEX)).toEqual(['/pagefind/']);
    expect(pagesIndexPaths(PAGES_PER_INDEX + 1)).toEqual(['/pagefind/', '/pagefind/2/']);
    expect(pagesIndexPaths(7, 3)).toEqual(['/pagefind/', '/pagefind/2/', '/pagefind/3/']);
  });

  it('names one claims index per started block of claims', () => {
    expect(claimsIndexPaths(0)).toEqual([]);
    expect(claimsIndexPaths(CLAIMS_PER_INDEX)).toEqual([`/${CLAIMS_INDEX}/`]);
    expect(claimsIndexPaths(CLAIMS_PER_INDEX + 1)).toEqual([`/${CLAIMS_INDEX}/`, `/${CLAIMS_INDEX}/2/`]);
    expect(claimsIndexPaths(5, 2)).toEqual([`/${CLAIMS_INDEX}/`, `/${CLAIMS_INDEX}/2/`, `/${CLAIMS_INDEX}/3/`]);
  });

  it('gives the same index whatever order the pages were written in', async () => {
    const forward = join(work, 'forward');
    const backward = join(work, 'backward');
    for (const [path, html] of pages()) write(forward, path, html);
    for (const [path, html] of [...pages()].reverse()) write(backward, path, html);
    await indexSite(forward, records);
    await indexSite(backward, records);
    expect(indexFiles(backward)).toEqual(indexFiles(forward));
  }, 60_000);

  it("fails with Pagefind's message when there is no site to read", async () => {
    await expect(indexPages(join(work, 'nowhere'), 'en')).rejects.toThrow(/Pagefind/);
  }, 60_000);
});
