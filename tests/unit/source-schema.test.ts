import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import { hashText, parseSource } from '../../src/lib/sources/parse-source.ts';
import { seedRaw, sha256, sourceFile } from './seeds.ts';

const FM = 'title: Test\npublisher: null\npublished:\n  date: unknown\nlanguage: en';
const BODY = 'A headline\n\nThe first paragraph of the article.\n\nA caption. Photo: Agency\n';
const only = (diagnostics: Diagnostic[]) => {
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0]!;
};

describe('hashText', () => {
  it('is the SHA-256 of the UTF-8 text, in lower-case hex', () => {
    expect(hashText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashText('Zelenskyy’s')).toBe(sha256('Zelenskyy’s'));
  });

  it('gives BOM-prefixed and CRLF text the same hash as the LF text', () => {
    const lf = 'One\n\nTwo “three”\n';
    expect(hashText(`\uFEFF${lf}`)).toBe(hashText(lf));
    expect(hashText(lf.replace(/\n/g, '\r\n'))).toBe(hashText(lf));
    expect(hashText(lf.replace(/\n/g, '\r'))).toBe(hashText(lf));
    expect(hashText(`\uFEFF${lf.replace(/\n/g, '\r\n')}`)).toBe(hashText(lf));
  });

  it('changes when one character of the text changes', () => {
    expect(hashText('28 points')).not.toBe(hashText('27 points'));
    expect(hashText('a\n')).not.toBe(hashText('a'));
  });

  it('matches the sha256 recorded in a real source file', () => {
    const raw = seedRaw('compete-to-lead-talks');
    const body = raw.slice(raw.indexOf('\n---\n') + 5);
    expect(hashText(body)).toBe(/sha256: ([0-9a-f]{64})/.exec(raw)![1]);
  });
});

