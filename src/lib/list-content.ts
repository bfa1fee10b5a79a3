/**
 * List the content folder by file name, reading a file only when its text is asked for: what
 * `check --changed` needs on a large dossier, where reading every page would cost more than checking one.
 * File-name rules and diagnostics are those of `readContent` (tests/unit/check-changed.test.ts compares them).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ContentFile } from './build-dossier.ts';
import type { Diagnostic } from './diagnostics.ts';

const FOLDERS = { sources: '.md', people: '.mdx', episodes: '.mdx', discrepancies: '.mdx' } as const;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const IGNORED = /^(\.|README\.md$)/;

/** A content file whose `raw` text is read from disk on first access. */
class LazyFile implements ContentFile {
  readonly file: string;
  readonly collection: ContentFile['collection'];
  readonly slug: string;
  readonly #path: string;
  #raw: string | undefined;
  constructor(path: string, file: string, collection: ContentFile['collection'], slug: string) {
    this.#path = path;
    this.file = file;
    this.collection = collection;
    this.slug = slug;
  }
  get raw(): string {
    this.#raw ??= readFileSync(this.#path, 'utf8');
    return this.#raw;
  }
}

/** List every content file under `contentDir` (paths relative to `root`), reporting misplaced or misnamed files. */
export function listContent(contentDir: string, root: string): { files: ContentFile[]; diagnostics: Diagnostic[] } {
  const files: ContentFile[] = [];
  const diagnostics: Diagnostic[] = [];
  // One relative() per folder, not per file: on a 10k-page dossier the per-file call is the listing's main cost.
  const base = relative(root, contentDir).split(sep).join('/');
  const seen = new Map<string, string>();
  for (const [collection, ext] of Object.entries(FOLDERS) as [ContentFile['collection'], string][]) {
    const dir = join(contentDir, collection);
    if (!existsSync(dir)) continue;
    const prefix = `${base ? `${base}/` : ''}${collection}/`;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const name = entry.name;
      if (IGNORED.test(name)) continue;
      const path = dir + sep + name;
      // Dirents say "file" without a stat call; symlinks still need one.
      if (!(entry.isFile() || (entry.isSymbolicLink() && statSync(path).isFile()))) continue;
      const file = prefix + name;
      const at = { file, line: 1, column: 1, severity: 'error' as const };
      if (!name.endsWith(ext)) {
        diagnostics.push({
          ...at,
          rule: 'wrong-extension',
          message: `\`${name}\` has the wrong extension for content/${collection}/`,
          hint: `Files in content/${collection}/ end in ${ext}: rename it to ${name.replace(/\.[^.]*$/, '')}${ext}.`,
        });
        continue;
      }
      const slug = name.slice(0, -ext.length);
      if (!SLUG.test(slug)) {
        diagnostics.push({
          ...at,
          rule: 'bad-slug',
          message: `File name \`${name}\` is not a kebab-case slug`,
          hint: `Rename it to ${slug
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '')}${ext}.`,
        });
        continue;
      }
      const other = seen.get(slug);
      if (other) {
        diagnostics.push({
          ...at,
          rule: 'duplicate-slug',
          message: `Slug \`${slug}\` is already used by ${other}`,
          hint: 'Slugs are unique across all collections so that links and search stay unambiguous; rename one of them.',
        });
        continue;
      }
      seen.set(slug, file);
      files.push(new LazyFile(path, file, collection, slug));
    }
  }
  return { files, diagnostics };
}
