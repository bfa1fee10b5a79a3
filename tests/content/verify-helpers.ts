/** Test helpers: verify a content tree or files made in memory through the verifier's one entry point. */
import { join } from 'node:path';
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
