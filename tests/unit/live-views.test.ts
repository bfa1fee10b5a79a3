/**
 * The views as `astro dev` stores them (live-views.ts): each entry names a view held in memory, each refresh's views
 * are one generation, and a page reads the very objects the views step built.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dossierLoader } from '../../src/integrations/dossier-loader.ts';
import { COLLECTION_NAMES } from '../../src/integrations/views-file.ts';
import { loadDossier } from '../../src/lib/read-content.ts';
import { buildCollections, type DossierCollections } from '../../src/lib/views/collections.ts';
import { liveViews, serveLiveViews, storesLiveViews, type LiveView } from '../../src/lib/views/live-views.ts';
import { unpackView } from '../../src/lib/views/packed-view.ts';
import { mapStore } from '../support/map-store.ts';

const { dossier } = loadDossier(process.cwd());
const fresh = (): DossierCollections => buildCollections(dossier);
const REGISTRY = Symbol.for('backchannel.liveViews');
afterEach(() => delete (globalThis as Record<symbol, unknown>)[REGISTRY]);

describe('live views', () => {
  it('are off unless the dev server turns them on', () => {
    expect(storesLiveViews()).toBe(false);
    expect(() => liveViews(fresh(), 'people')).toThrow(/only under `astro dev`/);
    // A plain object stored in a build is never taken for a reference, whatever its fields.
    const lookalike = { live: 1, collection: 'people', index: 0 };
    expect(unpackView(lookalike)).toBe(lookalike);
    serveLiveViews();
    expect(storesLiveViews()).toBe(true);
  });

  it('name each view, which reads back as the same object', () => {
    serveLiveViews();
    const views = fresh();
    for (const name of COLLECTION_NAMES) {
      const stored = liveViews(views, name);
      expect(stored).toHaveLength(views[name].length);
      // Small and JSON-safe: Astro writes its store to a file on every refresh.
      expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
      stored.forEach((data, i) => expect(unpackView(data)).toBe(views[name][i]));
    }
  });

  it('give one generation per refresh, whatever the collection, and keep the last three', () => {
    serveLiveViews();
    const first = fresh();
    const generation = liveViews(first, 'people')[0]!.live;
    expect(liveViews(first, 'claims')[0]!.live).toBe(generation);
    const later = [fresh(), fresh()].map((views) => liveViews(views, 'people')[0]!);
    expect(later.map((v) => v.live)).toEqual([generation + 1, generation + 2]);
    const kept: LiveView = { live: generation, collection: 'people', index: 0 };
    expect(unpackView(kept)).toBe(first.people[0]);
    liveViews(fresh(), 'people');
    expect(() => unpackView(kept)).toThrow(/no longer holds: reload the page/);
  });

  it('are what the loader stores for the views a refresh hands it, replacing what was there', async () => {
    serveLiveViews();
    const views = fresh();
    const entries = new Map<string, object>([['a-page-since-deleted', { stale: true }]]);
    await dossierLoader('episodes').load({ store: mapStore(entries), refreshContextData: { views } } as never);
    expect([...entries.keys()]).toEqual(views.episodes.map((e) => e.slug));
    expect([...entries.values()].map((data) => unpackView(data))).toEqual(views.episodes);
    expect(unpackView([...entries.values()][0]!)).toBe(views.episodes[0]);
  });
});
