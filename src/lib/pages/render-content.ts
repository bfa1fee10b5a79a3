/** Render verified content mdast to HTML: claims as addressable blocks, citations as numbered marks. */
import type { Root, Nodes } from 'mdast';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { State } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import type { Citation, Heading } from '../model.ts';
import { ROOT_BASE, withBase, type UrlBase } from '../url-base.ts';
import { RESERVED_ID, TEMPLATE_IDS, statusLabels, type ClaimStatus } from './content-rules.ts';
import { resolveLink } from './links.ts';
import { onDemand } from '../on-demand.ts';

// Loaded when a page is first rendered: `npm run check` renders none.
const toHastModule = onDemand<typeof import('mdast-util-to-hast')>('mdast-util-to-hast');
const toHtmlModule = onDemand<typeof import('hast-util-to-html')>('hast-util-to-html');
const toHast: typeof import('mdast-util-to-hast').toHast = (tree, options) => toHastModule().toHast(tree, options);
const toHtml: typeof import('hast-util-to-html').toHtml = (tree, options) => toHtmlModule().toHtml(tree, options);

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export interface RenderContext {
  /** The page's base-free path, against which relative links resolve. */
  pageUrl: string;
  /** The URL base every site path in the HTML gets. */
  base: UrlBase;
  citationFor(node: JsxElement): Citation | undefined;
  claimFor(node: JsxElement): { id: string; status: ClaimStatus } | undefined;
  /** The name readers know a source by, for the reference marks' labels. */
  sourceNameOf(source: string): string;
}

/**
 * Slug for a heading id, stable and ASCII. A slug the site generates for its own elements (`ref-1`, `claim-…`: see
 * RESERVED_ID) becomes `section-…`, so a heading can never take the id of a reference or a claim. Pass the same
 * `next` for every heading of a page.
 */
export function headingId(text: string, taken: Set<string>, next: Map<string, number> = new Map()): string {
  const slug =
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'section';
  const base = RESERVED_ID.test(slug) ? `section-${slug}` : slug;
  let id = base;
  if (taken.has(id)) {
    // `next` remembers where the search for a free `base-N` stopped: 60,000 equal headings took minutes without it.
    let i = next.get(base) ?? 2;
    while (taken.has(`${base}-${i}`)) i++;
    id = `${base}-${i}`;
    next.set(base, i + 1);
  }
  taken.add(id);
  return id;
}

