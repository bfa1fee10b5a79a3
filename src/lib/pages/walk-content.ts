/**
 * Walk a content MDX tree once: enforce the safety rules and collect claims, citations and links. The tree's depth
 * is bounded before this runs (verify/page/tree-rules.ts), so the recursion is too.
 */
import type { Root, Nodes, Parent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import type { Position, Reporter } from '../diagnostics.ts';
import { MAX_CLAIMS_PER_PAGE, type ClaimStatus, type Stance } from './content-rules.ts';
import type { StatedCredit } from '../claims/attribute-citation.ts';
import { visitElement } from './walk/element.ts';

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export interface CiteDraft {
  node: JsxElement;
  source: string;
  quote: string;
  stance: Stance;
  /** Which occurrence of a quote found more than once to cite (1-based), when the author says. */
  occurrence?: number;
  /** The `credit` attribute, parsed. */
  credit?: StatedCredit;
  at: Position;
  sourceAt: Position;
  quoteAt: Position;
}

export interface ClaimDraft {
  node: JsxElement;
  id: string;
  status: ClaimStatus;
  about: { slug: string; at: Position }[];
  speaker?: { slug: string; at: Position };
  /** Claims it is tied to (`corroborates`): other origins reporting the same fact. */
  corroborates: { id: string; at: Position }[];
  text: string;
  at: Position;
  cites: CiteDraft[];
}

export interface LinkDraft {
  url: string;
  at: Position;
  /** A link, an image, or a link reference definition. */
  kind: 'link' | 'image' | 'definition';
  /** Claim the link sits in, if any. */
  claim?: string;
  /** Text of the paragraph around the link. */
  context: string;
}

export interface WalkResult {
  claims: ClaimDraft[];
  links: LinkDraft[];
}

/** Where the walk is: the claim around the node, the text of its paragraph, and whether a link encloses it. */
export interface WalkContext {
  claim: ClaimDraft | undefined;
  paragraph: string;
  inLink: boolean;
}

/** What the walk collects, and the reporter its rules report to. */
export interface WalkState extends WalkResult {
  reporter: Reporter;
}

export const pos = (node: { position?: { start: { line: number; column: number } } | undefined }): Position => ({
  line: node.position?.start.line ?? 1,
  column: node.position?.start.column ?? 1,
});

/** Plain text of a node, white space collapsed (a claim's or a paragraph's words). */
export const flatText = (node: Nodes): string => toString(node).replace(/\s+/g, ' ').trim();

/** Visit `node` and its descendants. */
export function visit(state: WalkState, node: Nodes, ctx: WalkContext): void {
  const { reporter } = state;
  switch (node.type) {
    case 'mdxjsEsm':
      reporter.error(
        'mdx-import-export',
        'import/export is not allowed in content',
        pos(node),
        'Content cannot run code. Remove the line; <Claim> and <Cite> need no import.',
      );
      return;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      reporter.error(
        'mdx-expression',
        `Expression \`{${node.value.trim().slice(0, 40)}}\` is not allowed in content`,
        pos(node),
        'Write the text itself. To show a literal brace, escape it as \\{.',
      );
      return;
    case 'html':
      reporter.error('raw-html', 'Raw HTML is not allowed in content', pos(node), 'Use Markdown instead.');
      return;
    case 'link':
    case 'image':
    case 'definition':
      state.links.push({
        url: node.url,
        at: pos(node),
        kind: node.type,
        ...(ctx.claim ? { claim: ctx.claim.id } : {}),
        context: ctx.paragraph,
      });
      break;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      visitElement(state, node, ctx);
      return;
    default:
      break;
  }
  if (!('children' in node)) return;
  const paragraph = node.type === 'paragraph' || node.type === 'listItem' || node.type === 'tableCell' ? flatText(node) : ctx.paragraph;
  const inLink = ctx.inLink || node.type === 'link' || node.type === 'linkReference';
  for (const child of (node as Parent).children) visit(state, child as Nodes, { claim: ctx.claim, paragraph, inLink });
}

/** Walk `tree`, reporting rule violations to `reporter`. */
export function walkContent(tree: Root, reporter: Reporter): WalkResult {
  const state: WalkState = { reporter, claims: [], links: [] };
  for (const child of tree.children) visit(state, child as Nodes, { claim: undefined, paragraph: '', inLink: false });
  if (state.claims.length > MAX_CLAIMS_PER_PAGE)
    reporter.error(
      'too-many-claims',
      `Page has ${state.claims.length} claims (limit ${MAX_CLAIMS_PER_PAGE})`,
      state.claims[MAX_CLAIMS_PER_PAGE]!.at,
      'Split the page: one person or episode per file.',
    );
  return { claims: state.claims, links: state.links };
}
