/** The rules of a <Claim>: not nested, a kebab-case id of its own, a known status, text and at least one <Cite>. */
import type { Nodes } from 'mdast';
import { closest } from 'fastest-levenshtein';
import { clip, type Position, type Reporter } from '../../diagnostics.ts';
import { CLAIM_ID, RESERVED_ID, claimStatuses, type ClaimStatus } from '../content-rules.ts';
import { flatText, pos, visit, type ClaimDraft, type JsxElement, type WalkContext, type WalkState } from '../walk-content.ts';
import { attributeMap } from './jsx-attributes.ts';

/** Check a <Claim>, walk its content, and keep it when its id and status are usable. */
export function visitClaim(state: WalkState, node: JsxElement, ctx: WalkContext): void {
  const { reporter } = state;
  const at = pos(node);
  const attrs = attributeMap(node, reporter);
  if (ctx.claim) {
    reporter.error(
      'claim-nested',
      `<Claim> is nested inside claim \`${ctx.claim.id}\``,
      at,
      'Close the outer claim first; claims cannot contain claims.',
    );
    return;
  }
  const idUsable = checkId(attrs.get('id'), at, reporter);
  const statusUsable = checkStatus(attrs.get('status'), at, reporter);
  const about = attrs.get('about');
  const speaker = attrs.get('speaker');
  const corroborates = attrs.get('corroborates');
  const draft: ClaimDraft = {
    node,
    id: attrs.get('id')?.value ?? '',
    status: (attrs.get('status')?.value ?? 'reported') as ClaimStatus,
    about: (about?.value ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((slug) => ({ slug, at: about!.at })),
    ...(speaker ? { speaker: { slug: speaker.value.trim(), at: speaker.at } } : {}),
    corroborates: (corroborates?.value ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((id) => ({ id, at: corroborates!.at })),
    text: flatText(node),
    at,
    cites: [],
  };
  for (const child of node.children) visit(state, child as Nodes, { claim: draft, paragraph: draft.text, inLink: ctx.inLink });
  if (draft.text === '')
    reporter.error('claim-empty', `Claim \`${draft.id}\` has no text`, at, 'Write the claim as one or more sentences before its <Cite>.');
  // A Cite that failed its own checks already reported why; only a claim with no Cite at all is flagged here.
  if (draft.cites.length === 0 && !hasCite(node)) {
    reporter.error(
      'claim-without-cite',
      `Claim \`${draft.id}\` has no <Cite>`,
      at,
      'Every claim needs at least one <Cite source="…" quote="…" /> that supports it.',
    );
  }
  // A claim whose id or status is wrong has been reported; keeping it would publish a broken permalink or label.
  if (idUsable && statusUsable) state.claims.push(draft);
}

/** The id is there, kebab-case, and not one the site uses for its own elements. */
function checkId(id: { value: string; at: Position } | undefined, at: Position, reporter: Reporter): boolean {
  if (!id) {
    reporter.error(
      'claim-missing-id',
      '<Claim> has no `id`',
      at,
      'Add id="kebab-case-id", unique across the site; it becomes the permalink /claims/<id>/.',
    );
    return false;
  }
  if (!CLAIM_ID.test(id.value)) {
    const suggestion = id.value
      .slice(0, 80)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    reporter.error(
      'claim-id-format',
      `Claim id \`${clip(id.value)}\` is not kebab-case`,
      id.at,
      `Use lower-case letters, digits and single hyphens, e.g. \`${suggestion || 'envoy-met-minister'}\`.`,
    );
    return false;
  }
  if (RESERVED_ID.test(id.value)) {
    reporter.error(
      'reserved-id',
      `Claim id \`${clip(id.value)}\` is one the site uses for its own elements`,
      id.at,
      'Ids of the form ref-N, cite-N, citation-N, p-N, claim-… and citation-…, and `bcstamp-template`, are taken: describe the claim instead, e.g. `envoy-met-minister`.',
    );
    return false;
  }
  return true;
}

/** The status is there and one of the five. */
function checkStatus(status: { value: string; at: Position } | undefined, at: Position, reporter: Reporter): boolean {
  if (!status) {
    reporter.error('claim-missing-status', '<Claim> has no `status`', at, `Add status="…", one of: ${claimStatuses.join(', ')}.`);
    return false;
  }
  if (!(claimStatuses as readonly string[]).includes(status.value)) {
    reporter.error(
      'unknown-status',
      `Unknown status \`${clip(status.value)}\``,
      status.at,
      `Use one of: ${claimStatuses.join(', ')}; did you mean \`${closest(status.value.slice(0, 40), [...claimStatuses])}\`?`,
    );
    return false;
  }
  return true;
}

/** Whether `node` holds a <Cite> anywhere below it. Iterative: a hostile page can nest thousands of elements. */
function hasCite(node: Nodes): boolean {
  const stack: Nodes[] = [node];
  for (let current = stack.pop(); current; current = stack.pop()) {
    if ((current.type === 'mdxJsxFlowElement' || current.type === 'mdxJsxTextElement') && current.name === 'Cite') return true;
    if ('children' in current) stack.push(...(current.children as Nodes[]));
  }
  return false;
}
