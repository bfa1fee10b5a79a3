/** Walk a content MDX tree once: enforce the safety rules and collect claims, citations and links. */
import type { Root, Nodes, Parent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement, MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { closest } from 'fastest-levenshtein';
import type { Position, Reporter } from '../diagnostics.ts';
import { countWords } from '../normalize.ts';
import {
  CLAIM_ID,
  MAX_CLAIMS_PER_PAGE,
  MAX_QUOTE_CHARS,
  MIN_QUOTE_WORDS,
  claimStatuses,
  componentAttributes,
  stances,
  type ClaimStatus,
  type Stance,
} from './content-rules.ts';

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export interface CiteDraft {
  node: JsxElement;
  source: string;
  quote: string;
  stance: Stance;
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
  text: string;
  at: Position;
  cites: CiteDraft[];
}

export interface LinkDraft {
  url: string;
  at: Position;
  /** Claim the link sits in, if any. */
  claim?: string;
  /** Text of the paragraph around the link. */
  context: string;
}

export interface WalkResult {
  claims: ClaimDraft[];
  links: LinkDraft[];
}

const pos = (node: { position?: { start: { line: number; column: number } } | undefined }): Position => ({
  line: node.position?.start.line ?? 1,
  column: node.position?.start.column ?? 1,
});

function attributeMap(node: JsxElement, reporter: Reporter): Map<string, { value: string; at: Position }> {
  const allowed = componentAttributes[node.name ?? ''] ?? [];
  const map = new Map<string, { value: string; at: Position }>();
  for (const attr of node.attributes) {
    if (attr.type === 'mdxJsxExpressionAttribute') {
      reporter.error(
        'mdx-expression',
        `Spread attribute \`{${attr.value}}\` on <${node.name}> is not allowed`,
        pos(attr.position ? attr : node),
        'Write each attribute as name="text".',
      );
      continue;
    }
    const at = pos((attr as MdxJsxAttribute).position ? attr : node);
    if (/^on/i.test(attr.name) || attr.name === 'style') {
      reporter.error(
        'unsafe-attribute',
        `Attribute \`${attr.name}\` on <${node.name}> is not allowed`,
        at,
        'Content cannot carry event handlers or inline styles; remove it.',
      );
      continue;
    }
    if (!allowed.includes(attr.name)) {
      reporter.error(
        'unknown-attribute',
        `Unknown attribute \`${attr.name}\` on <${node.name}>`,
        at,
        `<${node.name}> takes ${allowed.map((a) => `\`${a}\``).join(', ')}${allowed.length ? `; did you mean \`${closest(attr.name, [...allowed])}\`?` : '.'}`,
      );
      continue;
    }
    if (attr.value === null || attr.value === undefined) {
      reporter.error('attribute-value', `Attribute \`${attr.name}\` on <${node.name}> has no value`, at, `Write ${attr.name}="…".`);
      continue;
    }
    if (typeof attr.value !== 'string') {
      reporter.error(
        'mdx-expression',
        `Expression \`{${attr.value.value}}\` in attribute \`${attr.name}\` is not allowed`,
        at,
        `Write ${attr.name}="…" with plain text.`,
      );
      continue;
    }
    map.set(attr.name, { value: attr.value, at });
  }
  return map;
}

