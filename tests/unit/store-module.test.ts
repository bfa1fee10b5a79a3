import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { STORE_MODULE_ID, singleFileStore, storeModuleCode, storeModuleIntegration } from '../../src/integrations/store-module.ts';

const work = mkdtempSync(join(tmpdir(), 'backchannel-store-module-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Astro's store module for a store file's text, as astro/dist/content/vite-plugin-content-virtual-mod.js writes it. */
const astroModule = (jsonData: string) => `export default JSON.parse(${JSON.stringify(jsonData)})`;

async function importCode(name: string, code: string): Promise<unknown> {
  const file = join(work, `${name}.mjs`);
  writeFileSync(file, code);
  return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
}

describe('the content store module read at run time', () => {
  // Devalue-flattened like Astro's store, with the characters a JS string literal must escape.
  const store = JSON.stringify([['Map', 1], 'people', { text: `“Quote” \\ "x" \n\u2028 ’ 𝄞 </script>` }]);

  it('gives the same value as the module Astro inlines', async () => {
    const storeFile = join(work, 'data-store.json');
    writeFileSync(storeFile, store);
    const reading = storeModuleCode(storeFile);
    expect(reading.length).toBeLessThan(200);
    expect(await importCode('reading', reading)).toEqual(await importCode('inlined', astroModule(store)));
  });

  it("is used only with Astro's single-file storage, not with its chunked storage", () => {
    expect(singleFileStore(undefined)).toBe(true);
    expect(singleFileStore({})).toBe(true);
    expect(singleFileStore({ collectionStorage: 'single-file' })).toBe(true);
    expect(singleFileStore({ collectionStorage: 'chunked' })).toBe(false);
    expect(singleFileStore({ collectionStorage: { chunkSize: 10 } })).toBe(false);
  });

  it('matches the module the installed Astro writes (an Astro upgrade that changes it fails here)', () => {
    const require = createRequire(import.meta.url);
    const astroDir = dirname(require.resolve('astro/package.json'));
    const source = readFileSync(join(astroDir, 'dist/content/vite-plugin-content-virtual-mod.js'), 'utf8');
    expect(source).toContain('code: `export default JSON.parse(${JSON.stringify(jsonData)})`');
    expect(source).toContain('RESOLVED_DATA_STORE_VIRTUAL_ID');
  });

  it('serves `astro dev` from .astro/data-store.json, and builds from the cache directory, only for static output', () => {
    type Setup = (options: Record<string, unknown>) => void;
    const setup = storeModuleIntegration().hooks['astro:config:setup'] as unknown as Setup;
    const plugins = (command: string, output = 'static') => {
      const added: { apply: string; load: { handler: (id: string) => unknown } }[] = [];
      setup({
        config: { root: pathToFileURL(`${work}/`), cacheDir: pathToFileURL(`${work}/cache/`), output, experimental: {} },
        command,
        logger: { info: () => {} },
        updateConfig: (c: { vite: { plugins: typeof added } }) => added.push(...c.vite.plugins),
      });
      return added;
    };
    const [dev] = plugins('dev');
    expect(dev!.apply).toBe('serve');
    // No store yet (a first start): Astro's own module answers.
    expect(dev!.load.handler(STORE_MODULE_ID)).toBeNull();
    mkdirSync(join(work, '.astro'), { recursive: true });
    writeFileSync(join(work, '.astro', 'data-store.json'), store);
    expect(dev!.load.handler(STORE_MODULE_ID)).toMatchObject({ code: storeModuleCode(join(work, '.astro', 'data-store.json')) });
    expect(dev!.load.handler('\0astro:content')).toBeNull();
    expect(plugins('build')[0]!.apply).toBe('build');
    expect(plugins('build', 'server')).toEqual([]);
  });
});
