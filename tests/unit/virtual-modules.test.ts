import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { BUILD_VIEWS, VIEWS_MODULE, virtualModules } from '../../src/integration/virtual-modules.ts';
import { writeViewStore } from '../../src/lib/views/view-store.ts';
import type { SiteSettings } from '../../src/integration/site-settings.ts';

const work = mkdtempSync(join(tmpdir(), 'backchannel-virtual-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  delete (globalThis as Record<symbol, unknown>)[Symbol.for(BUILD_VIEWS)];
});

/** The views module's code from the plugin, as Vite would load it. */
function loadViews(plugin: Plugin): unknown {
  const load = plugin.load as (id: string) => unknown;
  return load.call({}, `\0${VIEWS_MODULE}`);
}

/** Run the views module's code as the bundled pages would, and return its `currentViews`. */
async function runViews(code: unknown, name: string): Promise<() => { ids(c: string): readonly string[] }> {
  const file = join(work, `${name}.mjs`);
  writeFileSync(file, code as string);
  const module = (await import(pathToFileURL(file).href)) as { currentViews: () => { ids(c: string): readonly string[] } };
  return module.currentViews;
}

describe('the views module of a build', () => {
  const settings = {} as SiteSettings;

  it('loads without waiting for the verification, so that Vite bundles the pages meanwhile', async () => {
    let verified!: (dir: string) => void;
    const ready = new Promise<string>((resolve) => (verified = resolve));
    const code = loadViews(virtualModules(settings, { kind: 'build', ready: () => ready }));
    expect(typeof code).toBe('string');

    const dir = join(work, 'views');
    writeViewStore(dir, { people: [{ slug: 'ada' }, { slug: 'grace' }] }, (entry) => (entry as { slug: string }).slug);
    let ran = false;
    const running = runViews(code, 'pending').then((currentViews) => ((ran = true), currentViews));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ran).toBe(false); // its code waits for the verification
    verified(dir);
    expect((await running)().ids('people')).toEqual(['ada', 'grace']);
  });

  it('fails where the pages first run when the content did not verify', async () => {
    const failure = new Error('Content verification failed with 1 error, listed above.');
    const code = loadViews(virtualModules(settings, { kind: 'build', ready: () => Promise.reject(failure) }));
    await expect(runViews(code, 'failed')).rejects.toThrow('Content verification failed with 1 error');
  });
});
