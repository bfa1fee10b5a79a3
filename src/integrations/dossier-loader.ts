/** Content-layer loader: puts the verified dossier's views into Astro collections. */
import type { Loader } from 'astro/loaders';
import { ContentError } from '../lib/diagnostics.ts';
import { devCheck } from '../lib/dev-check.ts';
import { loadDossier } from '../lib/read-content.ts';
import { buildCollections, type DossierCollections } from '../lib/views/collections.ts';
import { entryId, readRawViews, type CollectionName, type RawView } from './views-file.ts';
import { waitForViewsFile } from './prepare-views.ts';
import { shareSearchRecords } from './pagefind.ts';
import { claimSearchRecord } from '../lib/views/claim-search.ts';
import { jsonLines, packsViews, packViews, parseJsonBytes } from '../lib/views/packed-view.ts';
import { liveViews, storesLiveViews } from '../lib/views/live-views.ts';

/** The views as `npm run build` hands them over (each entry's JSON, unparsed), or as this process computed them. */
type Views = { raw: Record<CollectionName, RawView[]> } | { collections: DossierCollections };

let cached: Promise<Views> | undefined;

/**
 * The views, computed once per process. `npm run build` verifies first and hands the result over in
 * `BACKCHANNEL_VIEWS` so the graph is built once per build; `astro dev` computes it here, and the dev
 * integration passes fresh views through `refreshContent` when a content file changes.
 */
function views(): Promise<Views> {
  cached ??= Promise.resolve().then(async () => {
    const handedOver = process.env.BACKCHANNEL_VIEWS;
    if (handedOver) {
      // `npm run build` may still be verifying: Astro started meanwhile and only now needs the views.
      await waitForViewsFile(handedOver);
      return { raw: readRawViews(handedOver) };
    }
    // `astro dev` verifies with the dev integration's incremental verifier, which its first edit then reuses.
    const { dossier, diagnostics } = storesLiveViews() ? devCheck(process.cwd())() : loadDossier(process.cwd());
    if (diagnostics.some((d) => d.severity === 'error')) throw new ContentError(diagnostics);
    const collections = buildCollections(dossier);
    shareSearchRecords(collections.claims.map((c) => claimSearchRecord(c)));
    return { collections };
  });
  return cached;
}

/**
 * The id and the data Astro stores for each entry of `collection`: packed views (packed-view.ts), or objects; under
 * `astro dev`, references to the views in memory (live-views.ts). The views `npm run build` hands over are packed
 * from the very bytes it wrote (without the claims' passages in context when it stamps the claim pages:
 * views-file.ts).
 */
function storeEntries(views: Views, collection: CollectionName): { id: string; data: object }[] {
  const packed = packsViews();
  if ('collections' in views) {
    const entries = views.collections[collection] as object[];
    const data = storesLiveViews() ? liveViews(views.collections, collection) : packed ? packViews(jsonLines(entries)) : entries;
    return entries.map((entry, i) => ({ id: entryId(entry), data: data[i]! }));
  }
  const raw = views.raw[collection];
  const data = packed ? packViews(raw.map((r) => r.json)) : raw.map((r) => parseJsonBytes<object>(r.json));
  return raw.map(({ id }, i) => ({ id, data: data[i]! }));
}

/** Where the loader leaves the last fresh views it stored, for the dev integration to tell that a refresh ran. */
const STORED_VIEWS = Symbol.for('backchannel.storedViews');

/** Whether the loaders have stored `views`, given to them through `refreshContent` (dev-verify.ts). */
export const storedViews = (views: DossierCollections) => (globalThis as Record<symbol, unknown>)[STORED_VIEWS] === views;

/** A loader for one of the dossier's collections. */
export function dossierLoader(collection: CollectionName): Loader {
  return {
    name: `backchannel-${collection}`,
    load: async ({ store, refreshContextData }) => {
      const fresh = refreshContextData?.['views'] as DossierCollections | undefined;
      if (fresh) cached = Promise.resolve({ collections: fresh });
      const entries = storeEntries(await views(), collection);
      // Only the entries gone are deleted: `store.clear()` would also have Astro write its asset and module import
      // lists, and the sync wait their 500 ms debounce (half of an edit's time in `astro dev`).
      const ids = new Set(entries.map((e) => e.id));
      for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      for (const { id, data } of entries) store.set({ id, data: data as Record<string, unknown> });
      if (fresh) (globalThis as Record<symbol, unknown>)[STORED_VIEWS] = fresh;
    },
  };
}
