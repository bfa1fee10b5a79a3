/**
 * `npm run new`: each kind of file it scaffolds passes the real check as written, and bad input fails with a
 * message and writes nothing. Runs against a temp project (--root) holding a copy of content/sources/ and
 * one person page, never the real content/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import { hashText, parseSource } from '../../src/lib/sources/parse-source.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'backchannel-new-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const DATE_QUOTE = 'Last month, Witkoff, a former real estate mogul and Trump golf buddy';
const ROLE_QUOTE = 'State Department spokesperson Tommy Pigott asserted that there is no rift';

let projects = 0;
function project(): string {
  const dir = join(tmp, `project-${++projects}`);
  cpSync(join(ROOT, 'content/sources'), join(dir, 'content/sources'), { recursive: true });
  mkdirSync(join(dir, 'content/people'), { recursive: true });
  cpSync(join(ROOT, 'content/people/steve-witkoff.mdx'), join(dir, 'content/people/steve-witkoff.mdx'));
  return dir;
}

const run = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(ROOT, script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '', ...env },
  });
const scaffold = (dir: string, ...args: string[]) => run('scripts/new.ts', [...args, '--root', dir]);

/** The full check of a temp project; only diagnostics of `file` are compared, since the copied page cites people we did not copy. */
function diagnosticsOf(dir: string, file: string): Diagnostic[] {
  const result = run('scripts/check.mjs', ['--json', '--root', dir]);
  return (JSON.parse(result.stdout) as { diagnostics: Diagnostic[] }).diagnostics.filter((d) => d.file === file);
}

