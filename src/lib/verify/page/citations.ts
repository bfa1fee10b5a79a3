/** Verify a page's citations in reference order: frontmatter facts first (they head the page), then each <Cite>. */
import { resolveCitation } from '../../claims/resolve-citation.ts';
import type { ClaimId } from '../../model.ts';
import type { FrontmatterFact } from '../collections.ts';
import type { PageState } from './page-state.ts';

/** Resolve the frontmatter facts into `state.facts` and `state.references`. */
export function resolveFacts<M>(state: PageState<M>, facts: readonly FrontmatterFact[]): void {
  const locate = state.frontmatter!.locate;
  for (const { key, fact, path } of facts) {
    state.cursor.at = locate(path);
    const citation = resolveCitation(
      {
        source: fact.source,
        quote: fact.quote,
        stance: 'supports',
        occurrence: fact.occurrence,
        sourceAt: locate([...path, 'source']),
        quoteAt: locate([...path, 'quote']),
        at: locate(path),
      },
      state.references.length + 1,
      null,
      state.site,
      state.reporter,
      state.hints,
    );
    if (citation) {
      state.facts[key] = citation;
      state.references.push(citation);
    }
  }
}

/** Resolve every claim's <Cite>s, numbering them after the facts in document order. */
export function resolveCites<M>(state: PageState<M>): void {
  for (const draft of state.walked.claims) {
    state.claimByNode.set(draft.node, { id: draft.id, status: draft.status });
    const citations = [];
    for (const cite of draft.cites) {
      state.cursor.at = cite.at;
      const citation = resolveCitation(cite, state.references.length + 1, draft.id as ClaimId, state.site, state.reporter, state.hints);
      if (citation) {
        state.citationByNode.set(cite.node, citation);
        state.references.push(citation);
        citations.push(citation);
      }
    }
    state.citationsOf.set(draft, citations);
  }
}
