import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { singleFileStore, storeModuleCode } from '../../src/integrations/store-module.ts';

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
});
