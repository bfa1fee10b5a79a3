/** createVerifier (the dev server): each verify() reads the content folder again and processes only what changed. */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createVerifier } from '../../src/lib/verify/index.ts';
import { buildCollections } from '../../src/lib/views/collections.ts';
import { verifyTree } from '../content/verify-helpers.ts';
import { ROOT } from './seeds.ts';

const tmp = mkdtempSync(join(tmpdir(), 'backchannel-incremental-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let copies = 0;
/** A copy of the real dossier, and a verifier of it that has already seen it once. */
function project(): { dir: string; verify: () => ReturnType<ReturnType<typeof createVerifier>['verify']>; pages: number } {
  const dir = join(tmp, `p${++copies}`);
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  const verifier = createVerifier({ root: dir, contentDir: join(dir, 'content'), workers: 0 });
  const first = verifier.verify();
  return { dir, verify: () => verifier.verify(), pages: first.reprocessed };
}

/** The incremental result must be the full verification's, dossier (and, when it verifies, views) and diagnostics alike. */
function expectSameAsFull(result: ReturnType<ReturnType<typeof createVerifier>['verify']>, dir: string) {
  const full = verifyTree(dir);
  expect(result.diagnostics).toEqual(full.diagnostics);
  expect(result.dossier).toEqual(full.dossier);
  if (full.diagnostics.length === 0) expect(buildCollections(result.dossier)).toEqual(buildCollections(full.dossier));
}

const edit = (dir: string, file: string, change: (text: string) => string) => {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(path, after);
};

describe('createVerifier (the dev server)', () => {
  it('processes every page on the first run, and none when nothing changed', () => {
    const { dir, verify, pages } = project();
    expect(pages).toBe(verifyTree(dir).dossier.pages.size);
    const again = verify();
    expect(again.reprocessed).toBe(0);
    expectSameAsFull(again, dir);
  });

  it('processes only the edited page, with the same result as a full verification', () => {
    const { dir, verify } = project();
    edit(dir, 'content/people/marco-rubio.mdx', (text) => text.replace('Secretary of State', 'Secretary of State (edited)'));
    const result = verify();
    expect(result.reprocessed).toBe(1);
    expect(JSON.stringify(result.dossier.pages.get('people/marco-rubio' as never))).toContain('(edited)');
    expectSameAsFull(result, dir);
  });

  it('reports an error introduced by an edit, as the full verification does, and clears it when undone', () => {
    const { dir, verify } = project();
    const path = join(dir, 'content/people/marco-rubio.mdx');
    const before = readFileSync(path, 'utf8');
    appendFileSync(
      path,
      '\n<Claim id="incremental-broken" status="reported">\nNo source says this.\n<Cite source="rubio-humiliated" quote="words that are in no source at all" />\n</Claim>\n',
    );
    const result = verify();
    expect(result.reprocessed).toBe(1);
    expect(result.diagnostics.map((d) => d.rule)).toContain('quote-not-found');
    expectSameAsFull(result, dir);
    writeFileSync(path, before);
    const undone = verify();
    expect(undone.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(undone.reprocessed).toBe(1);
  });

  it('processes every page again when a source changes, since every quote is checked against the sources', () => {
    const { dir, verify, pages } = project();
    appendFileSync(join(dir, 'content/sources/rubio-humiliated.md'), '\n');
    const result = verify();
    expect(result.reprocessed).toBe(pages);
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['source-hash-mismatch']);
    expectSameAsFull(result, dir);
  });

  it('processes every page again when a page is added or removed, since links and references depend on the slugs', () => {
    const { dir, verify, pages } = project();
    rmSync(join(dir, 'content/people/marco-rubio.mdx'));
    const result = verify();
    expect(result.reprocessed).toBe(pages - 1);
    expect(result.diagnostics.some((d) => d.rule === 'unknown-person' || d.rule === 'broken-link')).toBe(true);
    expectSameAsFull(result, dir);
  });
});
