/**
 * A build writes into a staging folder beside the output folder, and the output folder is replaced only when every
 * step succeeded: a failed or killed build never leaves a half-written site where the last good one was. Folders
 * left by builds that were killed (whose process is gone) are removed by the next build.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Whether a process with this id is running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The folders beside `outDir` that a build with the given pid writes: `dist.staging-<pid>`, `dist.old-<pid>`. */
export const stagingDir = (outDir: string, pid = process.pid) => `${outDir}.staging-${pid}`;
const oldDir = (outDir: string, pid = process.pid) => `${outDir}.old-${pid}`;

/** Remove the staging and old folders of builds that are no longer running. */
export function removeStale(outDir: string): string[] {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return [];
  const name = basename(outDir);
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:staging|old)-(\\d+)$`);
  const removed: string[] = [];
  for (const entry of readdirSync(parent)) {
    const pid = Number(pattern.exec(entry)?.[1]);
    if (!pid || (pid !== process.pid && alive(pid))) continue;
    rmSync(join(parent, entry), { recursive: true, force: true });
    removed.push(join(parent, entry));
  }
  return removed;
}

/** Remove the work folders (`<cacheDir>/backchannel/<pid>`) of builds that are no longer running. */
export function removeStaleWork(workRoot: string): string[] {
  if (!existsSync(workRoot)) return [];
  const removed: string[] = [];
  for (const entry of readdirSync(workRoot)) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid <= 0 || (pid !== process.pid && alive(pid))) continue;
    rmSync(join(workRoot, entry), { recursive: true, force: true });
    removed.push(join(workRoot, entry));
  }
  return removed;
}

/** Replace `outDir` with the staging folder: the old site is moved aside first, then removed. */
export function commitStaging(outDir: string, staging = stagingDir(outDir)): void {
  const old = oldDir(outDir);
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(staging, outDir);
  rmSync(old, { recursive: true, force: true });
}
