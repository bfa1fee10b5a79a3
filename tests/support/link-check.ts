/**
 * Every internal link, asset and #fragment of a built site resolves, for a site served under any base: the site
 * check of the real dossier, of its build under a base path, and of the second dossier (tests/build/).
 */
import { fileToPath, htmlFiles, pathToFile, readHtml } from './site.ts';

/** Where the built site is served: its origin and the path under it (`/`, `/dossier/`). */
export interface Served {
  origin: string;
  base: string;
}

/** The element id a fragment points at: decoded, with any `:~:` fragment directive (text fragment) removed. */
export function fragmentId(hash: string): string {
  let fragment = hash.replace(/^#/, '');
  const directive = fragment.indexOf(':~:');
  if (directive >= 0) fragment = fragment.slice(0, directive);
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

const idCache = new Map<string, Set<string>>();

/** The ids of a built file (cached); an empty set for non-HTML files. `<a name>` is a legacy fragment target too. */
export function idsOf(dist: string, file: string): Set<string> {
  const key = `${dist}\0${file}`;
  let ids = idCache.get(key);
  if (!ids) {
    ids = new Set();
    if (file.endsWith('.html')) {
      const root = readHtml(dist, file);
      for (const el of root.querySelectorAll('[id]')) ids.add(el.getAttribute('id')!);
      for (const a of root.querySelectorAll('a[name]')) ids.add(a.getAttribute('name')!);
    }
    idCache.set(key, ids);
  }
  return ids;
}

const LINKING: [selector: string, attribute: string][] = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['source[src]', 'src'],
  ['iframe[src]', 'src'],
  ['form[action]', 'action'],
  ['use[href]', 'href'],
  ['meta[property="og:url"]', 'content'],
];

/** Links and resources of a page: the attribute's value, and what carries it. */
export function references(dist: string, file: string): { url: string; where: string }[] {
  const root = readHtml(dist, file);
  const out: { url: string; where: string }[] = [];
  for (const [selector, attr] of LINKING) {
    for (const el of root.querySelectorAll(selector)) {
      const value = el.getAttribute(attr);
      if (value === undefined) continue;
      const text = el.textContent.replace(/\s+/g, ' ').trim().slice(0, 40);
      out.push({ url: value, where: `<${el.tagName.toLowerCase()} ${attr}>${text ? ` "${text}"` : ''}` });
    }
  }
  for (const el of root.querySelectorAll('img[srcset], source[srcset]'))
    for (const part of (el.getAttribute('srcset') ?? '').split(','))
      if (part.trim()) out.push({ url: part.trim().split(/\s+/)[0]!, where: `<${el.tagName.toLowerCase()} srcset>` });
  return out;
}

/** One link's problem, or undefined when it resolves (external links are not followed). */
function problem(dist: string, served: Served, from: URL, raw: string): string | undefined {
  const value = raw.trim();
  if (/^javascript:/i.test(value)) return 'uses a javascript: URL';
  if (!value || /^(mailto|tel|data):/i.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, from);
  } catch {
    return `unparseable "${value}"`;
  }
  if (url.origin !== served.origin) return undefined;
  if (!url.pathname.startsWith(served.base)) return `${url.pathname} (outside the site's base ${served.base})`;
  const target = pathToFile(dist, `/${url.pathname.slice(served.base.length)}`);
  if (!target) return `${url.pathname} (no such file)`;
  const id = url.hash ? fragmentId(url.hash) : '';
  if (id && !idsOf(dist, target).has(id)) return `${url.pathname}#${id} (no element with that id on ${fileToPath(target)})`;
  return undefined;
}

/** Every broken internal link of the site in `dist`, served as `served`, and how many internal links were checked. */
export function brokenLinks(dist: string, served: Served): { checked: number; broken: string[] } {
  const broken: string[] = [];
  let checked = 0;
  for (const file of htmlFiles(dist)) {
    const pagePath = `${served.base}${fileToPath(file).slice(1)}`;
    const from = new URL(pagePath, served.origin);
    for (const { url, where } of references(dist, file)) {
      const found = problem(dist, served, from, url);
      if (found) broken.push(`${pagePath}: ${where} → ${found}`);
      else if (!/^[a-z]+:/i.test(url.trim()) || url.startsWith(served.origin)) checked++;
    }
  }
  return { checked, broken };
}

/** The origin a built site's pages name as canonical (read from its home page). */
export function siteOrigin(dist: string): string {
  const canonical = readHtml(dist, 'index.html').querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (!canonical) throw new Error(`${dist}/index.html has no canonical link`);
  return new URL(canonical).origin;
}