function el(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

const text = (value: string): ElementContent => ({ type: 'text', value });

/**
 * The reference mark for one citation: `[n]`, labelled for screen readers with the source's name ("Reference 3:
 * Translated retelling"). It links to the passage itself; its description is the entry in the references list,
 * which a small script also shows as a preview on hover and focus.
 */
export function citationMark(c: Citation, sourceName: string, base: UrlBase = ROOT_BASE): Element {
  const label = `Reference ${c.n}: ${sourceName}`;
  return el('sup', { className: ['cite'], id: `cite-${c.n}` }, [
    el(
      'a',
      { href: withBase(c.url, base), className: ['cite-link'], ariaLabel: label, ariaDescribedBy: [`ref-${c.n}`], dataStance: c.stance },
      [text(`[${c.n}]`)],
    ),
  ]);
}

/** HTML of a reference mark (for facts rendered outside the MDX body). */
export function citationMarkHtml(c: Citation, sourceName: string, base: UrlBase = ROOT_BASE): string {
  return toHtml(citationMark(c, sourceName, base));
}

function handlers(ctx: RenderContext, withCitations: boolean) {
  const jsx = (state: State, node: JsxElement): Element | undefined => {
    if (node.name === 'Cite') {
      const c = ctx.citationFor(node);
      return c && withCitations ? citationMark(c, ctx.sourceNameOf(c.source), ctx.base) : undefined;
    }
    const claim = ctx.claimFor(node);
    const children = state.all(node as unknown as Nodes) as ElementContent[];
    if (!claim || !withCitations) return el(node.type === 'mdxJsxFlowElement' ? 'div' : 'span', { className: ['claim-body'] }, children);
    const block = node.type === 'mdxJsxFlowElement';
    const badge = el(
      'a',
      {
        className: ['status', `status-${claim.status}`],
        href: withBase(`/claims/${claim.id}/`, ctx.base),
        title: `Claim status: ${statusLabels[claim.status]} — open the claim’s page`,
      },
      [text(statusLabels[claim.status])],
    );
    return el(
      block ? 'div' : 'span',
      { className: ['claim', block ? 'claim-block' : 'claim-inline'], id: `claim-${claim.id}`, dataStatus: claim.status },
      block ? [el('p', { className: ['claim-meta'] }, [badge]), ...children] : [badge, text(' '), ...children],
    );
  };
  return {
    mdxJsxFlowElement: jsx,
    mdxJsxTextElement: jsx,
    mdxjsEsm: () => undefined,
    mdxFlowExpression: () => undefined,
    mdxTextExpression: () => undefined,
    yaml: () => undefined,
  };
}

function hastText(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((c) => hastText(c as ElementContent)).join('') : '';
}

/** Post-process links and images: site paths under the base, external links marked and opened safely. */
function fixLinks(node: HastRoot | Element, ctx: RenderContext): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (
      child.tagName === 'a' &&
      typeof child.properties.href === 'string' &&
      !(child.properties.className as string[] | undefined)?.some((c) => c === 'cite-link' || c === 'status')
    ) {
      const link = resolveLink(child.properties.href, ctx.pageUrl);
      if (link.kind === 'internal')
        child.properties.href = `${withBase(link.path, ctx.base)}${link.query}${link.hash ? `#${link.hash}` : ''}`;
      else if (link.kind === 'external') Object.assign(child.properties, { rel: 'noopener noreferrer external', className: ['external'] });
      else child.properties.href = '#';
    }
    if (child.tagName === 'img' && typeof child.properties.src === 'string') {
      // The check allows only images of the site itself (verify/page/links.ts); an image is a file, not a page.
      const link = resolveLink(child.properties.src, ctx.pageUrl);
      child.properties.src = link.kind === 'internal' ? withBase(link.path.replace(/\/$/, ''), ctx.base) : '';
    }
    fixLinks(child, ctx);
  }
}

/** Render a content tree; headings get ids and are returned for a table of contents. */
export function renderContent(tree: Root, ctx: RenderContext): { html: string; headings: Heading[] } {
  const hast = toHast(tree, { handlers: handlers(ctx, true) as never }) as HastRoot;
  const headings: Heading[] = [];
  // Ids the page templates use themselves.
  const taken = new Set<string>(TEMPLATE_IDS);
  const next = new Map<string, number>();
  for (const node of hast.children) {
    if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) {
      // Content headings start at h2: the page title is the only h1.
      const depth = Math.max(2, Number(node.tagName[1]));
      node.tagName = `h${depth}`;
      const title = hastText(node).replace(/\s+/g, ' ').trim();
      const id = headingId(title, taken, next);
      node.properties.id = id;
      headings.push({ depth, text: title, id });
    }
  }
  fixLinks(hast, ctx);
  return { html: toHtml(hast), headings };
}

/** Render only a claim's words (no status badge, no citation marks) for indexes and permalinks. */
export function renderClaimBody(node: JsxElement, ctx: RenderContext): string {
  const root: Root = { type: 'root', children: node.children as Root['children'] };
  const hast = toHast(root, { handlers: handlers(ctx, false) as never }) as HastRoot;
  fixLinks(hast, ctx);
  return toHtml(hast);
}

/** Plain text of a tree (for descriptions and search). */
export function plainText(node: Nodes): string {
  return toString(node).replace(/\s+/g, ' ').trim();
}
