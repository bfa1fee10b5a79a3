/**
 * The bad-input catalogue: every case under tests/fixtures/invalid/ is a small content tree with exactly one
 * problem, and manifest.json says which rule must fire, where, with which message, and what the hint must mention.
 * Every case goes through the verifier directly (fast); the ones marked `cli` also run through `npm run check` (`scripts/check.mjs`).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import { HOSTILE } from './hostile-files.ts';
import { runCheck, verifyTree, type CheckRun } from './verify-helpers.ts';
import { MAX_CLAIMS_PER_PAGE, MAX_PAGE_BYTES } from '../../src/lib/pages/content-rules.ts';
import { MAX_SOURCE_BYTES } from '../../src/lib/sources/parse-source.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/invalid/', import.meta.url));

interface Case {
  case: string;
  description: string;
  file: string;
  rule: string;
  line: number;
  column?: number;
  /** The exact message: error messages change only when one gets better, and then here too. */
  message: string;
  hint: string;
  /** `warning` for the checks that advise (issue 19's provenance checks); errors otherwise. */
  severity?: 'error' | 'warning';
  cli?: 'json' | 'text';
}

/** Rules whose cases are generated in this file rather than committed (the inputs are huge). */
const GENERATED_RULES = ['too-many-claims', 'file-too-large', 'source-too-large'];
/** Rules no content tree can trigger, each with a unit test of its own. */
const TESTED_ELSEWHERE = {
  'check-failed': 'tests/unit/guard.test.ts (a bug or missing limit of the checker, made to happen)',
  'source-citability-changed': 'tests/unit/check-changed.test.ts (a warning of `check --changed`, against git history)',
};
const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as { cases: Case[] };
const hostile = JSON.parse(readFileSync(join(HOSTILE, 'manifest.json'), 'utf8')) as { cases: { rule: string }[] };
/** CPU time a case of this catalogue may take (the hostile catalogue sets its own per case). */
const MAX_CASE_MS = 5_000;
const located = (d: Diagnostic) => ({ rule: d.rule, file: d.file, line: d.line, column: d.column });
const expected = (c: Case) => ({ rule: c.rule, file: c.file, line: c.line, column: c.column ?? expect.any(Number) });


