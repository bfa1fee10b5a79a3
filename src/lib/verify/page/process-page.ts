/**
 * One page's verification, the same for every collection: read, bound and parse it, walk it, resolve its citations,
 * check its references, its collection's own rules and its links, then build it. Each step is a named function;
 * the collection's descriptor (collections.ts) says what differs.
 */
import { hintBudget } from '../../claims/resolve-citation.ts';
import { Reporter, type Position } from '../../diagnostics.ts';
import { pageUrl } from '../../model.ts';
import type { PageCollection } from '../../pages/page-schemas.ts';
import { walkContent } from '../../pages/walk-content.ts';
import type { PageCollectionSpec } from '../collections.ts';
import { guard } from '../guard.ts';
import type { PageOptions } from '../options.ts';
import type { SiteIndex } from '../site-index.ts';
import { buildPage } from './build-page.ts';
import { resolveCites, resolveFacts } from './citations.ts';
import { checkLinks } from './links.ts';
import type { PageInput, PageState, ProcessedPage } from './page-state.ts';
import { readFrontmatter, readText, readTree } from './read-page.ts';
import { checkReferences } from './references.ts';
import { checkClaimStatuses } from './claim-rules.ts';

/** Verify one page of the collection `spec` describes. Any exception becomes a diagnostic of the page. */
export function processPageWith<C extends PageCollection, M extends { summary: string }, X>(
  spec: PageCollectionSpec<C, M, X>,
  input: PageInput,
  site: SiteIndex,
  options: PageOptions,
): ProcessedPage {
  const reporter = new Reporter(input.file);
  const result: ProcessedPage = { claims: [], mentions: [], diagnostics: reporter.diagnostics };
  const cursor: { at?: Position } = {};
  guard(
    reporter,
    () => verifyInto(spec, input, site, options, reporter, result, cursor),
    () => cursor.at,
  );
  // A page that crashed half-way keeps its diagnostics, never half a page.
  if (reporter.diagnostics.some((d) => d.rule === 'check-failed')) return { claims: [], mentions: [], diagnostics: reporter.diagnostics };
  return result;
}

function verifyInto<C extends PageCollection, M extends { summary: string }, X>(
  spec: PageCollectionSpec<C, M, X>,
  input: PageInput,
  site: SiteIndex,
  options: PageOptions,
  reporter: Reporter,
  result: ProcessedPage,
  cursor: { at?: Position },
): void {
  const read = readText(input, reporter);
  if (!read) return;
  const { frontmatter, meta } = readFrontmatter(read.split, spec, reporter, options);
  const tree = readTree(read.text, read.split, reporter, options);
  if (!tree) return;
  const state: PageState<M> = {
    input,
    site,
    options,
    reporter,
    ...read,
    ...(frontmatter ? { frontmatter } : {}),
    ...(meta ? { meta } : {}),
    tree,
    walked: walkContent(tree, reporter),
    references: [],
    facts: {},
    citationByNode: new Map(),
    claimByNode: new Map(),
    citationsOf: new Map(),
    mentions: result.mentions,
    claimLinks: [],
    hints: hintBudget(),
    cursor,
  };
  if (meta) resolveFacts(state, spec.facts(meta));
  resolveCites(state);
  checkClaimStatuses(state, meta !== undefined && (spec.sides?.(meta) ?? false));
  checkReferences(state, meta ? spec.references(meta) : []);
  const claims = state.walked.claims.map((d) => ({ id: d.id, status: d.status, at: d.at }));
  const derived =
    meta &&
    spec.derive(meta, {
      slug: state.input.slug,
      references: state.references,
      claims,
      locate: (path) => frontmatter!.locate(path),
      reporter,
    });
  checkLinks(state, pageUrl(input.collection, input.slug));
  if (state.claimLinks.length > 0) result.claimLinks = state.claimLinks;
  const ties = state.walked.claims.flatMap((d) => d.corroborates.map((t) => ({ file: input.file, from: d.id, id: t.id, at: t.at })));
  if (ties.length > 0) result.claimTies = ties;
  if (meta && derived !== undefined) buildPage(state, spec, meta, derived, result);
}
