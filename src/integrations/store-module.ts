/**
 * Astro integration: in a static build, Astro's content-layer store module reads the store file at run time instead
 * of carrying it as one string literal.
 *
 * Astro turns its data store into one module, `export default JSON.parse("…")`, whose single string literal is the
 * whole store (a 10,000-page dossier's is ~200 MB): Astro reads, parses and re-escapes the file to make it, the
 * bundler carries it into the prerender bundle, and V8 compiles it before the first page, in time that grows much
 * faster than its length. Measured on this machine, importing such a module took 1.0 s at 22 MB, 11.9 s at 88 MB and
 * 69 s at 220 MB, while `JSON.parse` of the same text takes 1.2 s. Here the module is `JSON.parse(readFileSync(…))`
 * of the very file Astro would have inlined (`data-store.json` in the cache directory), so the store the pages see
 * is the same. Only static builds with Astro's default single-file storage are changed: the prerendering runs on
 * the machine that has the file (a server build would ship the bundle elsewhere), and chunked storage imports its
 * parts instead. `astro dev` reads its own store file (.astro/data-store.json) the same way: it reloads the module
 * after every content refresh, which on a 1,000-page dossier halved the time an edit takes to show (6.5 → 3.2 s).
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** Astro's resolved id for the store module (`RESOLVED_DATA_STORE_VIRTUAL_ID` in astro/dist/content/consts.js). */
export const STORE_MODULE_ID = '\0astro:data-layer-content';
/** The store file of a build (`getDataStoreFile` in astro/dist/content/paths.js: the cache directory's). */
export const STORE_FILE = 'data-store.json';

/** The module that reads the store from `storeFile` at run time. */
export function storeModuleCode(storeFile: string): string {
  return [`import { readFileSync } from 'node:fs';`, `export default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));`].join(
    '\n',
  );
}

/** Whether Astro keeps its store in one file, its default; `experimental.collectionStorage: 'chunked'` does not. */
export function singleFileStore(experimental: object | undefined): boolean {
  const storage = (experimental as { collectionStorage?: unknown } | undefined)?.collectionStorage;
  return storage === undefined || storage === 'single-file';
}

/** `BACKCHANNEL_STORE_MODULE=inline` keeps Astro's own module (the build-safety test compares the two builds). */
export const readsStoreAtRunTime = (env = process.env) => env.BACKCHANNEL_STORE_MODULE !== 'inline';

export function storeModulePlugin(storeFile: string, logger?: AstroIntegrationLogger, apply: 'build' | 'serve' = 'build'): Plugin {
  return {
    name: 'backchannel-store-module',
    apply,
    load: {
      // Before Astro's own plugin (itself `enforce: 'pre'`), which would read, check and escape the file to inline it.
      order: 'pre',
      handler(id) {
        if (id !== STORE_MODULE_ID || !existsSync(storeFile)) return null;
        if (logger) {
          const megabytes = (statSync(storeFile).size / 2 ** 20).toFixed(1);
          logger.info(`pages read the content store from ${storeFile} (${megabytes} MB) at run time`);
        }
        // The metadata Astro gives its store module (createContentDataIncrementalMetadata in astro/dist/core/build).
        const meta = { astroIncremental: { kind: 'content-data' } };
        return { code: storeModuleCode(storeFile), map: { mappings: '' }, meta };
      },
    },
  };
}

export function storeModuleIntegration(): AstroIntegration {
  return {
    name: 'backchannel-store-module',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        if (!singleFileStore(config.experimental) || !readsStoreAtRunTime()) return;
        if (command === 'dev') {
          // `astro dev` keeps its store in .astro/ and reloads the module after every content refresh: reading the
          // file spares compiling the whole store as one literal on each edit.
          const storeFile = fileURLToPath(new URL(`.astro/${STORE_FILE}`, config.root));
          updateConfig({ vite: { plugins: [storeModulePlugin(storeFile, undefined, 'serve')] } });
          return;
        }
        if (command !== 'build' || config.output !== 'static') return;
        const storeFile = fileURLToPath(new URL(STORE_FILE, config.cacheDir));
        updateConfig({ vite: { plugins: [storeModulePlugin(storeFile, logger)] } });
      },
    },
  };
}
