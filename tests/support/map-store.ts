/**
 * The part of Astro's scoped data store the dossier loader uses, over a Map of each entry's id to its data. No
 * `clear`: in Astro it also has the sync wait for the import lists to be written, so the loader must not call it.
 */
export function mapStore(entries: Map<string, object>) {
  return {
    keys: () => [...entries.keys()],
    delete: (id: string) => void entries.delete(id),
    set: ({ id, data }: { id: string; data: object }) => (entries.set(id, data), true),
  };
}
