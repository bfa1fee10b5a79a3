/** The built site as files: source pages, paragraph ids, Pagefind, JSON exports, page metadata, feeds, scripts, size. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { siteOrigin } from '../support/link-check.ts';
import { CLAIMS_INDEX } from '../../src/lib/search-types.ts';
import {
  fileToPath,
  htmlFiles,
  pageTypes,
  pathToFile,
  readHtml,
  readJson,
  slugsUnder,
  squash,
  type ClaimsJson,
  type SourcesJson,
} from '../support/site.ts';

const dist = inject('distDir');
const siteUrl = siteOrigin(dist);
const abs = (path: string) => `${siteUrl}${path}`;
const sources = readJson<SourcesJson>(dist, 'data/sources.json');
const claims = readJson<ClaimsJson>(dist, 'data/claims.json');
const pages = htmlFiles(dist);
const isNoindex = (file: string) =>
  readHtml(dist, file)
    .querySelectorAll('meta[name="robots"]')
    .some((m) => /noindex/i.test(m.getAttribute('content') ?? ''));
const ldOf = (file: string): Record<string, unknown>[] =>
  readHtml(dist, file)
    .querySelectorAll('script[type="application/ld+json"]')
    .map((s) => JSON.parse(s.textContent) as Record<string, unknown>);
/** Fail once with every problem listed, rather than at the first. */
const expectNone = (problems: string[], what: string) =>
  expect(problems.length, `${what} (${problems.length}):\n${problems.join('\n')}\n`).toBe(0);

