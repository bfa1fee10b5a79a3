/** Read the content folder from disk: the only I/O of the pipeline. */
import { readdirSync, existsSync } from 'node:fs';
import { listContent } from './list-content.ts';
import { join, relative, sep } from 'node:path';
import { closest } from 'fastest-levenshtein';
import type { Diagnostic } from './diagnostics.ts';
import type { ContentFile } from './build-dossier.ts';
import { buildDossier } from './build-dossier.ts';
import { buildDossierParallel } from './parallel-dossier.ts';
import type { Dossier } from './model.ts';
import type { ProcessOptions } from './pages/process-page.ts';

const FOLDERS = { sources: '.md', people: '.mdx', episodes: '.mdx', discrepancies: '.mdx' } as const;
const IGNORED = /^(\.|README\.md$)/;

/** List every content file under `contentDir` (read on demand), reporting misplaced or misnamed files. */
export function readContent(contentDir: string, root: string): { files: ContentFile[]; diagnostics: Diagnostic[] } {
  const listed = listContent(contentDir, root);
  const rel = (p: string) => relative(root, p).split(sep).join('/');
  return { files: listed.files, diagnostics: [...listed.diagnostics, ...misplacedFiles(contentDir, rel)] };
}

/** Files under content/ that no collection reads (a folder typo, a subfolder): silently skipping them would hide content. */
function misplacedFiles(contentDir: string, rel: (p: string) => string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const folders = Object.keys(FOLDERS);
  const walk = (dir: string, depth: number): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (IGNORED.test(entry.name)) continue;
      const path = join(dir, entry.name);
      const known = depth === 0 && folders.includes(entry.name);
      if (entry.isDirectory()) {
        if (!known) walk(path, depth + 1);
        else
          for (const inner of readdirSync(path, { withFileTypes: true }))
            if (inner.isDirectory() && !IGNORED.test(inner.name)) walk(join(path, inner.name), depth + 2);
        continue;
      }
      if (depth === 0 && !/\.(mdx?|ya?ml|json)$/i.test(entry.name)) continue;
      const [top = '', ...rest] = relative(contentDir, path).split(sep);
      const where =
        rest.length === 0
          ? 'at the top of content/'
          : folders.includes(top)
            ? `in a subfolder of content/${top}/`
            : `in content/${top}/, which is not a collection`;
      const fix =
        rest.length > 0 && folders.includes(top)
          ? `move it to content/${top}/`
          : rest.length > 0
            ? `did you mean content/${closest(top, folders)}/?`
            : 'move it into the folder for its kind';
      found.push({
        file: rel(path),
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'misplaced-file',
        message: `File is ${where}, so it would never be published`,
        hint: `Content files live directly in one of content/${folders.join('/, content/')}/: ${fix}`,
      });
    }
  };
  walk(contentDir, 0);
  return found;
}

/**
 * Read and verify the whole dossier under `root/content`, with the pages processed on every CPU
 * (parallel-dossier.ts). `{ render: false }` verifies without rendering the pages' HTML (`npm run check`).
 */
export async function loadDossierParallel(
  root: string,
  contentDir = join(root, 'content'),
  workers?: number,
  options?: ProcessOptions,
): Promise<{ dossier: Dossier; diagnostics: Diagnostic[] }> {
  const read = readContent(contentDir, root);
  const built = await buildDossierParallel(read.files, workers, options);
  return { dossier: built.dossier, diagnostics: [...read.diagnostics, ...built.diagnostics] };
}

/** Read and verify the whole dossier under `root/content`. */
export function loadDossier(root: string, contentDir = join(root, 'content')): { dossier: Dossier; diagnostics: Diagnostic[] } {
  const read = readContent(contentDir, root);
  const built = buildDossier(read.files);
  return { dossier: built.dossier, diagnostics: [...read.diagnostics, ...built.diagnostics] };
}
