/**
 * The Vite plugin that hands the pages what they need, as two virtual modules (the pattern of Starlight's
 * `virtual:starlight/user-config`; https://vite.dev/guide/api-plugin#virtual-modules-convention):
 *
 * - `virtual:backchannel/config`: the dossier's settings (the integration's options, Astro's `site` and `base`);
 * - `virtual:backchannel/views`: `currentViews()`, the verified views. In a build they are read from the folder the
 *   verification process wrote, and loading this module waits for that verification, so a content error fails the
 *   build while Vite bundles the rest. Under `astro dev` they are the views the dev server verified last, held in
 *   this process (Astro renders pages in the dev server's own process: Vite's runnable dev environment).
 */
import type { Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import type { SiteSettings } from './site-settings.ts';

export const CONFIG_MODULE = 'virtual:backchannel/config';
export const VIEWS_MODULE = 'virtual:backchannel/views';
const RESOLVED = (id: string) => `\0${id}`;

/** Where the dev server leaves the views it verified last (see dev-server.ts). */
export const DEV_VIEWS = 'backchannel.devViews';

/** How the views module finds the views: a folder written by a build's verification, or the dev server's memory. */
export type ViewsSource = { kind: 'build'; ready: () => Promise<string> } | { kind: 'dev' };

const viewStoreModule = JSON.stringify(fileURLToPath(new URL('../lib/views/view-store.ts', import.meta.url)));

/** The code of the views module for `source`; a build's waits for verification (and fails with it). */
async function viewsModuleCode(source: ViewsSource): Promise<string> {
  if (source.kind === 'dev')
    return [
      `const KEY = Symbol.for(${JSON.stringify(DEV_VIEWS)});`,
      'export function currentViews() {',
      '  const views = globalThis[KEY];',
      "  if (!views) throw new Error('The dev server has no verified views yet: fix the content errors it reports.');",
      '  return views;',
      '}',
    ].join('\n');
  const dir = await source.ready();
  return [
    `import { openViewStore } from ${viewStoreModule};`,
    `const views = openViewStore(${JSON.stringify(dir)});`,
    'export const currentViews = () => views;',
  ].join('\n');
}

/** The plugin serving both modules. */
export function virtualModules(settings: SiteSettings, views: ViewsSource): Plugin {
  return {
    name: 'backchannel:virtual-modules',
    resolveId(id) {
      return id === CONFIG_MODULE || id === VIEWS_MODULE ? RESOLVED(id) : undefined;
    },
    async load(id) {
      if (id === RESOLVED(CONFIG_MODULE)) return `export default ${JSON.stringify(settings)};`;
      if (id === RESOLVED(VIEWS_MODULE)) return viewsModuleCode(views);
      return undefined;
    },
  };
}

/** The resolved id of the views module, for the dev server to invalidate it. */
export const RESOLVED_VIEWS_MODULE = RESOLVED(VIEWS_MODULE);
