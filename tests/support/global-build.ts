/** Build the real site once for every site/e2e test, into a temporary folder, and share its path. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { projectBuild } from './astro-project.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

export default function setup(project: TestProject) {
  // BACKCHANNEL_TEST_DIST=<dir> reuses a site already built there (for iterating on tests); it is never deleted.
  const reuse = process.env.BACKCHANNEL_TEST_DIST;
  if (reuse) {
    const distDir = resolve(reuse);
    if (!existsSync(join(distDir, 'index.html'))) throw new Error(`BACKCHANNEL_TEST_DIST=${reuse} holds no built site`);
    project.provide('distDir', distDir);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'backchannel-site-'));
  const distDir = join(dir, 'dist');
  const built = projectBuild(distDir);
  if (built.status !== 0) throw new Error(`astro build failed:\n${built.stderr}`);
  project.provide('distDir', distDir);
  return () => rmSync(dir, { recursive: true, force: true });
}