/** Walk `tree`, reporting rule violations to `reporter`. */
export function walkContent(tree: Root, reporter: Reporter): WalkResult {
  const claims: ClaimDraft[] = [];
  const links: LinkDraft[] = [];

  const visit = (node: Nodes, claim: ClaimDraft | undefined, paragraph: string): void => {
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
        links.push({ url: node.url, at: pos(node), ...(claim ? { claim: claim.id } : {}), context: paragraph });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        visitElement(node, claim, paragraph);
        return;
      default:
        break;
    }
    if ('children' in node) {
      const text =
        node.type === 'paragraph' || node.type === 'listItem' || node.type === 'tableCell'
          ? toString(node).replace(/\s+/g, ' ').trim()
          : paragraph;
      for (const child of (node as Parent).children) visit(child as Nodes, claim, text);
    }
  };

  const visitElement = (node: JsxElement, claim: ClaimDraft | undefined, _paragraph: string): void => {
    const at = pos(node);
    if (node.name === null) {
      reporter.error(
        'unknown-component',
        'A fragment (<>…</>) is not allowed in content',
        at,
        'Remove the fragment; use <Claim> or plain Markdown.',
      );
      return;
    }
    if (!(node.name in componentAttributes)) {
      if (/^[a-z]/.test(node.name)) {
        reporter.error(
          'raw-html',
          `Raw HTML element <${node.name}> is not allowed in content`,
          at,
          /^(script|style|iframe|object|embed)$/i.test(node.name)
            ? 'Content cannot run code or embed other pages; remove it.'
            : 'Use Markdown for formatting (**bold**, _italic_, lists, links).',
        );
      } else {
        reporter.error(
          'unknown-component',
          `Unknown component <${node.name}>`,
          at,
          `Only <Claim> and <Cite> are allowed; did you mean <${closest(node.name, Object.keys(componentAttributes))}>?`,
        );
      }
      return;
    }
    const attrs = attributeMap(node, reporter);
    if (node.name === 'Cite') {
      if (node.children.length > 0)
        reporter.error(
          'cite-children',
          '<Cite> must be self-closing',
          at,
          'Write <Cite source="…" quote="…" />; put your words in the surrounding <Claim>.',
        );
      if (!claim) {
        reporter.error(
          'cite-outside-claim',
          '<Cite> is outside a <Claim>',
          at,
          'Wrap the sentence and its <Cite> in <Claim id="…" status="…">…</Claim>.',
        );
        return;
      }
      const source = attrs.get('source');
      const quote = attrs.get('quote');
      const stance = attrs.get('stance');
      if (!source)
        reporter.error('cite-missing-source', '<Cite> has no `source`', at, 'Add source="<slug>" naming a file in content/sources/.');
      if (!quote || quote.value.trim() === '')
        reporter.error(
          'quote-empty',
          '<Cite> has no `quote` or it is empty',
          quote?.at ?? at,
          'Add quote="…" with at least 4 words copied from the source.',
        );
      else if (countWords(quote.value) < MIN_QUOTE_WORDS)
        reporter.error(
          'quote-too-short',
          `Quote “${quote.value}” has fewer than ${MIN_QUOTE_WORDS} words`,
          quote.at,
          'Quote at least 4 consecutive words so the passage is unambiguous.',
        );
      else if (quote.value.length > MAX_QUOTE_CHARS)
        reporter.error(
          'quote-too-long',
          `Quote is ${quote.value.length} characters long (limit ${MAX_QUOTE_CHARS})`,
          quote.at,
          'Quote the sentence that supports the claim, or elide with … between parts.',
        );
      if (stance && !(stances as readonly string[]).includes(stance.value))
        reporter.error(
          'unknown-stance',
          `Unknown stance \`${stance.value}\``,
          stance.at,
          `Use one of: ${stances.join(', ')} (default supports); did you mean \`${closest(stance.value, [...stances])}\`?`,
        );
      if (source && quote && quote.value.trim() !== '') {
        claim.cites.push({
          node,
          source: source.value.trim(),
          quote: quote.value,
          stance: (stance?.value as Stance) ?? 'supports',
          at,
          sourceAt: source.at,
          quoteAt: quote.at,
        });
      }
      return;
    }
    // <Claim>
    if (claim) {
      reporter.error(
        'claim-nested',
        `<Claim> is nested inside claim \`${claim.id}\``,
        at,
        'Close the outer claim first; claims cannot contain claims.',
      );
      return;
    }
    const id = attrs.get('id');
    const status = attrs.get('status');
    if (!id)
      reporter.error(
        'claim-missing-id',
        '<Claim> has no `id`',
        at,
        'Add id="kebab-case-id", unique across the site; it becomes the permalink /claims/<id>/.',
      );
    else if (!CLAIM_ID.test(id.value))
      reporter.error(
        'claim-id-format',
        `Claim id \`${id.value}\` is not kebab-case`,
        id.at,
        `Use lower-case letters, digits and single hyphens, e.g. \`${
          id.value
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '') || 'witkoff-met-macron'
        }\`.`,
      );
    if (!status)
      reporter.error('claim-missing-status', '<Claim> has no `status`', at, `Add status="…", one of: ${claimStatuses.join(', ')}.`);
    else if (!(claimStatuses as readonly string[]).includes(status.value))
      reporter.error(
        'unknown-status',
        `Unknown status \`${status.value}\``,
        status.at,
        `Use one of: ${claimStatuses.join(', ')}; did you mean \`${closest(status.value, [...claimStatuses])}\`?`,
      );
    const about = attrs.get('about');
    const speaker = attrs.get('speaker');
    const draft: ClaimDraft = {
      node,
      id: id?.value ?? '',
      status: (status?.value ?? 'reported') as ClaimStatus,
      about: (about?.value ?? '')
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((slug) => ({ slug, at: about!.at })),
      ...(speaker ? { speaker: { slug: speaker.value.trim(), at: speaker.at } } : {}),
      text: toString(node).replace(/\s+/g, ' ').trim(),
      at,
      cites: [],
    };
    for (const child of node.children) visit(child as Nodes, draft, draft.text);
    if (draft.text === '')
      reporter.error('claim-empty', `Claim \`${draft.id}\` has no text`, at, 'Write the claim as one or more sentences before its <Cite>.');
    // A Cite that failed its own checks already reported why; only a claim with no Cite at all is flagged here.
    if (draft.cites.length === 0 && !hasCiteDescendant(node)) {
      reporter.error(
        'claim-without-cite',
        `Claim \`${draft.id}\` has no <Cite>`,
        at,
        'Every claim needs at least one <Cite source="…" quote="…" /> that supports it.',
      );
    }
    // A claim whose id or status is wrong has been reported; keeping it would publish a broken permalink or label.
    if (id && CLAIM_ID.test(id.value) && status && (claimStatuses as readonly string[]).includes(status.value)) claims.push(draft);
  };

  for (const child of tree.children) visit(child as Nodes, undefined, '');
  if (claims.length > MAX_CLAIMS_PER_PAGE)
    reporter.error(
      'too-many-claims',
      `Page has ${claims.length} claims (limit ${MAX_CLAIMS_PER_PAGE})`,
      claims[MAX_CLAIMS_PER_PAGE]!.at,
      'Split the page: one person or episode per file.',
    );
  return { claims, links };
}

function hasCiteDescendant(node: Nodes): boolean {
  if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Cite') return true;
  return 'children' in node && (node as Parent).children.some((c) => hasCiteDescendant(c as Nodes));
}
