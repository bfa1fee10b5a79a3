/**
 * Denied claims grouped by the denial they cite: several pages report one allegation and cite one spokesperson's
 * denial, so a list of denied claims repeats each denial many times (25 claims, 5 denials). Claims whose denying
 * citations share a paragraph of a source answer the same denial.
 */
import type { ClaimSummary } from '../lib/views/reference-view.ts';

type Denial = ClaimSummary['denials'][number];

export interface DenialGroup {
  /** The denial's passages, the one most claims cite first; each source paragraph once. */
  denials: Denial[];
  /** The claims it answers, in the order given. */
  claims: ClaimSummary[];
}

/** The denied claims of `claims` grouped by denial, the group answering most claims first; claims citing no denial alone. */
export function groupDenials(claims: readonly ClaimSummary[]): DenialGroup[] {
  const parent = new Map<string, string>();
  const root = (key: string): string => {
    if (!parent.has(key)) parent.set(key, key);
    let at = key;
    while (parent.get(at) !== at) at = parent.get(at)!;
    return at;
  };
  const keysOf = (c: ClaimSummary) => c.denials.flatMap((d) => d.paragraphs.map((p) => `${d.source}#${p}`));
  // Claims that share a denied paragraph, directly or through another claim, are one group.
  for (const c of claims) {
    const [first, ...rest] = keysOf(c);
    if (!first) continue;
    root(first);
    for (const k of rest) parent.set(root(k), root(first));
  }
  const groups = new Map<string, DenialGroup>();
  for (const c of claims) {
    const first = keysOf(c)[0];
    const key = first ? root(first) : `claim:${c.id}`;
    const group = groups.get(key) ?? { denials: [], claims: [] };
    group.claims.push(c);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    const cited = new Map<string, { denial: Denial; claims: number }>();
    for (const c of group.claims)
      for (const d of c.denials) {
        const key = `${d.source}#${d.paragraphs.join(',')}`;
        const known = cited.get(key);
        if (known) known.claims++;
        else cited.set(key, { denial: d, claims: 1 });
      }
    group.denials = [...cited.values()].sort((a, b) => b.claims - a.claims).map((x) => x.denial);
  }
  return [...groups.values()].sort((a, b) => b.claims.length - a.claims.length);
}
