/**
 * Astro integration: in a static build, Astro's content-layer store module reads the store file at run time instead
 * of carrying it as one string literal.
 *
 * Astro turns its data store into one module, `export default JSON.parse("…")`, whose single string literal is the
 * whole store (a 10,000-page dossier's is ~250 MB). The bundler then carries that literal into the prerender bundle
 * and V8 compiles it before the first page, in time that grows much faster than its length: measured on this
 * machine, importing such a module took 1.0 s at 22 MB, 11.9 s at 88 MB and 69 s at 220 MB, while `JSON.parse` of
 * the same text takes 1.2 s. The module becomes `JSON.parse(readFileSync(store))` of the very file Astro just read
 * (`data-store.json` in the cache directory), so the store Astro sees is the same. Only static builds are changed:
 * the prerendering runs on the machine that has the file; a server build (none here) would ship the bundle elsewhere.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** Astro's resolved id for the store module (`RESOLVED_DATA_STORE_VIRTUAL_ID` in astro/dist/content/consts.js). */
export const STORE_MODULE_ID = '\0astro:data-layer-content';
/** The store file of a build (`getDataStoreFile` in astro/dist/content/paths.js: the cache directory's). */
export const STORE_FILE = 'data-store.json';

const INLINED = 'export default JSON.parse("';

/**
 * The module that reads `storeFile` at run time, for Astro's inlined store module `code`; `undefined` when `code` is
 * not the single-literal form (another storage mode, another Astro version), which is then left as it is.
 */
export function storeModuleReading(code: string, storeFile: string): string | undefined {
  if (!code.startsWith(INLINED) || !code.endsWith('")')) return undefined;
  return [
    `import { readFileSync } from 'node:fs';`,
    `export default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));`,
  ].join('\n');
}

/** `BACKCHANNEL_STORE_MODULE=inline` keeps Astro's own module (the build-safety test compares the two builds). */
export const readsStoreAtRunTime = (env = process.env) => env.BACKCHANNEL_STORE_MODULE !== 'inline';

export function storeModulePlugin(storeFile: string, logger?: AstroIntegrationLogger): Plugin {
  return {
    name: 'backchannel-store-module',
    apply: 'build',
    enforce: 'post',
    transform(code, id) {
      if (id !== STORE_MODULE_ID || !existsSync(storeFile)) return null;
      const module = storeModuleReading(code, storeFile);
      if (module === undefined) return null;
      logger?.info(`pages read the content store from ${storeFile} (${(code.length / 2 ** 20).toFixed(1)} MB) at run time`);
      return { code: module, map: { mappings: '' } };
    },
  };
}

export function storeModuleIntegration(): AstroIntegration {
  return {
    name: 'backchannel-store-module',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        if (command !== 'build' || config.output !== 'static' || !readsStoreAtRunTime()) return;
        const storeFile = fileURLToPath(new URL(STORE_FILE, config.cacheDir));
        updateConfig({ vite: { plugins: [storeModulePlugin(storeFile, logger)] } });
      },
    },
  };
}
