/** Which files a branch changed: committed since the base, uncommitted, and untracked under content/. */
import { execFile } from 'node:child_process';
import { relative } from 'node:path';

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

/** Git's output, or undefined when the command fails. Calls run as child processes, so two can overlap. */
function git(root: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout) =>
      resolve(error ? undefined : stdout),
    ).stdin?.end();
  });
}

/** Throw a clear error when `root` is not in a git work tree (asked only after a git call failed). */
async function assertRepository(root: string): Promise<void> {
  if ((await git(root, ['rev-parse', '--is-inside-work-tree']))?.trim() !== 'true')
    throw new GitError(
      `${root} is not inside a git work tree (or git is not installed), so --changed cannot tell what changed. Run the full check.`,
    );
}

const verify = async (root: string, ref: string): Promise<string | undefined> =>
  (await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]))?.trim() || undefined;

/** The default base: `origin/main` if it exists, else `main`, else `HEAD~1`; with its commit. */
export async function defaultBase(root: string): Promise<{ ref: string; commit: string }> {
  // One git call answers for both branches (for-each-ref lists only those that exist).
  const refs = new Map(
    ((await git(root, ['for-each-ref', '--format=%(refname) %(objectname)', 'refs/remotes/origin/main', 'refs/heads/main'])) ?? '')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' ') as [string, string]),
  );
  const [ref, commit] = refs.has('refs/remotes/origin/main')
    ? ['origin/main', refs.get('refs/remotes/origin/main')]
    : ['main', refs.get('refs/heads/main')];
  if (commit) return { ref, commit };
  const previous = await verify(root, 'HEAD~1');
  if (previous) return { ref: 'HEAD~1', commit: previous };
  await assertRepository(root);
  throw new GitError('No base to compare against: there is no origin/main, no main and no previous commit. Pass --base <ref>.');
}

/** Split NUL-separated git output. */
const fields = (out: string | undefined): string[] => (out ?? '').split('\0').filter((s) => s.length > 0);

/**
 * Files changed against `base` (default: see `defaultBase`), seen from `root` (the project folder, which may
 * be a subfolder of the repository). Includes committed, staged and unstaged changes since the merge base,
 * and untracked files under `untrackedUnder` (default `content`).
 */
export async function changedFiles(root: string, options: { base?: string; untrackedUnder?: string } = {}): Promise<ChangedFiles> {
  // Untracked files do not depend on the base: git lists them while the base is resolved.
  const untrackedOut = git(root, [
    '-c',
    'core.quotepath=false',
    'ls-files',
    '-z',
    '--others',
    '--exclude-standard',
    '--',
    options.untrackedUnder ?? 'content',
  ]);
  const { ref: base, commit: baseCommit } = options.base
    ? { ref: options.base, commit: await verify(root, options.base) }
    : await defaultBase(root);
  if (!baseCommit) await assertRepository(root);
  if (!baseCommit) throw new GitError(`Unknown base ref \`${base}\`. Fetch it (git fetch origin main) or pass another with --base <ref>.`);
  // Compare with where the branch left the base, so commits that landed on main since do not count as ours.
  const since = (await git(root, ['merge-base', baseCommit, 'HEAD']))?.trim() || baseCommit;
  // `git diff <commit>` compares that commit with the work tree: committed, staged and unstaged changes at once.
  const diff = fields(
    await git(root, ['-c', 'core.quotepath=false', 'diff', '--name-status', '-z', '--no-renames', '--relative', since, '--']),
  );
  const changed = new Set<string>();
  const deleted = new Set<string>();
  for (let i = 0; i + 1 < diff.length; i += 2) {
    const status = diff[i]!;
    const path = diff[i + 1]!;
    if (status.startsWith('D')) deleted.add(path);
    else changed.add(path);
  }
  for (const path of fields(await untrackedOut)) changed.add(path);
  for (const path of changed) deleted.delete(path);
  return { base, since, changed: [...changed].sort(), deleted: [...deleted].sort() };
}

/**
 * What changed under the content folder since `since` (see `changedFiles`). This module loads nothing else, so
 * `check --changed` can ask git before it loads the verifier, and git reads the work tree meanwhile.
 */
export const askGit = (root: string, contentDir: string, since?: string): Promise<ChangedFiles> =>
  changedFiles(root, { ...(since ? { base: since } : {}), untrackedUnder: relative(root, contentDir).split('\\').join('/') });
