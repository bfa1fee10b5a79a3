/**
 * How the views sit in Astro's content-layer store under `astro dev`: each entry's data names its view in this
 * process's memory instead of holding it.
 *
 * The dev server runs the loaders and renders the pages in one process, and refreshes the store on every content
 * edit. Packing the views (packed-view.ts) costs every edit a `JSON.stringify` and a compression of all of them, a
 * store file write, and the page a decompression and a `JSON.parse` of whole collections: ~1.3 s of the ~2 s an edit
 * took to show on a 1,000-page dossier. Here an edit stores a few thousand small references (`{ live, collection,
 * index }`) and the page reads the very objects the views step built.
 *
 * Only `astro dev` turns this on ({@link serveLiveViews}); a build stores packed views, which a later build or
 * another process can read from the store file.
 */
import type { DossierCollections } from './collections.ts';

/** A view as stored under `astro dev`: which generation of views, which collection, which entry. */
export interface LiveView {
  live: number;
  collection: keyof DossierCollections;
  index: number;
}

interface Registry {
  /** The latest generations of views, by number: a page that started on one generation finishes on it. */
  generations: Map<number, DossierCollections>;
  next: number;
}

/** Shared through the global object: Astro evaluates the content config and the pages' modules again on edits. */
const REGISTRY = Symbol.for('backchannel.liveViews');
/** How many generations stay readable: enough for a request that began two refreshes ago. */
const KEPT = 3;

const registry = () => (globalThis as Record<symbol, Registry | undefined>)[REGISTRY];

/** Turn live views on in this process (the dev integration does, for `astro dev` only). */
export function serveLiveViews(): void {
  (globalThis as Record<symbol, Registry | undefined>)[REGISTRY] ??= { generations: new Map(), next: 1 };
}

/** Whether the loaders store live views in this process. */
export const storesLiveViews = (): boolean => registry() !== undefined;

/**
 * The store data for each entry of `collection` in `views`. Each distinct `views` object is one generation, however
 * many collections' loaders ask for it.
 */
export function liveViews(views: DossierCollections, collection: keyof DossierCollections): LiveView[] {
  const live = registry();
  if (!live) throw new Error('liveViews: live views are on only under `astro dev` (serveLiveViews)');
  let number = [...live.generations].find(([, held]) => held === views)?.[0];
  if (number === undefined) {
    number = live.next++;
    live.generations.set(number, views);
    for (const old of live.generations.keys()) if (old <= number - KEPT) live.generations.delete(old);
  }
  return views[collection].map((_, index) => ({ live: number, collection, index }));
}

/** Whether store data names a live view: only ever in a process that serves them (a view may have a `live` field). */
export const isLiveView = (data: object): data is LiveView =>
  storesLiveViews() && typeof (data as Partial<LiveView>).live === 'number' && typeof (data as Partial<LiveView>).index === 'number';

/** The view that live store data names. */
export function liveView<T>(data: LiveView): T {
  const views = registry()?.generations.get(data.live);
  const view = views?.[data.collection][data.index];
  if (view === undefined)
    throw new Error(
      `The content store names views (generation ${data.live}) this process no longer holds: reload the page, or restart \`astro dev\` if it persists.`,
    );
  return view as T;
}
