import { describe, expect, it } from 'vitest';
import { buildDossier, type ContentFile } from '../../src/lib/build-dossier.ts';
import { incrementalDossier } from '../../src/lib/incremental-dossier.ts';
import { readContent } from '../../src/lib/read-content.ts';
import { buildCollections } from '../../src/lib/views/collections.ts';

const { files } = readContent('content', process.cwd());
const pageCount = files.filter((f) => f.collection !== 'sources').length;

/** The incremental result must be the full build's, views and diagnostics alike. */
function expectSameAsFullBuild(result: ReturnType<ReturnType<typeof incrementalDossier>>, input: readonly ContentFile[]) {
  const full = buildDossier(input);
  expect(result.diagnostics).toEqual(full.diagnostics);
  expect(buildCollections(result.dossier)).toEqual(buildCollections(full.dossier));
}

const edit = (input: readonly ContentFile[], file: string, change: (raw: string) => string) =>
  input.map((f) => (f.file === file ? { ...f, raw: change(f.raw) } : f));

/** A verifier that has already seen the unedited dossier. */
function primed() {
  const verify = incrementalDossier();
  verify(files);
  return verify;
}

describe('incrementalDossier (the dev server)', () => {
  const people = files.find((f) => f.file.endsWith('people/marco-rubio.mdx'))!;
  const source = files.find((f) => f.collection === 'sources')!;

  it('processes every page on the first run, and none when nothing changed', () => {
    const verify = incrementalDossier();
    expect(verify(files).reprocessed).toBe(pageCount);
    const again = verify(files);
    expect(again.reprocessed).toBe(0);
    expectSameAsFullBuild(again, files);
  });

  it('processes only the edited page, with the same result as a full build', () => {
    const verify = primed();
    const edited = edit(files, people.file, (raw) => raw.replace('Secretary of State', 'Secretary of State (edited)'));
    expect(edited).not.toEqual(files);
    const result = verify(edited);
    expect(result.reprocessed).toBe(1);
    expectSameAsFullBuild(result, edited);
  });

  it('reports an error introduced by an edit, as the full build does, and clears it when undone', () => {
    const verify = primed();
    const broken = edit(
      files,
      people.file,
      (raw) =>
        `${raw}\n<Claim id="incremental-broken" status="reported">\nNo source says this.\n<Cite source="${source.slug}" quote="words that are in no source at all" />\n</Claim>\n`,
    );
    const result = verify(broken);
    expect(result.diagnostics.map((d) => d.rule)).toContain('quote-not-found');
    expectSameAsFullBuild(result, broken);
    const undone = verify(files);
    expect(undone.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(undone.reprocessed).toBe(1);
  });

  it('processes every page again when a source changes, since every quote is checked against the sources', () => {
    const verify = primed();
    const edited = edit(files, source.file, (raw) => `${raw}\n`);
    const result = verify(edited);
    expect(result.reprocessed).toBe(pageCount);
    expectSameAsFullBuild(result, edited);
  });
});
