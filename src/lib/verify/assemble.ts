/**
 * Cross-file rules and the graph: processed pages are put together in file order (however they were processed),
 * a claim id two claims use is reported at the newcomer, and the graph is derived once.
 */
import { closest } from 'fastest-levenshtein';
import { clip, Reporter, type Diagnostic } from '../diagnostics.ts';
import type { Claim, ClaimId, Dossier, Mention, Page, PageKey, SourceSlug } from '../model.ts';
import type { Source } from '../sources/parse-source.ts';
import { claimIntroductions } from './claim-history.ts';
import { deriveGraph } from './derive-graph.ts';
import type { ClaimLink, ClaimTie, ProcessedPage } from './page/page-state.ts';

/** Where claims come from, for the duplicate rule: the project root (for git), or none to go by file order alone. */
export type ClaimHistory = { root: string } | undefined;

/** The error for a claim id used a second time, pointing at the claim that keeps it. */
export function duplicateClaimId(claim: Claim, first: { file: string; line: number; column: number }, byHistory = false): Diagnostic {
  return {
    file: claim.file,
    line: claim.line,
    column: claim.column,
    severity: 'error',
    message: `Claim id \`${claim.id}\` is already used`,
    rule: 'duplicate-claim-id',
    hint: `First used at ${first.file}:${first.line}:${first.column}${byHistory ? ', committed before this one' : ''}. Claim ids are permalinks: keep that one, and give this claim a new, unique id.`,
  };
}

/** The error for a link to a claim permalink no page has. */
function brokenClaimLink(link: ClaimLink, claims: ReadonlyMap<ClaimId, Claim>): Diagnostic {
  const reporter = new Reporter(link.file);
  const ids = [...claims.keys()];
  reporter.error(
    'broken-link',
    `Link to \`${clip(link.url)}\` does not lead to a page of this site`,
    link.at,
    ids.length > 0 ? `Did you mean \`/claims/${closest(link.id.slice(0, 100), ids)}/\`?` : 'This site has no claims yet.',
  );
  return reporter.diagnostics[0]!;
}

/**
 * The errors and warnings of a claim's tie to another (`corroborates`): the other claim must exist and not be itself,
 * and a tie to a claim of exactly the same origins corroborates nothing (`corroboration-same-origin`, a warning).
 */
function checkTie(tie: ClaimTie, claims: ReadonlyMap<ClaimId, Claim>): Diagnostic[] {
  const reporter = new Reporter(tie.file);
  const other = claims.get(tie.id as ClaimId);
  const self = claims.get(tie.from as ClaimId);
  if (tie.id === tie.from)
    reporter.error(
      'corroborates-unknown-claim',
      `Claim \`${clip(tie.from)}\` lists itself in \`corroborates\``,
      tie.at,
      'List the ids of other claims that report the same fact from other origins.',
    );
  else if (!other) {
    const ids = [...claims.keys()];
    reporter.error(
      'corroborates-unknown-claim',
      `Claim \`${clip(tie.from)}\` corroborates \`${clip(tie.id)}\`, which no page has`,
      tie.at,
      ids.length > 0
        ? `Did you mean \`${closest(tie.id.slice(0, 100), ids)}\`? List claim ids separated by spaces.`
        : 'This site has no other claims yet.',
    );
  } else if (self) {
    const keys = (c: Claim) =>
      c.origins
        .map((o) => o.key)
        .sort()
        .join('\n');
    if (keys(self) === keys(other) && self.origins.length > 0)
      reporter.warn(
        'corroboration-same-origin',
        `Claim \`${clip(tie.from)}\` and \`${clip(tie.id)}\` have the same origins (${self.origins.map((o) => o.name).join(', ')}): the tie corroborates nothing`,
        tie.at,
        'Tie a claim to claims from other origins that report the same fact; claims of one origin are the same report, and belong in one claim.',
      );
  }
  return reporter.diagnostics;
}

/** For each claim id, the claim that keeps it: the one introduced first (by git), else the first in file order. */
function keepers(claims: readonly Claim[], history: ClaimHistory): { keeper: Map<ClaimId, Claim>; time: (c: Claim) => number } {
  const groups = new Map<ClaimId, Claim[]>();
  for (const claim of claims) {
    const group = groups.get(claim.id);
    if (group) group.push(claim);
    else groups.set(claim.id, [claim]);
  }
  const shared = [...groups.values()].filter((g) => g.length > 1);
  const uses = shared.flatMap((g) => [...new Set(g.map((c) => c.file))].map((file) => ({ file, id: g[0]!.id as string })));
  const times = history && uses.length > 0 ? claimIntroductions(history.root, uses) : new Map<string, number>();
  const time = (c: Claim) => times.get(`${c.file}\0${c.id}`) ?? Infinity;
  const keeper = new Map<ClaimId, Claim>();
  for (const [id, group] of groups)
    keeper.set(
      id,
      group.reduce((best, c) => (time(c) < time(best) ? c : best)),
    );
  return { keeper, time };
}

/**
 * Put processed pages together in file order and derive the graph. Each page's diagnostics are followed by the
 * duplicate-claim-id errors of its claims, so the order is the same however the pages were processed.
 */
export function assembleDossier(
  sources: Map<SourceSlug, Source>,
  processed: readonly ProcessedPage[],
  diagnostics: Diagnostic[],
  history: ClaimHistory = undefined,
): { dossier: Dossier; diagnostics: Diagnostic[] } {
  const pages = new Map<PageKey, Page>();
  const mentions: Mention[] = [];
  const { keeper, time } = keepers(
    processed.flatMap((p) => p.claims),
    history,
  );
  const claims = new Map<ClaimId, Claim>();
  for (const result of processed) for (const claim of result.claims) if (!claims.has(claim.id)) claims.set(claim.id, keeper.get(claim.id)!);
  for (const result of processed) {
    diagnostics.push(...result.diagnostics);
    if (result.page) pages.set(result.page.key, result.page);
    mentions.push(...result.mentions);
    for (const claim of result.claims) {
      const keep = keeper.get(claim.id)!;
      if (keep !== claim) diagnostics.push(duplicateClaimId(claim, keep, time(keep) < time(claim)));
    }
    for (const link of result.claimLinks ?? []) if (!claims.has(link.id as ClaimId)) diagnostics.push(brokenClaimLink(link, claims));
    for (const tie of result.claimTies ?? []) diagnostics.push(...checkTie(tie, claims));
  }
  return { dossier: deriveGraph(sources, pages, claims, mentions), diagnostics };
}
