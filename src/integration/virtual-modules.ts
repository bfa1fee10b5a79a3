/**
 * The Vite plugin that hands the pages what they need, as two virtual modules (the pattern of Starlight's
 * `virtual:starlight/user-config`; https://vite.dev/guide/api-plugin#virtual-modules-convention):
 *
 * - `virtual:backchannel/config`: the dossier's settings (the integration's options, Astro's `site` and `base`);
 * - `virtual:backchannel/views`: `currentViews()`, the verified views. In a build they are read from the folder the
 *   verification process wrote. Vite bundles the pages while the content is still being verified: the module's code
 *   waits for the verification when it runs (a top-level `await`), which is when Astro first renders a page, in its
 *   own process; a content error fails the build there. Under `astro dev` they are the views the dev server verified
 *   last, held in this process (Astro renders pages in the dev server's own process: Vite's runnable dev
 *   environment).
 *
 * Both reach the bundled pages through a global of this process, under a registered symbol: the pages are a bundle
 * of their own, which cannot share a module instance with the integration.
 */
import type { Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import type { SiteSettings } from './site-settings.ts';

export const CONFIG_MODULE = 'virtual:backchannel/config';
export const VIEWS_MODULE = 'virtual:backchannel/views';
const RESOLVED = (id: string) => `\0${id}`;

/** Where the dev server leaves the views it verified last (see dev-server.ts). */
export const DEV_VIEWS = 'backchannel.devViews';
/** Where a build leaves the promise of its views folder (resolved once the content verified). */
export const BUILD_VIEWS = 'backchannel.buildViews';

/** How the views module finds the views: a folder written by a build's verification, or the dev server's memory. */
export type ViewsSource = { kind: 'build'; ready: () => Promise<string> } | { kind: 'dev' };

/** Hand the pages of this build the promise of its views folder (awaited by the views module's code, below). */
function shareBuildViews(ready: () => Promise<string>): void {
  const folder = ready();
  folder.catch(() => {}); // a content error is reported where the pages await it
  (globalThis as Record<symbol, unknown>)[Symbol.for(BUILD_VIEWS)] = folder;
}

const viewStoreModule = JSON.stringify(fileURLToPath(new URL('../lib/views/view-store.ts', import.meta.url)));

/** The code of the views module for `source`; a build's waits for verification when it runs (and fails with it). */
function viewsModuleCode(source: ViewsSource): string {
  if (source.kind === 'dev')
    return [
      `const KEY = Symbol.for(${JSON.stringify(DEV_VIEWS)});`,
      'export function currentViews() {',
      '  const views = globalThis[KEY];',
      "  if (!views) throw new Error('The dev server has no verified views yet: fix the content errors it reports.');",
      '  return views;',
      '}',
    ].join('\n');
  return [
    `import { openViewStore } from ${viewStoreModule};`,
    `const folder = globalThis[Symbol.for(${JSON.stringify(BUILD_VIEWS)})];`,
    "if (!folder) throw new Error('The pages were rendered outside the process of the build that verified their content.');",
    'const views = openViewStore(await folder);',
    'export const currentViews = () => views;',
  ].join('\n');
}

/** The plugin serving both modules. */
export function virtualModules(settings: SiteSettings, views: ViewsSource): Plugin {
  if (views.kind === 'build') shareBuildViews(views.ready);
  return {
    name: 'backchannel:virtual-modules',
    resolveId(id) {
      return id === CONFIG_MODULE || id === VIEWS_MODULE ? RESOLVED(id) : undefined;
    },
    load(id) {
      if (id === RESOLVED(CONFIG_MODULE)) return `export default ${JSON.stringify(settings)};`;
      if (id === RESOLVED(VIEWS_MODULE)) return viewsModuleCode(views);
      return undefined;
    },
  };
}

/** The resolved id of the views module, for the dev server to invalidate it. */
export const RESOLVED_VIEWS_MODULE = RESOLVED(VIEWS_MODULE);
