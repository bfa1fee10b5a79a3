import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLAIMS_INDEX, indexSite, startSiteIndex, type ExpectedPages } from '../../src/integrations/pagefind.ts';
import type { SearchRecord } from '../../src/lib/views/claim-search.ts';

const work = mkdtempSync(join(tmpdir(), 'backchannel-site-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const expected: ExpectedPages = {
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

/** The index of the finished site read in one go after the build: what every early read must reproduce. */
async function reference(name: string, site: Map<string, string>): Promise<Record<string, string>> {
  const dir = join(work, name);
  for (const [path, html] of site) write(dir, path, html);
  expect(await indexSite(dir, records)).toEqual({ files: 9, records: 1, early: 0 });
  return indexFiles(dir);
}

const paths = (collection: string) => [...pages().keys()].filter((p) => p.startsWith(`${collection}/`) && p.split('/').length === 3);

describe('the site index read while Astro builds', () => {
  it('reads each collection once all its pages are written whole, in a fixed order, into the same index as after the build', async () => {
    const site = pages();
    const dir = join(work, 'early');
    // The claims' index is written aside at once, as `npm run build` does, and moved into the site at the end.
    const aside = join(work, 'early-claims-aside');
    const index = startSiteIndex(records, expected, aside);
    const [first, ...rest] = paths('episodes');
    write(dir, first!, site.get(first!)!);
    await index.poll(dir);
    // People are written before the episodes are whole: they wait, so the order stays fixed.
    for (const p of paths('people')) write(dir, p, site.get(p)!);
    const last = rest.pop()!;
    for (const p of rest) write(dir, p, site.get(p)!);
    write(dir, last, site.get(last)!.slice(0, 120)); // still being written
    await index.poll(dir);
    write(dir, last, site.get(last)!);
    await index.poll(dir); // episodes, then people
    for (const [path, html] of site) if (!existsSync(join(dir, path))) write(dir, path, html);
    expect(await index.finish(dir)).toEqual({ files: 9, records: 1, early: 5 });
    expect(existsSync(aside)).toBe(false);
    expect(indexFiles(dir)).toEqual(await reference('early-reference', site));
  }, 60_000);

  it('keeps the claims in an index of their own, without a second copy of the runtime, and writes none without claims', async () => {
    const dir = join(work, 'two-indexes');
    for (const [path, html] of pages()) write(dir, path, html);
    await indexSite(dir, records);
    const files = Object.keys(indexFiles(dir));
    const claimsFiles = files.filter((f) => f.startsWith(`${CLAIMS_INDEX}/`));
    const pageFiles = files.filter((f) => f.startsWith('pagefind/'));
    expect(claimsFiles).toContain(`${CLAIMS_INDEX}/pagefind-entry.json`);
    expect(claimsFiles.filter((f) => f.startsWith(`${CLAIMS_INDEX}/fragment/`))).toHaveLength(records.length);
    expect(claimsFiles.filter((f) => /\.(js|css)$|\/wasm\./.test(f))).toEqual([]);
    expect(pageFiles).toContain('pagefind/pagefind.js');
    // Nine pages read; the search page has no search body, so eight are indexed.
    expect(pageFiles.filter((f) => f.startsWith('pagefind/fragment/'))).toHaveLength(8);
    const entry = (name: string) =>
      JSON.parse(readFileSync(join(dir, name, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(entry(CLAIMS_INDEX).languages.en?.page_count).toBe(1);
    expect(entry('pagefind').languages.en?.page_count).toBe(8);

    const none = join(work, 'no-claims');
    for (const [path, html] of pages()) write(none, path, html);
    expect(await indexSite(none, [])).toEqual({ files: 9, records: 0, early: 0 });
    expect(existsSync(join(none, CLAIMS_INDEX))).toBe(false);
  }, 60_000);

  it('reads nothing early while a page is half-written, nor with no expected pages', async () => {
    const site = pages();
    const dir = join(work, 'half');
    for (const [path, html] of site) write(dir, path, path === 'episodes/call-in-oslo/index.html' ? html.slice(0, -20) : html);
    const index = startSiteIndex(records, expected);
    await index.poll(dir);
    for (const [path, html] of site) write(dir, path, html);
    expect(await index.finish(dir)).toMatchObject({ files: 9, early: 0 });

    const unexpected = startSiteIndex(records);
    await unexpected.poll(dir);
    expect(await unexpected.finish(dir)).toMatchObject({ files: 9, early: 0 });
  }, 60_000);

  it('starts again from the records when a page read early changed afterwards', async () => {
    const dir = join(work, 'changed');
    for (const [path, html] of pages()) write(dir, path, html);
    const index = startSiteIndex(records, expected);
    await index.poll(dir);
    const changed = pages(' rewritten');
    for (const [path, html] of changed) write(dir, path, html);
    expect(await index.finish(dir)).toEqual({ files: 9, records: 1, early: 0 });
    expect(indexFiles(dir)).toEqual(await reference('changed-reference', changed));
  }, 60_000);

  it('reports a page Pagefind cannot read from finish, not from poll', async () => {
    const dir = join(work, 'missing');
    const index = startSiteIndex(records, expected);
    await index.poll(join(dir, 'nowhere'));
    await expect(index.finish(join(dir, 'nowhere'))).rejects.toThrow(/Pagefind/);
  }, 60_000);
});
