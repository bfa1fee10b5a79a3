/** Every internal link, asset and #fragment of the built site resolves; no page repeats an id. */
import { describe, expect, inject, it } from 'vitest';
import { site } from '../../src/site-config.ts';
import { fileToPath, htmlFiles, pathToFile, readHtml } from '../support/site.ts';

const dist = inject('distDir');
const origin = new URL(site.url).origin;
const pages = htmlFiles(dist);
const expectNone = (problems: string[], what: string) =>
  expect(problems.length, `${what} (${problems.length}):\n${problems.join('\n')}\n`).toBe(0);

/** The ids of a built file (cached); an empty set for non-HTML files. */
const idCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    ids = new Set(
      file.endsWith('.html')
        ? readHtml(dist, file)
            .querySelectorAll('[id]')
            .map((e) => e.getAttribute('id')!)
        : [],
    );
    // `<a name>` is a legacy fragment target too.
    if (file.endsWith('.html')) for (const a of readHtml(dist, file).querySelectorAll('a[name]')) ids.add(a.getAttribute('name')!);
    idCache.set(file, ids);
  }
  return ids;
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

/** Links and resources of a page: [attribute value, what carries it]. */
function references(file: string): { url: string; where: string }[] {
  const root = readHtml(dist, file);
  const out: { url: string; where: string }[] = [];
  const add = (selector: string, attr: string) => {
    for (const el of root.querySelectorAll(selector)) {
      const value = el.getAttribute(attr);
      if (value === undefined) continue;
      const text = el.textContent.replace(/\s+/g, ' ').trim().slice(0, 40);
      out.push({ url: value, where: `<${el.tagName.toLowerCase()} ${attr}>${text ? ` "${text}"` : ''}` });
    }
  };
  add('a[href]', 'href');
  add('area[href]', 'href');
  add('link[href]', 'href');
  add('script[src]', 'src');
  add('img[src]', 'src');
  add('source[src]', 'src');
  add('iframe[src]', 'src');
  add('form[action]', 'action');
  add('use[href]', 'href');
  add('meta[property="og:url"]', 'content');
  for (const el of root.querySelectorAll('img[srcset], source[srcset]'))
    for (const part of (el.getAttribute('srcset') ?? '').split(','))
      if (part.trim()) out.push({ url: part.trim().split(/\s+/)[0]!, where: `<${el.tagName.toLowerCase()} srcset>` });
  return out;
}

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
    const broken: string[] = [];
    let checked = 0;
    for (const file of pages) {
      const pagePath = fileToPath(file);
      const base = new URL(pagePath, origin);
      for (const { url: raw, where } of references(file)) {
        const value = raw.trim();
        if (!value || /^(mailto|tel|javascript|data):/i.test(value)) {
          if (/^javascript:/i.test(value)) broken.push(`${pagePath}: ${where} uses a javascript: URL`);
          continue;
        }
        let url: URL;
        try {
          url = new URL(value, base);
        } catch {
          broken.push(`${pagePath}: ${where} → unparseable "${value}"`);
          continue;
        }
        if (url.origin !== origin) continue; // external (the repository, other sites)
        checked++;
        const target = pathToFile(dist, url.pathname);
        if (!target) {
          broken.push(`${pagePath}: ${where} → ${url.pathname} (no such file)`);
          continue;
        }
        if (url.hash) {
          const id = fragmentId(url.hash);
          if (id && !idsOf(target).has(id))
            broken.push(`${pagePath}: ${where} → ${url.pathname}#${id} (no element with that id on ${fileToPath(target)})`);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expectNone(broken, 'broken internal links');
  });

  it('points every aria-describedby, aria-labelledby, aria-controls and label[for] at an id on the same page', () => {
    const broken: string[] = [];
    for (const file of pages) {
      const ids = idsOf(file);
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