// Generated trees (too big to commit) live in one temp folder, removed at the end.
const tmp = mkdtempSync(join(tmpdir(), 'backchannel-invalid-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
function fromBase(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  cpSync(join(FIXTURES, '_base'), dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

describe('the catalogue itself', () => {
  it('has a manifest entry for every case folder and a folder for every entry', () => {
    const folders = readdirSync(FIXTURES, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
      .map((e) => e.name)
      .sort();
    expect(manifest.cases.map((c) => c.case).sort()).toEqual(folders);
  });

  it('has at least 75 cases, at least 5 of them also run through the CLI', () => {
    expect(manifest.cases.length).toBeGreaterThanOrEqual(75);
    expect(manifest.cases.filter((c) => c.cli).length).toBeGreaterThanOrEqual(5);
  });

  it('starts from a base tree that verifies with zero diagnostics', () => {
    expect(verifyTree(join(FIXTURES, '_base')).diagnostics).toEqual([]);
  });

  it('covers every rule id that src/lib can report', () => {
    const emitted = new Set<string>();
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, e.name);
        if (e.isDirectory()) walk(path);
        else if (e.name.endsWith('.ts')) {
          for (const m of readFileSync(path, 'utf8').matchAll(/(?:reporter\.(?:error|warn)\(\s*|rule: )'([a-z0-9-]+)'/g)) emitted.add(m[1]!);
        }
      }
    };
    walk(join(ROOT, 'src/lib'));
    const covered = new Set([...manifest.cases.map((c) => c.rule), ...hostile.cases.map((c) => c.rule), ...GENERATED_RULES, ...Object.keys(TESTED_ELSEWHERE)]);
    expect(emitted.size).toBeGreaterThan(65);
    expect([...emitted].filter((rule) => !covered.has(rule)).sort()).toEqual([]);
    // And every rule is in CONTRIBUTING.md's table, where a contributor looks it up.
    const documented = new Set([...readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8').matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]!));
    expect([...emitted].filter((rule) => !documented.has(rule)).sort()).toEqual([]);
  });
});

describe('each bad input is reported once, located, with a hint (the verifier)', () => {
  it.each(manifest.cases)('$case: $rule at $file:$line', (c) => {
    const started = process.cpuUsage().user;
    const { diagnostics } = verifyTree(join(FIXTURES, c.case));
    expect((process.cpuUsage().user - started) / 1000).toBeLessThan(MAX_CASE_MS);
    expect(diagnostics.map(located)).toEqual([expected(c)]);
    expect(diagnostics[0]!.severity).toBe(c.severity ?? 'error');
    expect(diagnostics[0]!.message).toBe(c.message);
    expect(diagnostics[0]!.hint).toContain(c.hint);
  });
});

describe('generated bad inputs (too large to commit)', () => {
  it(`too-many-claims: a page with ${MAX_CLAIMS_PER_PAGE + 1} claims is reported at the first claim over the limit`, () => {
    const header = '---\ntitle: Many claims\ndate:\n  value: unknown\n  label: Undated\n  source: compete-to-lead-talks\n  quote: "State Department spokesperson Tommy Pigott said"\nparticipants: [tommy-pigott]\nsummary: A page with too many claims.\n---\n';
    const claim = (i: number) => `\n<Claim id="generated-claim-${i}" status="reported">\nPigott said there are no disagreements.\n<Cite source="compete-to-lead-talks" quote="Tommy Pigott said there are no disagreements" />\n</Claim>\n`;
    const text = header + Array.from({ length: MAX_CLAIMS_PER_PAGE + 1 }, (_, i) => claim(i + 1)).join('');
    const dir = fromBase('too-many-claims', { 'content/episodes/many-claims.mdx': text });
    const lastLine = text.split('\n').indexOf(`<Claim id="generated-claim-${MAX_CLAIMS_PER_PAGE + 1}" status="reported">`) + 1;
    const { diagnostics } = verifyTree(dir);
    expect(diagnostics.map(located)).toEqual([{ rule: 'too-many-claims', file: 'content/episodes/many-claims.mdx', line: lastLine, column: 1 }]);
    expect(diagnostics[0]!.hint).toContain('Split the page');
  });

  it('a page of exactly the claim limit is accepted', () => {
    const header = '---\ntitle: Many claims\ndate:\n  value: unknown\n  label: Undated\n  source: compete-to-lead-talks\n  quote: "State Department spokesperson Tommy Pigott said"\nparticipants: [tommy-pigott]\nsummary: A page at the claim limit.\n---\n';
    const claim = (i: number) => `\n<Claim id="limit-claim-${i}" status="reported">\nPigott said there are no disagreements.\n<Cite source="compete-to-lead-talks" quote="Tommy Pigott said there are no disagreements" />\n</Claim>\n`;
    const dir = fromBase('claim-limit', { 'content/episodes/many-claims.mdx': header + Array.from({ length: MAX_CLAIMS_PER_PAGE }, (_, i) => claim(i + 1)).join('') });
    expect(verifyTree(dir).diagnostics).toEqual([]);
  });

  it('file-too-large: a page over 1 MB is rejected before parsing', () => {
    const header = '---\ntitle: Huge\ndate:\n  value: unknown\n  label: Undated\n  source: compete-to-lead-talks\n  quote: "State Department spokesperson Tommy Pigott said"\nparticipants: [tommy-pigott]\nsummary: A very long page.\n---\n\n';
    const text = header + 'Pigott spoke for the department. '.repeat(Math.ceil(MAX_PAGE_BYTES / 33) + 10);
    expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_PAGE_BYTES);
    const { diagnostics } = verifyTree(fromBase('file-too-large', { 'content/episodes/huge.mdx': text }));
    expect(diagnostics.map(located)).toEqual([{ rule: 'file-too-large', file: 'content/episodes/huge.mdx', line: 1, column: 1 }]);
    expect(diagnostics[0]!.hint).toContain('Split it');
  });

  it('source-too-large: a source over 5 MB is rejected before hashing', () => {
    const base = readFileSync(join(FIXTURES, '_base/content/sources/compete-to-lead-talks.md'), 'utf8');
    const text = base + '\nFiller paragraph of a huge capture.'.repeat(Math.ceil(MAX_SOURCE_BYTES / 35) + 10);
    expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_SOURCE_BYTES);
    const { diagnostics } = verifyTree(fromBase('source-too-large', { 'content/sources/huge-capture.md': text }));
    expect(diagnostics.map(located)).toEqual([{ rule: 'source-too-large', file: 'content/sources/huge-capture.md', line: 1, column: 1 }]);
    expect(diagnostics[0]!.hint).toContain('Split the article');
  });
});

describe('npm run check on bad input (CLI)', () => {
  const jsonCases = manifest.cases.filter((c) => c.cli === 'json');
  const textCase = manifest.cases.find((x) => x.cli === 'text')!;
  const githubCase = manifest.cases.find((x) => x.case === 'unknown-source')!;
  // Each run starts a Node process (about a second); start them all at once.
  const runs = new Map<string, CheckRun>();
  beforeAll(async () => {
    const jobs: [string, Promise<CheckRun>][] = [
      ...jsonCases.map((c): [string, Promise<CheckRun>] => [`json:${c.case}`, runCheck(join(FIXTURES, c.case), ['--json'])]),
      ['text', runCheck(join(FIXTURES, textCase.case), [])],
      ['github', runCheck(join(FIXTURES, githubCase.case), [], { GITHUB_ACTIONS: 'true' })],
      ['clean', runCheck(join(FIXTURES, '_base'), ['--json'])],
      ['warning', runCheck(join(FIXTURES, 'credit-omitted'), [])],
    ];
    for (const [key, job] of jobs) runs.set(key, await job);
  }, 60_000);

  it.each(jsonCases)('--json, $case: exits 1 and reports $rule at $file:$line', (c) => {
    const run = runs.get(`json:${c.case}`)!;
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { ok: boolean; errors: number; diagnostics: Diagnostic[] };
    expect(report.ok).toBe(false);
    expect(report.errors).toBe(1);
    const [d] = report.diagnostics;
    expect(d!.file.endsWith(c.file)).toBe(true);
    expect({ ...located(d!), file: c.file }).toEqual(expected(c));
    expect(d!.hint).toContain(c.hint);
  });

  it('prints `path:line:column  error  message  rule-id` and the hint to stderr', () => {
    const c = textCase;
    const run = runs.get('text')!;
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n');
    const header = lines.findIndex((l) => l.startsWith(`${c.file}:${c.line}:${c.column}  error  `));
    expect(header, run.stderr).toBeGreaterThanOrEqual(0);
    expect(lines[header]!.endsWith(`  ${c.rule}`)).toBe(true);
    expect(lines[header + 1]).toMatch(/^ {4}hint: /);
    expect(lines[header + 1]).toContain(c.hint);
    expect(run.stderr).toContain('1 error, 0 warnings');
    expect(run.stdout).toBe('');
  });

  it('with GITHUB_ACTIONS=true, also prints an ::error annotation with file, line and column', () => {
    const c = githubCase;
    const run = runs.get('github')!;
    expect(run.status).toBe(1);
    const annotation = run.stdout.split('\n').find((l) => l.startsWith('::error '));
    expect(annotation, run.stdout).toBeDefined();
    expect(annotation!.startsWith(`::error file=${c.file},line=${c.line},col=${c.column},title=${c.rule}::`)).toBe(true);
    expect(annotation).toContain('%0AHint: ');
    expect(annotation).toContain(c.hint);
  });

  it('prints a warning as `path:line:column  warning  message  rule-id` with its hint, and exits 0', () => {
    const c = manifest.cases.find((x) => x.case === 'credit-omitted')!;
    const run = runs.get('warning')!;
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stderr.split('\n');
    const header = lines.findIndex((l) => l.startsWith(`${c.file}:${c.line}:${c.column}  warning  ${c.message}`));
    expect(header, run.stderr).toBeGreaterThanOrEqual(0);
    expect(lines[header]!.endsWith(`  ${c.rule}`)).toBe(true);
    expect(lines[header + 1]).toContain(c.hint);
    expect(run.stderr).toContain('0 errors, 1 warning');
  });

  it('exits 0 and reports ok on the clean base tree', () => {
    const run = runs.get('clean')!;
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, errors: 0, diagnostics: [] });
  });
});