describe('parseSource errors (one per message)', () => {
  it('accepts a minimal well-formed source with no diagnostics', () => {
    const { source, diagnostics } = parseSource(sourceFile(BODY, FM), 'content/sources/t.md', 't');
    expect(diagnostics).toEqual([]);
    expect(source!.paragraphs).toHaveLength(3);
    expect(source!.textLine).toBe(9);
    expect(source!.published.precision).toBe('unknown');
  });

  it('frontmatter-missing: a file without `---` fences', () => {
    const d = only(parseSource(BODY, 'content/sources/t.md', 't').diagnostics);
    expect(d).toMatchObject({
      rule: 'frontmatter-missing',
      file: 'content/sources/t.md',
      line: 1,
      column: 1,
      message: 'Source has no YAML frontmatter',
    });
    expect(d.hint).toContain('sha256');
  });

  it('frontmatter-yaml: malformed YAML, located at the bad value', () => {
    const raw = sourceFile(BODY, 'title: Witkoff: the envoy\npublisher: null\npublished:\n  date: unknown\nlanguage: en');
    const d = only(parseSource(raw, 't.md', 't').diagnostics);
    expect(d).toMatchObject({ rule: 'frontmatter-yaml', line: 2, column: 8 });
    expect(d.message).toMatch(/^Malformed YAML frontmatter: /);
    expect(d.hint).toContain('quoted');
  });

  it('frontmatter-unknown-field: suggests the closest allowed field', () => {
    const raw = sourceFile(BODY, `${FM}\nfurnture: []`);
    const d = only(parseSource(raw, 't.md', 't').diagnostics);
    expect(d).toMatchObject({ rule: 'frontmatter-unknown-field', line: 7, column: 1, message: 'Unknown frontmatter field `furnture`' });
    expect(d.hint).toMatch(/^Did you mean `furniture`\? Allowed here: title, publisher, published, /);
  });

  it('frontmatter-unknown-field: inside a nested mapping, names the path', () => {
    const raw = sourceFile(BODY, 'title: Test\npublisher: null\npublished:\n  date: unknown\n  basys: none\nlanguage: en');
    const d = only(parseSource(raw, 't.md', 't').diagnostics);
    expect(d).toMatchObject({
      rule: 'frontmatter-unknown-field',
      line: 6,
      column: 3,
      message: 'Unknown frontmatter field `published.basys`',
    });
    expect(d.hint).toContain('Did you mean `basis`?');
  });

  it('frontmatter-missing-field: a required field, with its field hint', () => {
    const raw = sourceFile(BODY, 'title: Test\npublisher: null\npublished:\n  date: unknown');
    const d = only(parseSource(raw, 't.md', 't').diagnostics);
    expect(d).toMatchObject({ rule: 'frontmatter-missing-field', message: 'Missing frontmatter field `language`', line: 2, column: 1 });
    expect(d.hint).toContain('language tag');
  });

  it('frontmatter-invalid: a value of the wrong form, located at the value', () => {
    const raw = sourceFile(BODY, 'title: Test\npublisher: null\npublished:\n  date: unknown\nlanguage: English');
    const d = only(parseSource(raw, 't.md', 't').diagnostics);
    expect(d).toMatchObject({ rule: 'frontmatter-invalid', line: 6, column: 11 });
    expect(d.message).toBe('Invalid frontmatter field `language`: expected a BCP 47 language tag such as `en` or `uk`');
    expect(d.hint).toContain('language tag');
  });

  it('source-hash-mismatch: gives the hash the text now has in the hint, at the sha256 value', () => {
    const edited = BODY.replace('first', 'second');
    const raw = sourceFile(edited, FM, sha256(BODY));
    const d = only(parseSource(raw, 't.md', 't').diagnostics);
    expect(d).toMatchObject({ rule: 'source-hash-mismatch', line: 7, column: 9 });
    expect(d.hint).toContain(`The text now hashes to ${sha256(edited)}.`);
  });

  it('source-hash-mismatch: still returns the source so its citations can be checked', () => {
    const { source } = parseSource(sourceFile(BODY, FM, 'f'.repeat(64)), 't.md', 't');
    expect(source?.paragraphs).toHaveLength(3);
  });

  it('furniture-not-found: a furniture passage that is not in the text', () => {
    const raw = sourceFile(BODY, `${FM}\nfurniture:\n  - kind: cookie notice\n    text: We use cookies`);
    const d = only(parseSource(raw, 't.md', 't').diagnostics);
    expect(d).toMatchObject({
      rule: 'furniture-not-found',
      line: 9,
      column: 11,
      message: 'Furniture passage 1 (cookie notice) does not occur in the text',
    });
    expect(d.hint).toContain('Copy the passage exactly');
  });

  it('heading-not-found: a heading that is not a whole paragraph', () => {
    const raw = sourceFile(BODY, `${FM}\nheadings:\n  - A headline\n  - The first paragraph`);
    const d = only(parseSource(raw, 't.md', 't').diagnostics);
    expect(d).toMatchObject({ rule: 'heading-not-found', line: 9, column: 5 });
    expect(d.message).toContain('Heading 2');
    expect(d.hint).toContain('whole line');
  });

  it('invalid-date: an impossible published date, at the date value', () => {
    const raw = sourceFile(BODY, 'title: Test\npublisher: null\npublished:\n  date: 2025-02-29\nlanguage: en');
    const d = only(parseSource(raw, 't.md', 't').diagnostics);
    expect(d).toMatchObject({
      rule: 'invalid-date',
      line: 5,
      column: 9,
      message: 'Invalid date in `published.date`: 2025-02 has no day 29',
    });
    expect(d.hint).toContain('YYYY-MM-DD');
  });

  it('source-too-large: a file over 5 MB', () => {
    const raw = sourceFile('x'.repeat(5 * 1024 * 1024 + 1), FM);
    const d = only(parseSource(raw, 't.md', 't').diagnostics);
    expect(d).toMatchObject({ rule: 'source-too-large', line: 1, column: 1 });
  });
});

describe('parseSource furniture and headings', () => {
  it('marks a listed furniture passage that is a whole paragraph as furniture, and a part of one as inline furniture', () => {
    const raw = sourceFile(
      BODY,
      `${FM}\nheadings: [A headline]\nfurniture:\n  - kind: photo caption\n    text: "A caption. Photo: Agency"\n  - kind: credit\n    text: "first paragraph"`,
    );
    const { source, diagnostics } = parseSource(raw, 't.md', 't');
    expect(diagnostics).toEqual([]);
    expect(source!.paragraphs.map((p) => p.kind)).toEqual(['heading', 'text', 'furniture']);
    expect(source!.paragraphs[1]!.furniture.map((f) => f.kind)).toEqual(['credit']);
  });

  it('matches headings and furniture despite case, quote-mark and spacing differences', () => {
    const body = 'Witkoff’s   “go-it-alone” diplomacy\n\nText.\n';
    const raw = sourceFile(body, `${FM}\nheadings:\n  - "WITKOFF'S \\"GO-IT-ALONE\\" DIPLOMACY"`);
    const { source, diagnostics } = parseSource(raw, 't.md', 't');
    expect(diagnostics).toEqual([]);
    expect(source!.paragraphs[0]!.kind).toBe('heading');
  });
});
