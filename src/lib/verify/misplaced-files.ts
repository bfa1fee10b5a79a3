/** Files under content/ that no collection reads (a folder typo, a subfolder): silently skipping them would hide content. */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { closest } from 'fastest-levenshtein';
import type { Diagnostic } from '../diagnostics.ts';
import { COLLECTION_NAMES, IGNORED } from './content-files.ts';

/** Every content-like file under `contentDir` that is not directly in a collection folder. */
export function misplacedFiles(contentDir: string, root: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const folders: readonly string[] = COLLECTION_NAMES;
  const rel = (p: string) => relative(root, p).split(sep).join('/');
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
      if (known || (depth === 0 && !/\.(mdx?|ya?ml|json)$/i.test(entry.name))) continue;
      const [top = '', ...rest] = relative(contentDir, path).split(sep);
      found.push({
        file: rel(path),
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'misplaced-file',
        message: `File is ${where(top, rest.length, folders)}, so it would never be published`,
        hint: `Content files live directly in one of content/${folders.join('/, content/')}/: ${fix(top, rest.length, folders)}`,
      });
    }
  };
  walk(contentDir, 0);
  return found;
}

function where(top: string, depth: number, folders: readonly string[]): string {
  if (depth === 0) return 'at the top of content/';
  return folders.includes(top) ? `in a subfolder of content/${top}/` : `in content/${top}/, which is not a collection`;
}

function fix(top: string, depth: number, folders: readonly string[]): string {
  if (depth > 0 && folders.includes(top)) return `move it to content/${top}/`;
  return depth > 0 ? `did you mean content/${closest(top, [...folders])}/?` : 'move it into the folder for its kind';
}
