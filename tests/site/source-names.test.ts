/** Sources are named the same way everywhere: the short name of their frontmatter, never a slug, never "Unidentified outlet". */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { htmlFiles, readHtml, readJson, squash, type SourcesJson } from '../support/site.ts';
import { REPO } from '../support/astro-project.ts';

const dist = inject('distDir');
const sources = readJson<SourcesJson>(dist, 'data/sources.json').sources;
/** The `shortName` each source's frontmatter gives. */
const shortNames = new Map(
  sources.map((s) => {
    const raw = readFileSync(join(REPO, 'content/sources', `${s.slug}.md`), 'utf8');
    return [s.slug, /^shortName: (.+)$/m.exec(raw.slice(0, raw.indexOf('\n---\n', 4)))?.[1]];
  }),
);
const expectNone = (problems: string[], what: string) =>
  expect(problems.length, `${what} (${problems.length}):\n${problems.slice(0, 30).join('\n')}\n`).toBe(0);

/** What a reader is told on a page: its text and the labels a screen reader reads (aria-label, title, alt). */
function readerText(file: string): string {
  const root = readHtml(dist, file);
  const labels = root
    .querySelectorAll('[aria-label], [title], [alt]')
    .flatMap((el) => ['aria-label', 'title', 'alt'].map((a) => el.getAttribute(a) ?? ''));
  const body = root.querySelector('body')!.clone() as typeof root;
  for (const el of body.querySelectorAll('script, style')) el.remove();
  return squash(`${body.textContent} ${labels.join(' ')}`);
}

describe('source names', () => {
  it('come from the frontmatter of every real source', () => {
    for (const s of sources) {
      expect(shortNames.get(s.slug), `shortName of ${s.slug}`).toBeTruthy();
      expect(s.name).toBe(shortNames.get(s.slug));
    }
  });

  it('appear in the sources table, and each source page says which name claims use', () => {
    const table = readHtml(dist, 'sources/index.html');
    const rows = table.querySelectorAll('tbody tr').map((tr) => squash(tr.querySelector('th a')?.textContent ?? ''));
    expect(rows.sort()).toEqual(sources.map((s) => s.name).sort());
    for (const s of sources) {
      const facts = squash(
        readHtml(dist, `sources/${s.slug}/index.html`)
          .querySelectorAll('dl.facts dt, dl.facts dd')
          .map((el) => el.textContent)
          .join(' '),
      );
      expect(facts, `/sources/${s.slug}/`).toContain(`Known here as ${s.name}`);
      expect(facts).toContain(`claims call it “the ${s.name.replace(/^[a-z]|^[A-Z](?=[a-z])/, (c) => c.toLowerCase())}”`);
    }
  });

  it('label the references and the reference marks of every page', () => {
    const problems: string[] = [];
    const byTitle = new Map(sources.map((s) => [s.slug, s.name]));
    let checked = 0;
    for (const file of htmlFiles(dist).filter((f) => /^(people|episodes|discrepancies)\/[^/]+\/index\.html$/.test(f))) {
      const root = readHtml(dist, file);
      for (const li of root.querySelectorAll('.references li[id^="ref-"]')) {
        const link = li.querySelector('a.ref-source')!;
        const slug = /\/sources\/([^/]+)\//.exec(link.getAttribute('href') ?? '')?.[1] ?? '';
        const n = li.id.slice('ref-'.length);
        if (squash(link.textContent) !== byTitle.get(slug))
          problems.push(`${file} ref ${n}: "${squash(link.textContent)}", expected ${byTitle.get(slug)}`);
        const mark = root.querySelector(`#cite-${n} a`);
        if (mark && mark.getAttribute('aria-label') !== `Reference ${n}: ${byTitle.get(slug)}`)
          problems.push(`${file} mark ${n}: aria-label "${mark.getAttribute('aria-label')}"`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    expectNone(problems, 'references not named by their source');
  });

  it('leave no source slug and no "Unidentified outlet" in any page a reader sees', () => {
    const slugs = sources.map((s) => s.slug);
    const pattern = new RegExp(`(?<![\\w/#-])(${slugs.join('|')})(?![\\w/-])`);
    const problems: string[] = [];
    const files = htmlFiles(dist);
    for (const file of files) {
      const text = readerText(file);
      const slug = pattern.exec(text);
      if (slug) problems.push(`${file}: “…${text.slice(Math.max(0, slug.index - 50), slug.index + 40)}…”`);
      if (text.includes('Unidentified outlet')) problems.push(`${file}: "Unidentified outlet"`);
    }
    expect(files.length).toBeGreaterThan(60);
    expectNone(problems, 'slugs or "Unidentified outlet" in reader text');
  });
});
