/** Build the real site once for every site/e2e test, into a temporary folder, and share its path. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'backchannel-site-'));
  const distDir = join(dir, 'dist');
  execFileSync(process.execPath, ['scripts/build.ts', '--out', distDir], { stdio: ['ignore', 'ignore', 'inherit'] });
  project.provide('distDir', distDir);
  return () => rmSync(dir, { recursive: true, force: true });
}
