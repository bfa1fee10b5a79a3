/** The part of Astro's scoped data store the dossier loader uses, over a Map of each entry's id to its data (no `clear`: it would
 * have Astro wait for its import lists to be written). */
export function mapStore(entries: Map<string, object>) {
  return {
    keys: () => [...entries.keys()],
    delete: (id: string) => void entries.delete(id),
    set: ({ id, data }: { id: string; data: object }) => (entries.set(id, data), true),
  };
}
