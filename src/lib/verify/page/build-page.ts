/** The last step: render the page and its claims (when asked) and put the verified page together. */
import { pageKey, pageUrl, type Claim, type ClaimId, type PageBase } from '../../model.ts';
import { citationMarkHtml, renderClaimBody, renderContent, type RenderContext } from '../../pages/render-content.ts';
import type { PageCollection } from '../../pages/page-schemas.ts';
import type { PageCollectionSpec } from '../collections.ts';
import type { PageState, ProcessedPage } from './page-state.ts';

/** The claims of the page, each with its citations, people and origins, rendered when the options say so. */
function buildClaims<M>(state: PageState<M>, ctx: RenderContext, subjects: readonly string[]): Claim[] {
  const { input, site, options } = state;
  return state.walked.claims.map((draft) => {
    state.cursor.at = draft.at;
    const citations = state.citationsOf.get(draft)!;
    return {
      id: draft.id as ClaimId,
      status: draft.status,
      about: [...new Set([...subjects, ...draft.about.map((a) => a.slug)])],
      ...(draft.speaker ? { speaker: draft.speaker.slug } : {}),
      text: draft.text,
      html: options.render ? renderClaimBody(draft.node, ctx) : '',
      page: pageKey(input.collection, input.slug),
      pageUrl: ctx.pageUrl,
      file: input.file,
      line: draft.at.line,
      column: draft.at.column,
      citations,
      ...site.originsOf(citations),
      // Declared ties; the assembly adds the ties other claims declare to this one (derive-graph.ts).
      corroborates: [...new Set(draft.corroborates.map((t) => t.id as ClaimId))],
    };
  });
}

/** Put the page together from a verified state and what its collection's rules derived. */
export function buildPage<C extends PageCollection, M extends { summary: string }, X>(
  state: PageState<M>,
  spec: PageCollectionSpec<C, M, X>,
  meta: M,
  derived: X,
  result: ProcessedPage,
): void {
  const { input, site, options } = state;
  const url = pageUrl(input.collection, input.slug);
  const ctx: RenderContext = {
    pageUrl: url,
    base: options.base,
    citationFor: (node) => state.citationByNode.get(node),
    claimFor: (node) => state.claimByNode.get(node),
    sourceNameOf: site.sourceNameOf,
  };
  delete state.cursor.at; // rendering is the whole page's
  const { html, headings } = options.render ? renderContent(state.tree, ctx) : { html: '', headings: [] };
  result.claims = buildClaims(state, ctx, spec.subjects(input.slug));
  const factHtml = options.render
    ? Object.fromEntries(
        Object.entries(state.facts).map(([key, c]) => [key, citationMarkHtml(c, site.sourceNameOf(c.source), options.base)]),
      )
    : {};
  const base: PageBase = {
    key: pageKey(input.collection, input.slug),
    slug: input.slug,
    url,
    file: input.file,
    html,
    headings,
    claims: result.claims.map((c) => c.id),
    references: state.references,
    facts: state.facts,
    factHtml,
    description: meta.summary,
  };
  result.page = spec.page(base, meta, derived);
}
