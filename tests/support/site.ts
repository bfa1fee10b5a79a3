/** Helpers for tests of the built site: list its pages, read and parse them, and pick one page of every type. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Every HTML file of the built site, relative to `dist` (`index.html`, `people/steve-witkoff/index.html`, `404.html`…). */
export function htmlFiles(dist: string): string[] {
  return listFiles(dist).filter((f) => f.endsWith('.html'));
}

/** The URL path a built HTML file is served at (`people/x/index.html` → `/people/x/`, `404.html` → `/404.html`). */
export function fileToPath(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/** The file in `dist` that serves a URL path (a directory serves its index.html), or undefined when none does. */
export function pathToFile(dist: string, pathname: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const rel = path.replace(/^\/+/, '');
  const full = join(dist, rel);
  if (!full.startsWith(dist)) return undefined;
  if (existsSync(full) && statSync(full).isDirectory()) {
    const index = join(full, 'index.html');
    return existsSync(index) ? relative(dist, index).split(sep).join('/') : undefined;
  }
  return existsSync(full) ? rel : undefined;
}

const parsed = new Map<string, HTMLElement>();

/** Parse a built HTML file (cached per process). */
export function readHtml(dist: string, file: string): HTMLElement {
  const key = join(dist, file);
  let root = parsed.get(key);
  if (!root) {
    root = parse(readFileSync(key, 'utf8'), {
      comment: false,
      blockTextElements: { script: true, style: true, noscript: true, pre: true },
    });
    parsed.set(key, root);
  }
  return root;
}

/** Slugs of the pages generated under a folder (`people` → every `people/<slug>/index.html`). */
export function slugsUnder(dist: string, folder: string): string[] {
  const dir = join(dist, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'index.html')))
    .map((e) => e.name)
    .sort();
}

/** Prefer a well-known slug (the story's protagonists), else the first one built. */
function pick(slugs: string[], preferred: string[]): string {
  const found = preferred.find((p) => slugs.includes(p)) ?? slugs[0];
  if (!found) throw new Error(`no page built among preferred ${preferred.join(', ')}`);
  return found;
}

export interface PageType {
  /** Human name of the page type, used in test names. */
  type: string;
  /** URL path of one page of that type. */
  path: string;
}

/**
 * One page of every page type the site has (used by the build, a11y, layout and console tests). The samples are
 * representative but not the largest: the person sample has aliases, quotes and discrepancies, the source sample
 * folded furniture and a cited teaser. (axe's contrast rule takes seconds per thousand elements.)
 */
export function pageTypes(dist: string): PageType[] {
  const people = slugsUnder(dist, 'people');
  const episodes = slugsUnder(dist, 'episodes').filter((s) => s !== 'person');
  const personFilters = slugsUnder(dist, 'episodes/person');
  const claims = slugsUnder(dist, 'claims').filter((s) => s !== 'person' && s !== 'source');
  const claimPeople = slugsUnder(dist, 'claims/person');
  const claimSources = slugsUnder(dist, 'claims/source');
  const sources = slugsUnder(dist, 'sources');
  const discrepancies = slugsUnder(dist, 'discrepancies');
  return [
    { type: 'home', path: '/' },
    { type: 'people index', path: '/people/' },
    { type: 'person', path: `/people/${pick(people, ['tommy-pigott', 'emmanuel-macron', 'steve-witkoff'])}/` },
    { type: 'episodes index', path: '/episodes/' },
    { type: 'episode', path: `/episodes/${pick(episodes, ['florida-meeting', 'geneva-talks'])}/` },
    { type: 'episode person filter', path: `/episodes/person/${pick(personFilters, ['marco-rubio', 'steve-witkoff'])}/` },
    { type: 'claims index', path: '/claims/' },
    { type: 'claim', path: `/claims/${pick(claims, ['geneva-witkoff-left-early', 'geneva-rubio-not-informed'])}/` },
    { type: 'claims person filter', path: `/claims/person/${pick(claimPeople, ['tommy-pigott', 'steve-witkoff'])}/` },
    { type: 'claims source filter', path: `/claims/source/${pick(claimSources, ['compete-to-lead-talks', 'non-public-rivalry'])}/` },
    { type: 'sources index', path: '/sources/' },
    { type: 'source', path: `/sources/${pick(sources, ['non-public-rivalry', 'go-it-alone-diplomacy'])}/` },
    { type: 'discrepancies index', path: '/discrepancies/' },
    { type: 'discrepancy', path: `/discrepancies/${pick(discrepancies, ['spokesperson-first-name', 'vitkoff-spelling'])}/` },
    { type: 'about', path: '/about/' },
    ...(existsSync(join(dist, 'graph', 'index.html')) ? [{ type: 'graph', path: '/graph/' }] : []),
    { type: 'search', path: '/search/' },
    { type: 'data', path: '/data/' },
    { type: '404', path: '/404.html' },
  ];
}

/** Normalise whitespace for text comparisons. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

// ---- the documented JSON exports (src/lib/views/data-export.ts) ----

export interface ClaimsJson {
  version: number;
  claims: {
    id: string;
    page: string;
    permalink: string;
    text: string;
    status: string;
    about: string[];
    speaker?: string;
    citations: {
      source: string;
      paragraph: string;
      paragraphs: string[];
      quote: string;
      passage: string;
      stance: string;
      url: string;
      attribution: {
        outlet: string;
        via?: string;
        credits: { kind: string; name: string; person?: string }[];
        from: string;
        evidence?: string;
      };
      chain: string;
    }[];
    independentOrigins: number;
    origins: { name: string; kind: string; key: string; citations: number[] }[];
    outlets: string[];
    corroborates: string[];
    reported: string;
  }[];
}

export interface SourcesJson {
  version: number;
  sources: {
    slug: string;
    url: string;
    title: string;
    /** The short name pages call the source by. */
    name: string;
    publisher: string | null;
    published: { value: string; label: string; basis?: string };
    reported: { value: string; label: string; basis: string } | null;
    language: string;
    translatedFrom: string | null;
    basedOn: string | null;
    notes: string[];
    furniture: unknown[];
    sha256: string;
    coverage: { cited: number; substantive: number; percent: number };
    paragraphs: { id: string; kind: string; furniture: boolean; text: string; citedBy: string[] }[];
  }[];
}

export const readJson = <T>(dist: string, file: string): T => JSON.parse(readFileSync(join(dist, file), 'utf8')) as T;
