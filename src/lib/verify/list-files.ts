/**
 * List the content folder by file name, reading no file: each file's bytes are read when first asked for (what
 * `check --changed` needs on a large dossier). Names, places and symbolic links are checked here.
 */
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { clip, type Diagnostic } from '../diagnostics.ts';
import { COLLECTION_FILES, DiskFile, IGNORED, SLUG, type ContentFile } from './content-files.ts';
import { misplacedFiles } from './misplaced-files.ts';

export interface Listing {
  files: ContentFile[];
  diagnostics: Diagnostic[];
}

/** Where a symbolic link leads: a file inside `realContent`, somewhere else, nowhere (dangling or a loop). */
function linkTarget(path: string, realContent: string): 'file' | 'other' | 'outside' | 'nowhere' {
  let target: string;
  try {
    target = realpathSync(path);
  } catch {
    return 'nowhere';
  }
  if (target !== realContent && !target.startsWith(realContent + sep)) return 'outside';
  return statSync(target).isFile() ? 'file' : 'other';
}

const at = (file: string) => ({ file, line: 1, column: 1, severity: 'error' as const });

/** The diagnostic for a symbolic link that leaves the content folder or leads nowhere, if it does. */
function linkProblem(file: string, name: string, target: 'outside' | 'nowhere'): Diagnostic {
  return target === 'outside'
    ? {
        ...at(file),
        rule: 'symlink-outside-content',
        message: `\`${clip(name)}\` is a symbolic link to a file outside the content folder`,
        hint: 'Copy the file into the content folder instead: only content that is part of the repository is published.',
      }
    : {
        ...at(file),
        rule: 'unreadable-file',
        message: `\`${clip(name)}\` is a symbolic link that leads nowhere (dangling, or a loop)`,
        hint: 'Remove the link, or replace it with the file itself.',
      };
}

/** List every content file under `contentDir` (paths relative to `root`), reporting misplaced or misnamed files. */
export function listContent(contentDir: string, root: string, { misplaced = true }: { misplaced?: boolean } = {}): Listing {
  const listing: Listing = { files: [], diagnostics: [] };
  if (!existsSync(contentDir)) return listing;
  const realContent = realpathSync(contentDir);
  // One relative() per folder, not per file: on a 10k-page dossier the per-file call is the listing's main cost.
  const base = relative(root, contentDir).split(sep).join('/');
  const seen = new Map<string, string>();
  for (const { collection, extension } of COLLECTION_FILES) {
    const dir = join(contentDir, collection);
    const prefix = `${base ? `${base}/` : ''}${collection}/`;
    if (!existsSync(dir)) {
      if (lstatSync(dir, { throwIfNoEntry: false })?.isSymbolicLink())
        listing.diagnostics.push(linkProblem(prefix.slice(0, -1), collection, 'nowhere'));
      continue;
    }
    if (lstatSync(dir).isSymbolicLink() && linkTarget(dir, realContent) === 'outside') {
      listing.diagnostics.push(linkProblem(prefix.slice(0, -1), collection, 'outside'));
      continue;
    }
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (IGNORED.test(entry.name)) continue;
      const path = dir + sep + entry.name;
      const file = prefix + entry.name;
      // Dirents say "file" without a stat call; symbolic links need one, and must stay inside the content folder.
      if (entry.isSymbolicLink()) {
        const target = linkTarget(path, realContent);
        if (target === 'outside' || target === 'nowhere') listing.diagnostics.push(linkProblem(file, entry.name, target));
        if (target !== 'file') continue;
      } else if (!entry.isFile()) continue;
      const problem = nameProblem(entry.name, file, collection, extension, seen);
      if (problem) listing.diagnostics.push(problem);
      else listing.files.push(new DiskFile(path, file, collection, entry.name.slice(0, -extension.length)));
    }
  }
  if (misplaced) listing.diagnostics.push(...misplacedFiles(contentDir, root));
  return listing;
}

/** A wrong extension, a slug that is not kebab-case, or a slug another file has; records the slug when it is new. */
function nameProblem(name: string, file: string, collection: string, extension: string, seen: Map<string, string>): Diagnostic | undefined {
  if (!name.endsWith(extension))
    return {
      ...at(file),
      rule: 'wrong-extension',
      message: `\`${clip(name)}\` has the wrong extension for content/${collection}/`,
      hint: `Files in content/${collection}/ end in ${extension}: rename it to ${clip(name.replace(/\.[^.]*$/, ''))}${extension}.`,
    };
  const slug = name.slice(0, -extension.length);
  if (!SLUG.test(slug))
    return {
      ...at(file),
      rule: 'bad-slug',
      message: `File name \`${clip(name)}\` is not a kebab-case slug`,
      hint: `Rename it to ${clip(
        slug
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, ''),
      )}${extension}.`,
    };
  const other = seen.get(slug);
  if (other)
    return {
      ...at(file),
      rule: 'duplicate-slug',
      message: `Slug \`${slug}\` is already used by ${other}`,
      hint: 'Slugs are unique across all collections so that links and search stay unambiguous; rename one of them.',
    };
  seen.set(slug, file);
  return undefined;
}
