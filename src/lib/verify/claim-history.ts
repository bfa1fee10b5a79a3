/**
 * When two files use one claim id, the one that had it first keeps it: a claim id is a permalink. Git knows which
 * file introduced it first; without git (or for two files committed together) file order decides.
 */
import { execFileSync } from 'node:child_process';

/** When `file` gained `id="…"`: the commit time (seconds) of the oldest commit that added it, Infinity if none did. */
function introducedAt(root: string, file: string, id: string): number {
  const out = execFileSync('git', ['log', '--format=%ct', `-S id="${id}"`, '--', file], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const times = out.split('\n').filter(Boolean).map(Number);
  return times.length > 0 ? Math.min(...times) : Infinity;
}

/**
 * For each `{ file, id }`, when git says the file introduced the id (Infinity when it is not committed yet); an
 * empty map when `root` is not in a git work tree or git is missing.
 */
export function claimIntroductions(root: string, uses: readonly { file: string; id: string }[]): Map<string, number> {
  const times = new Map<string, number>();
  try {
    for (const { file, id } of uses) times.set(`${file}\0${id}`, introducedAt(root, file, id));
  } catch {
    return new Map();
  }
  return times;
}
