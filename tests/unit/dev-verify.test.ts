/** astro dev: after a content refresh, every module that read the old store is evaluated again on the next request. */
import { describe, expect, it } from 'vitest';
import { invalidateStoreReaders } from '../../src/integrations/dev-verify.ts';
import { STORE_MODULE_ID } from '../../src/integrations/store-module.ts';

/** A module runner's evaluated modules: `importers` maps each id to the ids that import it. */
function runner(importers: Record<string, string[]>) {
  const nodes = new Map(Object.entries(importers).map(([id, by]) => [id, { id, importers: new Set(by) }]));
  const invalidated: string[] = [];
  const evaluatedModules = {
    getModuleById: (id: string) => nodes.get(id),
    invalidateModule: (node: object) => invalidated.push((node as { id: string }).id),
  };
  return { runner: { evaluatedModules }, invalidated };
}

describe('invalidateStoreReaders', () => {
  it('invalidates the store module and everything that imports it, each once, and nothing else', () => {
    const ssr = runner({
      [STORE_MODULE_ID]: ['astro/content/data-store.js'],
      'astro/content/data-store.js': ['astro/content/runtime.js'],
      'astro/content/runtime.js': ['src/data/dossier.ts', 'src/pages/people/[slug].astro'],
      'src/data/dossier.ts': ['src/pages/people/[slug].astro'],
      'src/pages/people/[slug].astro': [],
      'src/lib/dates.ts': ['src/pages/people/[slug].astro'],
    });
    const other = runner({ 'src/lib/dates.ts': [] });
    invalidateStoreReaders({ environments: { ssr, prerender: other, client: {} } as never });
    expect(ssr.invalidated.sort()).toEqual(
      [
        STORE_MODULE_ID,
        'astro/content/data-store.js',
        'astro/content/runtime.js',
        'src/data/dossier.ts',
        'src/pages/people/[slug].astro',
      ].sort(),
    );
    expect(other.invalidated).toEqual([]);
  });
});