describe('npm run new', { timeout: 60_000 }, () => {
  it('person: writes a draft page that passes the check', () => {
    const dir = project();
    const result = scaffold(dir, 'person', 'Jane Ó Doe');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Created content/people/jane-o-doe.mdx');
    expect(result.stdout).toContain('Next steps:');
    const text = readFileSync(join(dir, 'content/people/jane-o-doe.mdx'), 'utf8');
    expect(text).toMatch(/^---\nname: Jane Ó Doe\nsummary: "Draft: /);
    expect(text).toContain('roles: []');
    expect(text).not.toMatch(/[{}<]/);
    expect(diagnosticsOf(dir, 'content/people/jane-o-doe.mdx')).toEqual([]);
  });

  it('person: adds a role whose quote is verified', () => {
    const dir = project();
    expect(
      scaffold(
        dir,
        'person',
        'Tommy Pigott',
        '--role',
        'State Department spokesperson',
        '--source',
        'clash-over-diplomacy',
        '--quote',
        ROLE_QUOTE,
      ).status,
    ).toBe(0);
    expect(readFileSync(join(dir, 'content/people/tommy-pigott.mdx'), 'utf8')).toContain(
      '  - title: State Department spokesperson\n    source: clash-over-diplomacy\n',
    );
    expect(diagnosticsOf(dir, 'content/people/tommy-pigott.mdx')).toEqual([]);
  });

  it('person: refuses to overwrite a file or reuse a slug from any collection', () => {
    const dir = project();
    const before = readFileSync(join(dir, 'content/people/steve-witkoff.mdx'), 'utf8');
    const again = scaffold(dir, 'person', 'Steve Witkoff');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('slug `steve-witkoff` is already used by content/people/steve-witkoff.mdx');
    expect(readFileSync(join(dir, 'content/people/steve-witkoff.mdx'), 'utf8')).toBe(before);
    const source = scaffold(dir, 'person', 'Someone', '--slug', 'rubio-humiliated');
    expect(source.status).toBe(1);
    expect(source.stderr).toContain('already used by content/sources/rubio-humiliated.md');
    expect(scaffold(dir, 'person', '¿?').stderr).toContain('does not give a kebab-case slug');
  });

  it('episode: verifies the date quote, writes an undated draft that passes the check', () => {
    const dir = project();
    const result = scaffold(
      dir,
      'episode',
      'Witkoff rushes to Geneva',
      '--source',
      'rubio-humiliated',
      '--quote',
      DATE_QUOTE,
      '--participants',
      'steve-witkoff',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const file = 'content/episodes/witkoff-rushes-to-geneva.mdx';
    expect(result.stdout).toContain(`Created ${file}`);
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text).toContain('date:\n  value: unknown\n  label: Undated\n  source: rubio-humiliated\n');
    expect(text).toContain('participants:\n  - steve-witkoff\n');
    expect(diagnosticsOf(dir, file)).toEqual([]);
  });

  it('episode: takes a date and derives its label', () => {
    const dir = project();
    expect(scaffold(dir, 'episode', 'Geneva', '--source', 'rubio-humiliated', '--quote', DATE_QUOTE, '--date', '2025-11?').status).toBe(0);
    expect(readFileSync(join(dir, 'content/episodes/geneva.mdx'), 'utf8')).toContain('value: 2025-11?\n  label: November 2025');
    expect(diagnosticsOf(dir, 'content/episodes/geneva.mdx')).toEqual([]);
  });

  it('episode: a quote not in the source fails with the closest passage and writes nothing', () => {
    const dir = project();
    const result = scaffold(
      dir,
      'episode',
      'Geneva',
      '--source',
      'rubio-humiliated',
      '--quote',
      'Last month, Witkoff, a former real estate tycoon and Trump golf buddy',
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('would not pass the check, so it was not written');
    expect(result.stderr).toContain('quote-not-found');
    expect(result.stderr).toContain(`Closest passage (`);
    expect(result.stderr).toContain(`“${DATE_QUOTE}`);
    expect(existsSync(join(dir, 'content/episodes/geneva.mdx'))).toBe(false);
  });

  it('episode: needs --source and --quote, a real source, known participants and a valid date', () => {
    const dir = project();
    expect(scaffold(dir, 'episode', 'Geneva').stderr).toContain('needs --source <slug> and --quote');
    expect(scaffold(dir, 'episode', 'Geneva', '--source', 'rubio-humiliated', '--quote', 'Last month').stderr).toContain(
      'fewer than 4 words',
    );
    expect(scaffold(dir, 'episode', 'Geneva', '--source', 'rubio-humilated', '--quote', DATE_QUOTE).stderr).toMatch(
      /Unknown source `rubio-humilated`[\s\S]*Did you mean `rubio-humiliated`/,
    );
    expect(
      scaffold(dir, 'episode', 'Geneva', '--source', 'rubio-humiliated', '--quote', DATE_QUOTE, '--participants', 'steve-witkof').stderr,
    ).toContain('unknown-person');
    expect(scaffold(dir, 'episode', 'Geneva', '--source', 'rubio-humiliated', '--quote', DATE_QUOTE, '--date', '2025-13').stderr).toContain(
      '--date: month 13 does not exist',
    );
    expect(existsSync(join(dir, 'content/episodes'))).toBe(false);
  });

  it('source: copies the text byte for byte, records its sha256 and previews the paragraphs', () => {
    const dir = project();
    const article = join(tmp, 'kyiv-report.txt');
    // CRLF endings, curly quotes and a trailing space must survive untouched.
    const text =
      'Envoy meets officials in Kyiv\r\n\r\nThe envoy met “senior officials” in Kyiv on Tuesday, the ministry said. \r\nA second paragraph — with a dash.\r\n';
    writeFileSync(article, text);
    const result = scaffold(
      dir,
      'source',
      article,
      '--publisher',
      'Example Wire',
      '--based-on',
      'Example Wire',
      '--published',
      '2025-11-25',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const file = 'content/sources/kyiv-report.md';
    expect(result.stdout).toContain(`Created ${file}`);
    expect(result.stdout).toMatch(/p-1 +heading +Envoy meets officials in Kyiv\n/);
    expect(result.stdout).toMatch(/p-2 +text +The envoy met “senior officials” in Kyiv on Tuesday, the min…\n/);
    expect(result.stdout).toMatch(/p-3 +text +A second paragraph — with a dash\.\n/);
    const bytes = readFileSync(join(dir, file));
    const raw = bytes.toString('utf8');
    const fence = raw.indexOf('\n---\n', 4) + 5;
    expect(bytes.subarray(Buffer.byteLength(raw.slice(0, fence))).equals(Buffer.from(text))).toBe(true);
    expect(raw).toContain(`sha256: ${hashText(text)}`);
    expect(raw).toContain('title: Envoy meets officials in Kyiv\npublisher: Example Wire\n');
    expect(parseSource(raw, file, 'kyiv-report').diagnostics).toEqual([]);
    expect(diagnosticsOf(dir, file)).toEqual([]);
  });

  it('source: refuses a missing, empty or non-UTF-8 file, a taken slug and bad metadata', () => {
    const dir = project();
    expect(scaffold(dir, 'source', join(tmp, 'missing.txt')).stderr).toContain('no such file');
    writeFileSync(join(tmp, 'empty.txt'), ' \n');
    expect(scaffold(dir, 'source', join(tmp, 'empty.txt')).stderr).toContain('is empty');
    writeFileSync(join(tmp, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    expect(scaffold(dir, 'source', join(tmp, 'latin1.txt')).stderr).toContain('is not UTF-8 text');
    writeFileSync(join(tmp, 'article.txt'), 'Headline\nBody text.\n');
    expect(scaffold(dir, 'source', join(tmp, 'article.txt'), '--slug', 'steve-witkoff').stderr).toContain(
      'already used by content/people/steve-witkoff.mdx',
    );
    const language = scaffold(dir, 'source', join(tmp, 'article.txt'), '--language', 'English');
    expect(language.status).toBe(1);
    expect(language.stderr).toContain('frontmatter-invalid');
    expect(scaffold(dir, 'source', join(tmp, 'article.txt'), '--published', 'last week').stderr).toContain(
      '--published: `last week` is not a date',
    );
    expect(existsSync(join(dir, 'content/sources/article.md'))).toBe(false);
  });

  it('rejects an unknown kind, an unknown option and a missing argument', () => {
    const dir = project();
    const kind = scaffold(dir, 'people', 'Jane Doe');
    expect(kind.status).toBe(1);
    expect(kind.stderr).toContain('unknown kind `people`: use person, episode or source');
    expect(scaffold(dir, 'person', 'Jane Doe', '--title', 'x').stderr).toContain('`person` does not take --title');
    expect(scaffold(dir, 'person').stderr).toContain('takes exactly one name');
    expect(scaffold(dir, 'person', 'Jane Doe', '--slug').stderr).toContain('--slug needs a value');
    expect(run('scripts/new.ts', ['person', 'Jane Doe', '--root', join(tmp, 'nowhere')]).stderr).toContain('no content/ folder');
  });
});
