/** Content-layer loader: puts the verified dossier's views into Astro collections. */
import type { Loader } from 'astro/loaders';
import { ContentError } from '../lib/diagnostics.ts';
import { loadDossier } from '../lib/read-content.ts';
import { buildCollections, type DossierCollections } from '../lib/views/collections.ts';
import { readViewsFile } from './views-file.ts';
import { waitForViewsFile } from './prepare-views.ts';
import { shareSearchRecords } from './pagefind.ts';
import { claimSearchRecord } from '../lib/views/claim-search.ts';
import { stampsClaimPages } from '../lib/pages/claim-page.ts';
import type { ClaimView } from '../lib/views/claim-view.ts';

/**
 * What Astro stores of a claim. When the claim pages are stamped after Astro (stamp-claims.ts), no Astro page shows
 * a citation's passage in context, a third of a claim's view: it stays out of the content-layer store, which Astro
 * compiles as one JavaScript module before the first page (at 10,000 pages, ~1 minute for ~250 MB).
 */
function stored(collection: keyof DossierCollections, entry: DossierCollections[keyof DossierCollections][number]): unknown {
  if (collection !== 'claims' || !stampsClaimPages()) return entry;
  const claim = entry as ClaimView;
  return { ...claim, citations: claim.citations.map(({ context: _, ...citation }) => citation) };
}

let cached: Promise<DossierCollections> | undefined;

/**
 * The views, computed once per process. `npm run build` verifies first and hands the result over in
 * `BACKCHANNEL_VIEWS` so the graph is built once per build; `astro dev` computes it here, and the dev
 * integration passes fresh views through `refreshContent` when a content file changes.
 */
function views(): Promise<DossierCollections> {
  cached ??= Promise.resolve().then(async () => {
    const handedOver = process.env.BACKCHANNEL_VIEWS;
    if (handedOver) {
      // `npm run build` may still be verifying: Astro started meanwhile and only now needs the views.
      await waitForViewsFile(handedOver);
      return readViewsFile(handedOver);
    }
    const { dossier, diagnostics } = loadDossier(process.cwd());
    if (diagnostics.some((d) => d.severity === 'error')) throw new ContentError(diagnostics);
    const collections = buildCollections(dossier);
    shareSearchRecords(collections.claims.map((c) => claimSearchRecord(c)));
    return collections;
  });
  return cached;
}

/** A loader for one of the dossier's collections. */
export function dossierLoader(collection: keyof DossierCollections): Loader {
  return {
    name: `backchannel-${collection}`,
    load: async ({ store, refreshContextData }) => {
      const fresh = refreshContextData?.['views'] as DossierCollections | undefined;
      if (fresh) cached = Promise.resolve(fresh);
      const all = await views();
      store.clear();
      for (const entry of all[collection]) {
        const id = 'slug' in entry ? entry.slug : entry.id;
        store.set({ id, data: stored(collection, entry) as Record<string, unknown> });
      }
    },
  };
}
