/**
 * The dossier as it was at a git ref, written out to a folder: only git itself is needed (no `tar`, no second work
 * tree), so it runs the same on Linux, macOS and Windows.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GitError } from '../verify/index.ts';

/** The base a review compares with: the ref as given, and the commit the branch left it at. */
export interface ReviewBase {
  ref: string;
  /** The merge base of `ref` and HEAD (or `ref`'s commit when they share no history). */
  commit: string;
}

function git(root: string, args: readonly string[], input?: string): Buffer | undefined {
  const run = spawnSync('git', args, { cwd: root, input, maxBuffer: 1024 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
  return run.status === 0 ? run.stdout : undefined;
}

const text = (out: Buffer | undefined) => out?.toString('utf8').trim() || undefined;

/** Resolve `ref` to the commit a branch based on it started from, as `check --changed` compares. */
export function resolveBase(root: string, ref: string): ReviewBase {
  const commit = text(git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]));
  if (!commit) {
    if (text(git(root, ['rev-parse', '--is-inside-work-tree'])) !== 'true')
      throw new GitError(`${root} is not inside a git work tree (or git is not installed): the review needs git to read the base.`);
    throw new GitError(`Unknown base ref \`${ref}\`. Fetch it (git fetch origin main) or pass another with --base <ref>.`);
  }
  // Compare with where the branch left the base, so commits that landed on the base since are not shown as undone.
  return { ref, commit: text(git(root, ['merge-base', commit, 'HEAD'])) ?? commit };
}

/**
 * Write the files under `paths` (relative to `root`, forward slashes) as they are in `commit` into `into`, at the
 * same relative paths; symbolic links and submodules are left out. Returns how many files were written.
 */
export function writeTreeAt(root: string, commit: string, paths: readonly string[], into: string): number {
  const listing = git(root, ['-c', 'core.quotepath=false', 'ls-tree', '-r', '-z', commit, '--', ...paths]);
  if (!listing) throw new GitError(`git could not list ${paths.join(', ')} at ${commit}.`);
  const blobs = listing
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta = '', path = ''] = line.split('\t');
      const [mode, type, oid] = meta.split(' ');
      return { mode, type, oid: oid ?? '', path };
    })
    .filter((entry) => entry.type === 'blob' && entry.mode !== '120000');
  if (blobs.length === 0) return 0;
  // One `cat-file --batch` for every blob: `<oid> blob <size>\n<bytes>\n` each, in the order asked.
  const out = git(root, ['cat-file', '--batch'], `${blobs.map((b) => b.oid).join('\n')}\n`);
  if (!out) throw new GitError(`git could not read the files of ${commit}.`);
  let at = 0;
  for (const blob of blobs) {
    const headerEnd = out.indexOf(0x0a, at);
    const size = Number(out.subarray(at, headerEnd).toString('latin1').split(' ')[2]);
    const target = join(into, ...blob.path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, out.subarray(headerEnd + 1, headerEnd + 1 + size));
    at = headerEnd + 1 + size + 1;
  }
  return blobs.length;
}
