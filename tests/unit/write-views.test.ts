/**
 * The views a build's verification writes (src/lib/views/write-views.ts). A build has the claims' search records
 * written first, to a store of their own, so that Pagefind indexes them while the other views are written: that store
 * is complete when the child says so, and the two stores hold exactly what the one store would.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openViewStore, type ViewStore } from '../../src/lib/views/view-store.ts';
import { writeDossierViews, type StoredViews } from '../../src/lib/views/write-views.ts';
import { corpus, verifyMemory } from '../content/verify-helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'write-views-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const COLLECTIONS: (keyof StoredViews)[] = [
  'people',
  'episodes',
  'sources',
  'claims',
  'discrepancies',
  'pages',
  'summaries',
  'search',
  'graph',
];
const contents = (store: ViewStore, name: string) => ({ ids: store.ids(name), entries: store.list(name) });

describe('writeDossierViews', () => {
  it('writes the search records to a store of their own first, complete when it says so, and the rest after', async () => {
    const { dossier } = await verifyMemory(corpus(30));
    const one = join(work, 'one');
    await writeDossierViews(dossier, one, { base: '/' });

    const views = join(work, 'views');
    const searchDir = join(work, 'search');
    let seen: { records: readonly string[]; viewsComplete: boolean } | undefined;
    const written = () =>
      (seen = { records: openViewStore(searchDir).ids('search'), viewsComplete: existsSync(join(views, 'manifest.json')) });
    await writeDossierViews(dossier, views, { base: '/', search: { dir: searchDir, written } });

    const single = openViewStore(one);
    const [main, search] = [openViewStore(views), openViewStore(searchDir)];
    expect(single.ids('search').length).toBe(dossier.claims.size);
    expect(seen).toEqual({ records: single.ids('search'), viewsComplete: false });
    expect(contents(search, 'search')).toEqual(contents(single, 'search'));
    expect(main.ids('search')).toEqual([]);
    for (const name of COLLECTIONS.filter((c) => c !== 'search')) expect(contents(main, name)).toEqual(contents(single, name));
  }, 60_000);
});
