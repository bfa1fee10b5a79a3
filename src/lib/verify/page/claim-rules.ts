/**
 * Warnings about a claim whose status its citations do not bear out (statuses: docs/content-model.md):
 * - `denied-without-denial`: `denied`, and no citation is the denial (`stance="denies"`);
 * - `denied-by-unnamed`: `denied`, and no denial credits a named party (an unnamed official's rejection: `disputed`);
 * - `disputed-one-sided`: `disputed`, and every citation is one side from one origin (no denial, one origin), unless
 *   the claim is one side of a disagreement page whose claims, together, come from two origins or more;
 * - `on-record-unnamed`: `on-record`, and no supporting citation's chain names a person or an institution;
 * - `contradicted-without-contradiction`: `contradicted`, and no citation is the contradicting passage (`denies`),
 *   unless it is one side of a disagreement page whose claims come from two origins or more.
 * Ties between claims (`corroborates`) are kept for the assembly, which knows every claim (assemble.ts).
 */
import type { Citation, Origin } from '../../model.ts';
import type { ClaimDraft } from '../../pages/walk-content.ts';
import { stances } from '../../pages/content-rules.ts';
import type { PageState } from './page-state.ts';

/**
 * Whether a denial names who denies it: its chain ends in a named person, a record or an outlet, or, crediting no one,
 * it is the words of an identified publisher (an institution's own statement). Unnamed sources, or the uncredited
 * words of an unidentified page, name no one.
 */
const names = (c: Citation, publisherOf: (source: string) => string | null | undefined): boolean => {
  const last = c.attribution.credits.at(-1);
  return last ? last.kind !== 'unnamed' : !!publisherOf(c.source);
};

/** Check each claim's status against its citations; `sides`: the page's claims are the sides of one disagreement. */
export function checkClaimStatuses<M>(state: PageState<M>, sides: boolean): void {
  const { reporter, site } = state;
  const originsOf = new Map<ClaimDraft, Origin[]>();
  for (const draft of state.walked.claims) originsOf.set(draft, site.originsOf(state.citationsOf.get(draft) ?? []).origins);
  const pageOrigins = new Set([...originsOf.values()].flatMap((list) => list.map((o) => o.key)));
  for (const draft of state.walked.claims) {
    const citations = state.citationsOf.get(draft) ?? [];
    // A claim with no citation, or one whose stance is unknown (reported already), has nothing to check yet.
    if (citations.length === 0 || citations.some((c) => !(stances as readonly string[]).includes(c.stance))) continue;
    state.cursor.at = draft.at;
    const denials = citations.filter((c) => c.stance === 'denies');
    const id = draft.id;
    if (draft.status === 'denied' && denials.length === 0)
      reporter.warn(
        'denied-without-denial',
        `Claim \`${id}\` is \`denied\`, but none of its citations is the denial`,
        draft.at,
        'Cite the denial beside the allegation with stance="denies"; if no one denies it, the status is `reported`.',
      );
    else if (draft.status === 'denied' && !denials.some((c) => names(c, (slug) => site.sources.get(slug)?.meta.publisher)))
      reporter.warn(
        'denied-by-unnamed',
        `Claim \`${id}\` is \`denied\`, but its denial names no one: ${denials.map((c) => creditName(c)).join('; ')}`,
        denials[0]!.line ? { line: denials[0]!.line, column: denials[0]!.column } : draft.at,
        '`denied` needs a named person or institution denying it; a rejection by unnamed officials makes the claim `disputed`.',
      );
    if (draft.status === 'disputed' && denials.length === 0 && originsOf.get(draft)!.length < 2 && !(sides && pageOrigins.size >= 2))
      reporter.warn(
        'disputed-one-sided',
        `Claim \`${id}\` is \`disputed\`, but all its citations are one side, from one origin`,
        draft.at,
        'Cite the other side too: the passage that disputes it (stance="denies"), or the other origin’s account; if nothing disputes it, the status is `reported`.',
      );
    if (
      draft.status === 'on-record' &&
      !citations.some((c) => c.stance === 'supports' && c.attribution.credits.some((x) => x.kind === 'person'))
    )
      reporter.warn(
        'on-record-unnamed',
        `Claim \`${id}\` is \`on-record\`, but none of its citations names who said it`,
        draft.at,
        '`on-record` means a named person (or an institution such as the State Department) said it: cite the passage that names them, state it with credit="person: …", or use `reported`.',
      );
    if (draft.status === 'contradicted' && denials.length === 0 && !(sides && pageOrigins.size >= 2))
      reporter.warn(
        'contradicted-without-contradiction',
        `Claim \`${id}\` is \`contradicted\`, but none of its citations is the passage that contradicts it`,
        draft.at,
        'Cite the other source’s contradicting passage with stance="denies"; if the sources only differ in wording, the page is an observation (`observed`).',
      );
  }
}

const creditName = (c: Citation): string => (c.attribution.credits.at(-1)?.name ?? `${c.attribution.outlet}’s own words`).slice(0, 80);
