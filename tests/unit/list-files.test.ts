import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listContent } from '../../src/lib/verify/list-files.ts';

const tmp = mkdtempSync(join(tmpdir(), 'backchannel-read-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
function tree(files: Record<string, string>): string {
  const root = join(tmp, `t${n++}`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('listContent', () => {
  it('lists the files of the four folders with collection, slug, text and a root-relative forward-slash path', () => {
    const root = tree({
      'content/sources/a-source.md': 'S',
      'content/people/a-person.mdx': 'P',
      'content/episodes/an-episode.mdx': 'E',
      'content/discrepancies/a-discrepancy.mdx': 'D',
    });
    const { files, diagnostics } = listContent(join(root, 'content'), root);
    expect(diagnostics).toEqual([]);
    expect(files.map((f) => [f.file, f.collection, f.slug, Buffer.from(f.content).toString()])).toEqual([
      ['content/sources/a-source.md', 'sources', 'a-source', 'S'],
      ['content/people/a-person.mdx', 'people', 'a-person', 'P'],
      ['content/episodes/an-episode.mdx', 'episodes', 'an-episode', 'E'],
      ['content/discrepancies/a-discrepancy.mdx', 'discrepancies', 'a-discrepancy', 'D'],
    ]);
  });

  it('lists files in name order within a folder', () => {
    const root = tree({ 'content/people/b.mdx': '', 'content/people/a.mdx': '', 'content/people/c-1.mdx': '' });
    expect(listContent(join(root, 'content'), root).files.map((f) => f.slug)).toEqual(['a', 'b', 'c-1']);
  });

  it('skips dotfiles and README.md without complaint', () => {
    const root = tree({ 'content/people/.DS_Store': 'x', 'content/people/README.md': '# People', 'content/people/a.mdx': '' });
    const { files, diagnostics } = listContent(join(root, 'content'), root);
    expect(diagnostics).toEqual([]);
    expect(files.map((f) => f.slug)).toEqual(['a']);
  });

  it('accepts a missing collection folder', () => {
    const root = tree({ 'content/people/a.mdx': '' });
    expect(listContent(join(root, 'content'), root).diagnostics).toEqual([]);
  });

  it('reports the second file of a slug used in two collections, and keeps the first', () => {
    const root = tree({ 'content/people/geneva.mdx': '', 'content/episodes/geneva.mdx': '' });
    const { files, diagnostics } = listContent(join(root, 'content'), root);
    expect(files.map((f) => f.file)).toEqual(['content/people/geneva.mdx']);
    expect(diagnostics.map((d) => [d.rule, d.file])).toEqual([['duplicate-slug', 'content/episodes/geneva.mdx']]);
    expect(diagnostics[0]!.message).toContain('content/people/geneva.mdx');
  });

  it('suggests the kebab-case name for a bad slug and the right extension for a wrong one', () => {
    const root = tree({ 'content/people/Steve Witkoff.mdx': '', 'content/episodes/geneva-talks.md': '' });
    const { diagnostics } = listContent(join(root, 'content'), root);
    expect(diagnostics.map((d) => [d.rule, d.hint])).toEqual([
      ['bad-slug', 'Rename it to steve-witkoff.mdx.'],
      ['wrong-extension', 'Files in content/episodes/ end in .mdx: rename it to geneva-talks.mdx.'],
    ]);
  });

  it('reports content files it would otherwise skip silently: in an unknown folder, a sub-folder, or the content root', () => {
    const root = tree({
      'content/people/a.mdx': '',
      'content/person/marco-rubio.mdx': '---\nname: Marco Rubio\n---\n',
      'content/people/2025/jd-vance.mdx': '---\nname: JD Vance\n---\n',
      'content/steve-witkoff.mdx': '---\nname: Steve Witkoff\n---\n',
    });
    const { diagnostics } = listContent(join(root, 'content'), root);
    const reported = diagnostics.filter((d) => d.severity === 'error').map((d) => d.file);
    expect(reported).toEqual(
      expect.arrayContaining(['content/person/marco-rubio.mdx', 'content/people/2025/jd-vance.mdx', 'content/steve-witkoff.mdx']),
    );
  });
});
