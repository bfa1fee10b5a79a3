/**
 * The hostile catalogue (issue 22): every file of a stranger's pull request is checked in bounded time, never crashes
 * the checker, and never reaches the log unescaped. Each case of tests/fixtures/hostile/manifest.json is written over
 * the clean base tree (hostile-files.ts) and must give exactly its one diagnostic within its time limit.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import { HOSTILE, materialize, type HostileCase } from './hostile-files.ts';
import { runCheck, verifyTree, type CheckRun } from './verify-helpers.ts';

const manifest = JSON.parse(readFileSync(join(HOSTILE, 'manifest.json'), 'utf8')) as { cases: HostileCase[] };
const tmp = mkdtempSync(join(tmpdir(), 'backchannel-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const located = (d: Diagnostic) => ({ rule: d.rule, file: d.file, line: d.line, column: d.column });

describe('hostile inputs, each reported once, located, in bounded time', () => {
  it.each(manifest.cases)('$case: $rule within $maxMs ms', (c) => {
    const dir = materialize(c, join(tmp, c.case));
    // CPU time of this thread: the machine running the tests may be busy with other work.
    const started = process.cpuUsage().user;
    const { diagnostics } = verifyTree(dir);
    const ms = (process.cpuUsage().user - started) / 1000;
    expect(diagnostics.map(located)).toEqual([{ rule: c.rule, file: c.file, line: c.line, column: c.column }]);
    expect(diagnostics[0]!.severity).toBe('error');
    expect(diagnostics[0]!.message).toBe(c.message);
    expect(diagnostics[0]!.hint).toContain(c.hint);
    expect(ms, `${c.case} took ${Math.round(ms)} ms of CPU`).toBeLessThan(c.maxMs);
  }, 60_000);
});


/** Lines a GitHub Actions runner would read as workflow commands: `::` after white space, or `##[` anywhere. */
const commandLines = (output: string) => output.split(/\r\n|\r|\n/).filter((line) => /^\s*::/.test(line) || line.includes('##['));

describe('logs are data: content cannot start a workflow command', () => {
  const cases = ['workflow-command-in-quote', 'workflow-command-in-file-name', 'terminal-escape-in-title'].map(
    (name) => manifest.cases.find((c) => c.case === name)!,
  );
  const runs = new Map<string, { text: CheckRun; json: CheckRun }>();
  beforeAll(async () => {
    for (const c of cases) {
      const dir = materialize(c, join(tmp, `cli-${c.case}`));
      const [text, json] = await Promise.all([runCheck(dir, [], { GITHUB_ACTIONS: 'true' }), runCheck(dir, ['--json'], { GITHUB_ACTIONS: '' })]);
      runs.set(c.case, { text, json });
    }
  }, 120_000);

  it.each(cases)('$case: stderr has no command line, stdout only the one annotation the check writes', (c) => {
    const { text } = runs.get(c.case)!;
    expect(text.status).toBe(1);
    expect(commandLines(text.stderr)).toEqual([]);
    const annotations = commandLines(text.stdout);
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(new RegExp(`^::error file=[^\\n]*,line=${c.line},col=${c.column},title=${c.rule}::`));
    expect(text.stdout.split('\n').filter(Boolean)).toEqual(annotations);
    // No terminal control either: an escape or a bell would act on the reader's terminal.
    expect(text.stderr + text.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it.each(cases)('$case: --json is the same data, parseable, with no command line', (c) => {
    const { json } = runs.get(c.case)!;
    expect(commandLines(json.stdout)).toEqual([]);
    const report = JSON.parse(json.stdout) as { diagnostics: Diagnostic[] };
    expect(report.diagnostics.map(located)).toEqual([{ rule: c.rule, file: c.file, line: c.line, column: c.column }]);
    expect(report.diagnostics[0]!.message).toBe(c.message);
  });
});
