/** Which files a branch changed: committed since the base, uncommitted, and untracked under content/. */
import { execFileSync } from 'node:child_process';

export interface ChangedFiles {
  /** The ref compared against, as resolved (`origin/main`, `main`, `HEAD~1` or the one asked for). */
  base: string;
  /** The commit the diff starts from: the merge base of `base` and HEAD. */
  since: string;
  /** Added or modified files, relative to the project root, forward slashes, sorted. */
  changed: string[];
  /** Deleted files (a rename counts as a deletion plus an addition). */
  deleted: string[];
}

/** Thrown when git is missing, the folder is not a repository, or the base ref does not exist. */
export class GitError extends Error {
  override name = 'GitError';
}

function git(root: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** Throw a clear error when `root` is not in a git work tree (asked only after a git call failed). */
function assertRepository(root: string): void {
  if (git(root, ['rev-parse', '--is-inside-work-tree'])?.trim() !== 'true')
    throw new GitError(
      `${root} is not inside a git work tree (or git is not installed), so --changed cannot tell what changed. Run the full check.`,
    );
}

const verify = (root: string, ref: string): string | undefined =>
  git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])?.trim() || undefined;

/** The default base: `origin/main` if it exists, else `main`, else `HEAD~1`; with its commit. */
export function defaultBase(root: string): { ref: string; commit: string } {
  // One git call answers for both branches (for-each-ref lists only those that exist).
  const refs = new Map(
    (git(root, ['for-each-ref', '--format=%(refname) %(objectname)', 'refs/remotes/origin/main', 'refs/heads/main']) ?? '')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' ') as [string, string]),
  );
  const [ref, commit] = refs.has('refs/remotes/origin/main')
    ? ['origin/main', refs.get('refs/remotes/origin/main')]
    : ['main', refs.get('refs/heads/main')];
  if (commit) return { ref, commit };
  const previous = verify(root, 'HEAD~1');
  if (previous) return { ref: 'HEAD~1', commit: previous };
  assertRepository(root);
  throw new GitError('No base to compare against: there is no origin/main, no main and no previous commit. Pass --base <ref>.');
}

/** Split NUL-separated git output. */
const fields = (out: string | undefined): string[] => (out ?? '').split('\0').filter((s) => s.length > 0);

/**
 * Files changed against `base` (default: see `defaultBase`), seen from `root` (the project folder, which may
 * be a subfolder of the repository). Includes committed, staged and unstaged changes since the merge base,
 * and untracked files under `untrackedUnder` (default `content`).
 */
export function changedFiles(root: string, options: { base?: string; untrackedUnder?: string } = {}): ChangedFiles {
  const { ref: base, commit: baseCommit } = options.base ? { ref: options.base, commit: verify(root, options.base) } : defaultBase(root);
  if (!baseCommit) assertRepository(root);
  if (!baseCommit) throw new GitError(`Unknown base ref \`${base}\`. Fetch it (git fetch origin main) or pass another with --base <ref>.`);
  // Compare with where the branch left the base, so commits that landed on main since do not count as ours.
  const since = git(root, ['merge-base', baseCommit, 'HEAD'])?.trim() || baseCommit;
  // `git diff <commit>` compares that commit with the work tree: committed, staged and unstaged changes at once.
  const diff = fields(git(root, ['-c', 'core.quotepath=false', 'diff', '--name-status', '-z', '--no-renames', '--relative', since, '--']));
  const changed = new Set<string>();
  const deleted = new Set<string>();
  for (let i = 0; i + 1 < diff.length; i += 2) {
    const status = diff[i]!;
    const path = diff[i + 1]!;
    if (status.startsWith('D')) deleted.add(path);
    else changed.add(path);
  }
  const untracked = fields(
    git(root, [
      '-c',
      'core.quotepath=false',
      'ls-files',
      '-z',
      '--others',
      '--exclude-standard',
      '--',
      options.untrackedUnder ?? 'content',
    ]),
  );
  for (const path of untracked) changed.add(path);
  for (const path of changed) deleted.delete(path);
  return { base, since, changed: [...changed].sort(), deleted: [...deleted].sort() };
}
