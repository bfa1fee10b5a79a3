/** Test helpers: verify a content tree or files made in memory through the verifier's one entry point. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from '../../bench/generate.ts';
import type { Collection } from '../../src/lib/pages/page-schemas.ts';
import { memoryFile, type ContentFile } from '../../src/lib/verify/content-files.ts';
import { verifyFiles, type Verified } from '../../src/lib/verify/full.ts';
import { createVerifier, type VerifyOptions } from '../../src/lib/verify/index.ts';
import { resolveOptions } from '../../src/lib/verify/options.ts';

/** Verify the content tree at `root/content` on this thread (the incremental verifier's first run, synchronous). */
export function verifyTree(root: string, options: Partial<VerifyOptions> = {}): Verified {
  const { dossier, diagnostics } = createVerifier({ root, contentDir: join(root, 'content'), workers: 0, ...options }).verify();
  return { dossier, diagnostics };
}

/** Content files made in memory from `{ path: 'people/x.mdx', text }` entries. */
export function memoryFiles(entries: readonly { path: string; text: string }[]): ContentFile[] {
  return entries.map(({ path, text }) => {
    const [collection, name] = path.split('/') as [Collection, string];
    return memoryFile(`content/${path}`, collection, name.replace(/\.mdx?$/, ''), text);
  });
}

/** A generated dossier (bench/generate.ts) as files made in memory. */
export function corpus(pages: number, sources = 12, seed = 7): ContentFile[] {
  return memoryFiles(generateCorpus({ pages, sources, seed }).files);
}

/** Verify files made in memory, as the full verifier does (no project folder: no public/ files, no git). */
export async function verifyMemory(files: readonly ContentFile[], options: Partial<VerifyOptions> = {}): Promise<Verified> {
  return await verifyFiles(files, resolveOptions({ root: '/nonexistent-project', contentDir: '/nonexistent-project/content', history: false, ...options }));
}

export interface CheckRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

const CHECK = fileURLToPath(new URL('../../scripts/check.mjs', import.meta.url));

/**
 * Run `npm run check` (scripts/check.mjs) on a project folder the way CI does: the folder as the project root, its
 * `content/` as the content; outside GitHub Actions unless `env` says otherwise.
 */
export function runCheck(dir: string, args: readonly string[] = [], env: Record<string, string> = {}): Promise<CheckRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHECK, ...args, `--root=${dir}`], {
      cwd: dir,
      env: { ...process.env, GITHUB_ACTIONS: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