describe('source pages', () => {
  it('builds exactly the five source pages, one per source in sources.json', () => {
    expect(sources.sources.map((s) => s.slug).sort()).toEqual(slugsUnder(dist, 'sources'));
    expect(sources.sources).toHaveLength(5);
    for (const s of sources.sources) expect(existsSync(join(dist, 'sources', s.slug, 'index.html')), s.slug).toBe(true);
  });

  it('gives every paragraph p-1…p-n an element id, each exactly once, and no more', () => {
    const problems: string[] = [];
    for (const s of sources.sources) {
      const root = readHtml(dist, `sources/${s.slug}/index.html`);
      const counts = new Map<string, number>();
      for (const el of root.querySelectorAll('[id]')) {
        const id = el.getAttribute('id')!;
        if (/^p-\d+$/.test(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      const n = s.paragraphs.length;
      expect(n, `${s.slug} has paragraphs`).toBeGreaterThan(0);
      s.paragraphs.forEach((p, i) => {
        if (p.id !== `p-${i + 1}`) problems.push(`${s.slug}: sources.json paragraph ${i + 1} has id ${p.id}`);
      });
      for (let i = 1; i <= n; i++) {
        const c = counts.get(`p-${i}`) ?? 0;
        if (c !== 1) problems.push(`${s.slug}: #p-${i} appears ${c} times`);
      }
      for (const id of counts.keys())
        if (Number(id.slice(2)) > n) problems.push(`${s.slug}: #${id} beyond the ${n} paragraphs of sources.json`);
    }
    expectNone(problems, 'paragraph ids');
  });

  it('shows every paragraph text on its source page', () => {
    const problems: string[] = [];
    for (const s of sources.sources) {
      const root = readHtml(dist, `sources/${s.slug}/index.html`);
      for (const p of s.paragraphs) {
        const el = root.getElementById(p.id);
        if (el && !squash(el.textContent).includes(squash(p.text))) problems.push(`${s.slug}#${p.id}: text differs from sources.json`);
      }
    }
    expectNone(problems, 'paragraph texts');
  });

  it('folds furniture paragraphs into <details>, never deletes them, and leaves article paragraphs unfolded', () => {
    const problems: string[] = [];
    let furniture = 0;
    for (const s of sources.sources) {
      const root = readHtml(dist, `sources/${s.slug}/index.html`);
      for (const p of s.paragraphs) {
        const el = root.getElementById(p.id);
        if (!el) continue; // reported by the id test
        const folded = el.closest('details') !== null;
        if (p.furniture) {
          furniture++;
          if (!folded) problems.push(`${s.slug}#${p.id}: furniture paragraph is not inside <details>`);
          if (p.kind !== 'furniture') problems.push(`${s.slug}#${p.id}: furniture flag set but kind is ${p.kind}`);
        } else if (folded) problems.push(`${s.slug}#${p.id}: article paragraph (${p.kind}) is folded inside <details>`);
      }
      for (const d of root.querySelectorAll('details')) {
        if (!d.querySelector('summary') || !squash(d.querySelector('summary')!.textContent))
          problems.push(`${s.slug}: a <details> has no summary text`);
      }
    }
    expect(furniture, 'the seeds carry page furniture (widgets, notices, captions)').toBeGreaterThan(0);
    expectNone(problems, 'furniture');
  });
});

describe('Pagefind index', () => {
  type Entry = { version: string; languages: Record<string, { hash: string; page_count: number }> };
  const count = (entry: Entry) => Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);

  it('writes the pages’ index with its runtime, the claims’ index beside it, the search page script and fragments', () => {
    const pagesEntry = readJson<Entry>(dist, 'pagefind/pagefind-entry.json');
    const claimsEntry = readJson<Entry>(dist, `${CLAIMS_INDEX}/pagefind-entry.json`);
    expect(pagesEntry.version).toBe(claimsEntry.version);
    // Every person, episode, source and discrepancy page is indexed, and every claim in the claims' index.
    const expected = ['people', 'episodes', 'sources', 'discrepancies'].reduce((n, f) => n + slugsUnder(dist, f).length, 0);
    expect(count(pagesEntry)).toBeGreaterThanOrEqual(expected);
    expect(count(claimsEntry)).toBe(claims.claims.length);
    for (const f of ['pagefind/pagefind.js', 'pagefind/pagefind-worker.js', 'scripts/search.js'])
      expect(existsSync(join(dist, f)), f).toBe(true);
    expect(readdirSync(join(dist, 'pagefind', 'fragment')).length).toBe(count(pagesEntry));
    expect(readdirSync(join(dist, CLAIMS_INDEX, 'fragment')).length).toBe(count(claimsEntry));
    expect(readdirSync(join(dist, 'pagefind', 'index')).length).toBeGreaterThan(0);
    expect(readdirSync(join(dist, CLAIMS_INDEX, 'index')).length).toBeGreaterThan(0);
    // The claims' index is read by the pages' runtime: no second copy of it.
    expect(readdirSync(join(dist, CLAIMS_INDEX)).filter((f) => /\.(js|css)$|^wasm\./.test(f))).toEqual([]);
    const search = readFileSync(join(dist, 'search', 'index.html'), 'utf8');
    expect(search).toContain(`data-claims-indexes="/${CLAIMS_INDEX}/"`);
  });
});

describe('data exports', () => {
  const statuses = ['reported', 'on-record', 'denied', 'disputed', 'contradicted', 'observed'];
  const creditKinds = ['outlet', 'person', 'record', 'unnamed'];
  const stances = ['supports', 'denies', 'context'];

  it('claims.json has the documented shape', () => {
    // Version 2 (issue 19): citations carry their attribution and chain; origins are objects; ties and reporting dates.
    expect(claims.version).toBe(2);
    expect(claims.claims.length).toBeGreaterThan(0);
    const bySlug = new Map(sources.sources.map((s) => [s.slug, s]));
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const c of claims.claims) {
      const where = `claim ${c.id}`;
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(c.id)) problems.push(`${where}: id is not kebab-case`);
      if (ids.has(c.id)) problems.push(`${where}: duplicate id`);
      ids.add(c.id);
      if (c.permalink !== abs(`/claims/${c.id}/`)) problems.push(`${where}: permalink ${c.permalink}`);
      if (!pathToFile(dist, new URL(c.permalink).pathname)) problems.push(`${where}: permalink page not built`);
      if (typeof c.page !== 'string' || !c.page.startsWith(`${siteUrl}/`) || !pathToFile(dist, new URL(c.page).pathname))
        problems.push(`${where}: page ${c.page} is not a built page of the site`);
      if (typeof c.text !== 'string' || !c.text.trim()) problems.push(`${where}: empty text`);
      if (!statuses.includes(c.status)) problems.push(`${where}: status ${c.status}`);
      if (!Array.isArray(c.about) || c.about.some((a) => typeof a !== 'string' || !existsSync(join(dist, 'people', a, 'index.html'))))
        problems.push(`${where}: about ${JSON.stringify(c.about)}`);
      if ('speaker' in c && (typeof c.speaker !== 'string' || !existsSync(join(dist, 'people', c.speaker, 'index.html'))))
        problems.push(`${where}: speaker ${c.speaker}`);
      if (!Number.isInteger(c.independentOrigins) || c.independentOrigins < 0)
        problems.push(`${where}: independentOrigins ${c.independentOrigins}`);
      if (!Array.isArray(c.origins) || c.origins.length !== c.independentOrigins)
        problems.push(`${where}: ${c.origins?.length} origins for ${c.independentOrigins} independent origins`);
      if (!Array.isArray(c.outlets) || c.outlets.some((o) => typeof o !== 'string')) problems.push(`${where}: outlets`);
      for (const o of c.origins ?? [])
        if (
          typeof o.name !== 'string' ||
          !['outlet', 'person', 'record'].includes(o.kind) ||
          !Array.isArray(o.citations) ||
          o.citations.length === 0
        )
          problems.push(`${where}: origin ${JSON.stringify(o)}`);
      if (
        !Array.isArray(c.corroborates) ||
        c.corroborates.some((id) => !claims.claims.some((x) => x.id === id && x.corroborates.includes(c.id)))
      )
        problems.push(`${where}: corroborates ${JSON.stringify(c.corroborates)} (each tie both ways)`);
      if (typeof c.reported !== 'string' || !c.reported) problems.push(`${where}: reported`);
      if (!Array.isArray(c.citations) || c.citations.length === 0) problems.push(`${where}: no citations`);
      for (const x of c.citations ?? []) {
        const source = bySlug.get(x.source);
        if (!source) {
          problems.push(`${where}: cites unknown source ${x.source}`);
          continue;
        }
        if (!x.paragraphs.includes(x.paragraph) || x.paragraphs[0] !== x.paragraph)
          problems.push(`${where}: paragraph ${x.paragraph} is not the first of ${x.paragraphs}`);
        for (const p of x.paragraphs) {
          const para = source.paragraphs.find((q) => q.id === p);
          // Furniture may be cited only when marked citable (a teaser); the build verifies that, not this test.
          if (!para) problems.push(`${where}: cites missing ${x.source}#${p}`);
        }
        if (!stances.includes(x.stance)) problems.push(`${where}: stance ${x.stance}`);
        const a = x.attribution;
        if (!a || typeof a.outlet !== 'string' || !Array.isArray(a.credits) || !['text', 'credit'].includes(a.from))
          problems.push(`${where}: attribution ${JSON.stringify(a)}`);
        for (const credit of a?.credits ?? [])
          if (!creditKinds.includes(credit.kind) || typeof credit.name !== 'string' || !credit.name)
            problems.push(`${where}: credit ${JSON.stringify(credit)}`);
        if (typeof x.chain !== 'string' || !x.chain.startsWith(a?.outlet ?? '\0')) problems.push(`${where}: chain ${x.chain}`);
        if (typeof x.quote !== 'string' || typeof x.passage !== 'string' || !x.passage) problems.push(`${where}: quote/passage missing`);
        if (!x.url.startsWith(abs(`/sources/${x.source}/#${x.paragraph}`)))
          problems.push(`${where}: url ${x.url} does not point at ${x.source}#${x.paragraph}`);
        // The exact passage stands in the paragraphs it cites (a quote may span paragraphs; check each part's start).
        const text = x.paragraphs.map((p) => source.paragraphs.find((q) => q.id === p)?.text ?? '').join(' ');
        const head = squash(x.passage.split(/\s*(?:…|\.\.\.)\s*/)[0] ?? '').slice(0, 40);
        if (head && !squash(text).includes(head)) problems.push(`${where}: passage "${head}…" not found in ${x.source} ${x.paragraphs}`);
      }
      if (c.citations?.some((x) => x.stance === 'supports') && c.independentOrigins < 1)
        problems.push(`${where}: supported but 0 independent origins`);
    }
    expectNone(problems, 'claims.json');
  });

  it('sources.json has the documented shape', () => {
    expect(sources.version).toBe(2);
    const problems: string[] = [];
    for (const s of sources.sources) {
      const where = `source ${s.slug}`;
      if (s.url !== abs(`/sources/${s.slug}/`)) problems.push(`${where}: url ${s.url}`);
      for (const k of ['title', 'language'] as const) if (typeof s[k] !== 'string' || !s[k]) problems.push(`${where}: ${k}`);
      for (const k of ['publisher', 'translatedFrom', 'basedOn'] as const)
        if (s[k] !== null && typeof s[k] !== 'string') problems.push(`${where}: ${k} must be a string or null`);
      if (!s.published || typeof s.published.value !== 'string' || typeof s.published.label !== 'string')
        problems.push(`${where}: published ${JSON.stringify(s.published)}`);
      if (!Array.isArray(s.notes) || !Array.isArray(s.furniture)) problems.push(`${where}: notes/furniture must be arrays`);
      if (!/^[0-9a-f]{64}$/.test(s.sha256)) problems.push(`${where}: sha256 ${s.sha256}`);
      const { cited, substantive, percent } = s.coverage ?? {};
      if (![cited, substantive, percent].every(Number.isFinite) || cited > substantive || percent < 0 || percent > 100)
        problems.push(`${where}: coverage ${JSON.stringify(s.coverage)}`);
      for (const p of s.paragraphs) {
        if (typeof p.text !== 'string' || !Array.isArray(p.citedBy) || typeof p.furniture !== 'boolean' || typeof p.kind !== 'string')
          problems.push(`${where}#${p.id}: paragraph shape ${JSON.stringify(Object.keys(p))}`);
        if (p.furniture !== (p.kind === 'furniture')) problems.push(`${where}#${p.id}: furniture ${p.furniture} but kind ${p.kind}`);
      }
    }
    expectNone(problems, 'sources.json');
  });

  it('backlinks in sources.json are the exact inverse of the citations in claims.json', () => {
    const fromClaims = new Set<string>();
    for (const c of claims.claims) for (const x of c.citations) for (const p of x.paragraphs) fromClaims.add(`${x.source}#${p} ← ${c.id}`);
    const fromSources = new Set<string>();
    for (const s of sources.sources) for (const p of s.paragraphs) for (const id of p.citedBy) fromSources.add(`${s.slug}#${p.id} ← ${id}`);
    const missing = [...fromClaims].filter((k) => !fromSources.has(k));
    const extra = [...fromSources].filter((k) => !fromClaims.has(k));
    expectNone(
      [
        ...missing.map((k) => `cited in claims.json but no backlink in sources.json: ${k}`),
        ...extra.map((k) => `backlink in sources.json without a citation in claims.json: ${k}`),
      ],
      'backlinks',
    );
  });

  it('source pages show the backlinks of sources.json under each paragraph', () => {
    const problems: string[] = [];
    for (const s of sources.sources) {
      const root = readHtml(dist, `sources/${s.slug}/index.html`);
      for (const p of s.paragraphs) {
        const el = root.getElementById(p.id);
        if (!el) continue;
        const linked = new Set(
          el.querySelectorAll('.backlinks a').map((a) =>
            (a.getAttribute('href') ?? '')
              .match(/claim-([^/#]+)$|\/claims\/([^/#]+)\/$/)
              ?.slice(1)
              .find(Boolean),
          ),
        );
        const want = new Set(p.citedBy);
        if (el.querySelectorAll('.backlinks li').length !== want.size)
          problems.push(`${s.slug}#${p.id}: ${el.querySelectorAll('.backlinks li').length} backlinks shown, ${want.size} in sources.json`);
        for (const id of want) if (!linked.has(id)) problems.push(`${s.slug}#${p.id}: no backlink to claim ${id}`);
      }
    }
    expectNone(problems, 'backlinks on source pages');
  });
});

describe('page metadata', () => {
  const types = pageTypes(dist);

  it('has a page of every type', () => {
    const missing = types.filter((t) => !pathToFile(dist, t.path)).map((t) => `${t.type}: ${t.path}`);
    expectNone(missing, 'page types not built');
  });

  it('gives every page one <h1>, a <title>, a meta description, a canonical URL on the site and a breadcrumb', () => {
    const problems: string[] = [];
    for (const file of pages) {
      const root = readHtml(dist, file);
      const path = fileToPath(file);
      const h1 = root.querySelectorAll('h1');
      if (h1.length !== 1) problems.push(`${path}: ${h1.length} <h1>`);
      else if (!squash(h1[0]!.textContent)) problems.push(`${path}: empty <h1>`);
      const titles = root.querySelectorAll('head title');
      if (titles.length !== 1 || !squash(titles[0]!.textContent)) problems.push(`${path}: ${titles.length} <title>, or empty`);
      const desc = root.querySelectorAll('meta[name="description"]');
      if (desc.length !== 1 || !squash(desc[0]!.getAttribute('content') ?? ''))
        problems.push(`${path}: meta description missing, empty or repeated`);
      const canonical = root.querySelectorAll('link[rel="canonical"]');
      const href = canonical[0]?.getAttribute('href') ?? '';
      if (canonical.length !== 1 || !href.startsWith(`${siteUrl}/`))
        problems.push(`${path}: canonical "${href}" does not start with ${siteUrl}/`);
      else if (file !== '404.html' && href !== abs(path)) problems.push(`${path}: canonical ${href}, expected ${abs(path)}`);
      const crumbs = root.querySelectorAll('nav[aria-label="Breadcrumb"]');
      if (crumbs.length !== 1) problems.push(`${path}: ${crumbs.length} breadcrumb navs`);
      else {
        const items = crumbs[0]!.querySelectorAll('li');
        if (items.length === 0) problems.push(`${path}: empty breadcrumb`);
        else if (!items.at(-1)!.querySelector('[aria-current="page"]'))
          problems.push(`${path}: last breadcrumb is not aria-current="page"`);
        if (path !== '/' && items[0]?.querySelector('a')?.getAttribute('href') !== '/')
          problems.push(`${path}: breadcrumb does not start at the home page`);
      }
      if (root.querySelector('html')?.getAttribute('lang') !== 'en') problems.push(`${path}: <html lang> is not "en"`);
    }
    expectNone(problems, 'page metadata');
  });

  it('ships JSON-LD that parses on every page, with a BreadcrumbList', () => {
    const problems: string[] = [];
    for (const file of pages) {
      const path = fileToPath(file);
      const scripts = readHtml(dist, file).querySelectorAll('script[type="application/ld+json"]');
      const items: Record<string, unknown>[] = [];
      for (const s of scripts) {
        try {
          items.push(JSON.parse(s.textContent) as Record<string, unknown>);
        } catch (e) {
          problems.push(`${path}: JSON-LD does not parse (${(e as Error).message})`);
        }
      }
      for (const item of items)
        if (item['@context'] !== 'https://schema.org' || typeof item['@type'] !== 'string')
          problems.push(`${path}: JSON-LD without schema.org @context/@type`);
      const crumbs = items.find((i) => i['@type'] === 'BreadcrumbList') as { itemListElement?: { item?: string }[] } | undefined;
      if (!crumbs) problems.push(`${path}: no BreadcrumbList JSON-LD`);
      else if (crumbs.itemListElement?.some((e) => !e.item?.startsWith(`${siteUrl}/`)))
        problems.push(`${path}: BreadcrumbList item outside ${siteUrl}`);
    }
    expectNone(problems, 'JSON-LD');
  });

  it('describes people as Person, episodes as Event, sources as NewsArticle with isBasedOn, claims as Claim', () => {
    const problems: string[] = [];
    const check = (
      folder: string,
      slugs: string[],
      type: string,
      extra?: (ld: Record<string, unknown>, slug: string) => string | undefined,
    ) => {
      expect(slugs.length, `${folder} pages`).toBeGreaterThan(0);
      for (const slug of slugs) {
        const file = `${folder}/${slug}/index.html`;
        const ld = ldOf(file).find((i) => i['@type'] === type);
        if (!ld) {
          problems.push(`/${folder}/${slug}/: no ${type} JSON-LD`);
          continue;
        }
        if (ld.url !== abs(`/${folder}/${slug}/`)) problems.push(`/${folder}/${slug}/: ${type}.url is ${String(ld.url)}`);
        const more = extra?.(ld, slug);
        if (more) problems.push(`/${folder}/${slug}/: ${more}`);
      }
    };
    check('people', slugsUnder(dist, 'people'), 'Person', (ld, slug) =>
      squash(readHtml(dist, `people/${slug}/index.html`).querySelector('h1')!.textContent) === ld.name
        ? undefined
        : `Person.name ${String(ld.name)} differs from the <h1>`,
    );
    check(
      'episodes',
      slugsUnder(dist, 'episodes').filter((s) => s !== 'person'),
      'Event',
      (ld) => (typeof ld.name === 'string' && ld.name ? undefined : 'Event without a name'),
    );
    const basedOn = new Map(sources.sources.map((s) => [s.slug, s.basedOn]));
    check('sources', slugsUnder(dist, 'sources'), 'NewsArticle', (ld, slug) => {
      if (typeof ld.headline !== 'string' || !ld.headline) return 'NewsArticle without a headline';
      if (basedOn.get(slug) && !ld.isBasedOn) return `NewsArticle without isBasedOn (the source is based on ${basedOn.get(slug)})`;
      return undefined;
    });
    check(
      'claims',
      claims.claims.map((c) => c.id),
      'Claim',
      (ld, id) => (ld.text === claims.claims.find((c) => c.id === id)!.text ? undefined : 'Claim.text differs from claims.json'),
    );
    expectNone(problems, 'typed JSON-LD');
  });
});

describe('feeds', () => {
  const episodes = slugsUnder(dist, 'episodes').filter((s) => s !== 'person');

  it('lists every episode and every source in the RSS feed', () => {
    const xml = readFileSync(join(dist, 'rss.xml'), 'utf8');
    expect(xml).toMatch(/^<\?xml[^>]*>\s*<rss\b/);
    const links = new Set([...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>[\s\S]*?<\/item>/g)].map((m) => m[1]!.trim()));
    const expected = [...episodes.map((s) => abs(`/episodes/${s}/`)), ...sources.sources.map((s) => abs(`/sources/${s.slug}/`))];
    expectNone(
      expected.filter((u) => !links.has(u)),
      'missing from rss.xml',
    );
    expectNone(
      [...links].filter((u) => !u.startsWith(`${siteUrl}/`) || !pathToFile(dist, new URL(u).pathname)),
      'rss.xml items that are not pages of the site',
    );
  });

  it('lists every indexable HTML page in the sitemap, and nothing else', () => {
    expect(existsSync(join(dist, 'sitemap-index.xml'))).toBe(true);
    const xml = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    const locs = new Set([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.trim()));
    const indexable = pages.filter((f) => f !== '404.html' && !isNoindex(f)).map((f) => abs(fileToPath(f)));
    const noindex = new Set(pages.filter((f) => f === '404.html' || isNoindex(f)).map((f) => abs(fileToPath(f))));
    expectNone(
      indexable.filter((u) => !locs.has(u)),
      'indexable pages missing from sitemap-0.xml',
    );
    expectNone(
      [...locs].filter((u) => noindex.has(u) || u === abs('/404/')).map((u) => `${u} is noindex or the 404 page but is in the sitemap`),
      'sitemap lists pages marked noindex',
    );
    expectNone(
      [...locs].filter((u) => !noindex.has(u) && (!u.startsWith(`${siteUrl}/`) || !pathToFile(dist, new URL(u).pathname))),
      'sitemap URLs that are not built pages',
    );
  });
});

describe('scripts and weight', () => {
  it('ships no <script> other than the theme snippet, enhance.js, the search and 404 scripts and JSON-LD', () => {
    const problems: string[] = [];
    for (const file of pages) {
      const path = fileToPath(file);
      const root = readHtml(dist, file);
      let theme = 0;
      for (const s of root.querySelectorAll('script')) {
        const type = s.getAttribute('type');
        const src = s.getAttribute('src');
        if (type === 'application/ld+json' && !src) continue;
        if (src === '/scripts/enhance.js' && type !== 'module') continue;
        if (path === '/search/' && (src === '/pagefind/pagefind-component-ui.js' || src === '/scripts/search.js')) continue;
        if (path === '/404.html' && src === '/scripts/not-found.js') continue;
        const body = s.textContent;
        if (
          !src &&
          (!type || type === 'text/javascript') &&
          /localStorage\.getItem\(\s*['"]theme['"]\s*\)/.test(body) &&
          body.length < 400
        ) {
          theme++;
          continue;
        }
        problems.push(
          `${path}: unexpected <script${type ? ` type="${type}"` : ''}${src ? ` src="${src}"` : ''}> ${squash(body).slice(0, 80)}`,
        );
      }
      if (theme !== 1) problems.push(`${path}: ${theme} inline theme scripts (expected 1, before first paint)`);
      if (root.querySelectorAll('script[src="/scripts/enhance.js"]').length !== 1)
        problems.push(`${path}: enhance.js is not loaded exactly once`);
      for (const el of root.querySelectorAll('*')) {
        const handlers = Object.keys(el.attributes).filter((a) => /^on/i.test(a));
        if (handlers.length) problems.push(`${path}: inline event handler ${handlers.join(',')} on <${el.tagName.toLowerCase()}>`);
      }
    }
    expectNone(problems, 'scripts');
  });

  // The 30 KB budget is for a typical person page (the bench's synthetic pages carry 4–8 references). A page
  // with far more citations may exceed it, but each reference must stay light: at most 0.3 KB gzipped.
  it('keeps the HTML + CSS of every person page within 30 KB gzipped, or 0.3 KB per reference for long pages', () => {
    const problems: string[] = [];
    const sizes: string[] = [];
    for (const slug of slugsUnder(dist, 'people')) {
      const file = `people/${slug}/index.html`;
      const html = readFileSync(join(dist, file));
      const root = readHtml(dist, file);
      const css = root
        .querySelectorAll('link[rel="stylesheet"]')
        .map((l) => l.getAttribute('href') ?? '')
        .filter((h) => h.startsWith('/'))
        .map((h) => readFileSync(join(dist, pathToFile(dist, h.split(/[?#]/)[0]!)!)));
      const total = gzipSync(html).length + css.reduce((n, c) => n + gzipSync(c).length, 0);
      const references = root.querySelectorAll('.references li').length;
      sizes.push(`${slug} ${(total / 1024).toFixed(1)} KB`);
      const budget = Math.max(30 * 1024, references * 0.3 * 1024);
      if (total > budget)
        problems.push(
          `/people/${slug}/: ${(total / 1024).toFixed(1)} KB gzipped (HTML ${(gzipSync(html).length / 1024).toFixed(1)} KB + CSS, ${references} references), budget ${(budget / 1024).toFixed(1)} KB`,
        );
    }
    expect(sizes.length).toBeGreaterThan(0);
    expectNone(problems, 'person pages over budget');
  });
});
