/**
 * A claim id is a permalink: when two files use one, the file that had it first keeps it and the newcomer is
 * reported, whatever their names. Git says which came first; without git (or for files committed together), file
 * order decides.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyTree } from '../content/verify-helpers.ts';
import { ROOT } from './seeds.ts';

const tmp = mkdtempSync(join(tmpdir(), 'backchannel-history-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    stdio: 'pipe',
  });

const page = (name: string) => `---
name: ${name}
summary: A person in the test dossier.
roles: []
---

<Claim id="pigott-no-rift" status="reported">
The spokesperson said there was no rift, according to the reports.
<Cite source="clash-over-diplomacy" quote="State Department spokesperson Tommy Pigott asserted that there is no rift" />
</Claim>
`;

/** A repository whose committed page `zoe-established` has the claim; `aaron-newcomer` (first in file order) adds it again. */
let projects = 0;
function project(commitNewcomer: boolean): string {
  const dir = join(tmp, `p-${++projects}`);
  cpSync(join(ROOT, 'content/sources'), join(dir, 'content/sources'), { recursive: true });
  mkdirSync(join(dir, 'content/people'));
  writeFileSync(join(dir, 'content/people/zoe-established.mdx'), page('Zoe Established'), { flag: 'w' });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'established');
  writeFileSync(join(dir, 'content/people/aaron-newcomer.mdx'), page('Aaron Newcomer'));
  if (commitNewcomer) {
    git(dir, 'add', '.');
    // A later commit: git's commit times have a resolution of a second.
    execFileSync(
      'git',
      ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'newcomer'],
      {
        cwd: dir,
        stdio: 'pipe',
        env: { ...process.env, GIT_COMMITTER_DATE: '2099-01-01T00:00:00Z', GIT_AUTHOR_DATE: '2099-01-01T00:00:00Z' },
      },
    );
  }
  return dir;
}

describe('a claim id used by two files', () => {
  it.each([false, true])('is reported at the newcomer (committed: %s), though it comes first in file order', (committed) => {
    const dir = project(committed);
    const { diagnostics, dossier } = verifyTree(dir);
    expect(diagnostics.map((d) => [d.file, d.rule])).toEqual([['content/people/aaron-newcomer.mdx', 'duplicate-claim-id']]);
    expect(diagnostics[0]!.hint).toBe(
      'First used at content/people/zoe-established.mdx:7:1, committed before this one. Claim ids are permalinks: keep that one, and give this claim a new, unique id.',
    );
    expect(dossier.claims.get('pigott-no-rift' as never)!.file).toBe('content/people/zoe-established.mdx');
  });

  it('goes by file order without history', () => {
    const dir = project(false);
    const { diagnostics } = verifyTree(dir, { history: false });
    expect(diagnostics.map((d) => [d.file, d.rule])).toEqual([['content/people/zoe-established.mdx', 'duplicate-claim-id']]);
    expect(diagnostics[0]!.hint).toContain('First used at content/people/aaron-newcomer.mdx:7:1. Claim ids');
  });
});
