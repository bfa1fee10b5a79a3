/** Files `npm run build` hands to the Astro process it started: waiting for one that is still being written. */
import { existsSync } from 'node:fs';

/**
 * Wait until `file` exists; false if the build process that would write it has gone first (this process was then
 * handed to init), true once it is there.
 */
export async function waitForHandOver(file: string): Promise<boolean> {
  const parent = process.ppid;
  while (!existsSync(file)) {
    if (process.ppid !== parent) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}
