/**
 * The pages the integration adds to a project: every file under src/routes/ is one route, named by its path the way
 * Astro names the files of src/pages/ (`people/[slug].astro` → `/people/[slug]`, `index.astro` → `/`).
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROUTES_DIR = fileURLToPath(new URL('../routes/', import.meta.url));
const PAGE_FILE = /\.(astro|ts|mdx)$/;

export interface RouteFile {
  /** Astro's route pattern, e.g. `/people/[slug]`. */
  pattern: string;
  /** Absolute path of the page's file. */
  entrypoint: string;
}

/** The route of a file path relative to src/routes/, with forward slashes. */
export function routePattern(file: string): string {
  const path = file.replace(PAGE_FILE, '').replace(/(^|\/)index$/, '');
  return `/${path}`;
}

/** Every route under src/routes/, in a stable order. */
export function routeFiles(dir = ROUTES_DIR): RouteFile[] {
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (PAGE_FILE.test(entry.name)) files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort().map((file) => ({ pattern: routePattern(file), entrypoint: join(dir, file) }));
}

/** The site paths of the routes without parameters (`/`, `/people/`, `/rss.xml`): pages that exist whatever the content. */
export function staticPaths(routes: readonly RouteFile[] = routeFiles()): string[] {
  return routes
    .map((r) => r.pattern)
    .filter((p) => !p.includes('['))
    .map((p) => (p === '/' || /\.[a-z]+$/.test(p) ? p : `${p}/`));
}
