/** The walk's rules for JSX elements: only the site's own components, never raw HTML or fragments. */
import { closest } from 'fastest-levenshtein';
import { clip } from '../../diagnostics.ts';
import { componentAttributes } from '../content-rules.ts';
import { pos, type JsxElement, type WalkContext, type WalkState } from '../walk-content.ts';
import { visitCite } from './cite-element.ts';
import { visitClaim } from './claim-element.ts';

/** Check a JSX element, then hand a <Claim> or <Cite> to its own rules. */
export function visitElement(state: WalkState, node: JsxElement, ctx: WalkContext): void {
  const { reporter } = state;
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
        `Raw HTML element <${clip(node.name)}> is not allowed in content`,
        at,
        /^(script|style|iframe|object|embed)$/i.test(node.name)
          ? 'Content cannot run code or embed other pages; remove it.'
          : 'Use Markdown for formatting (**bold**, _italic_, lists, links).',
      );
    } else {
      reporter.error(
        'unknown-component',
        `Unknown component <${clip(node.name)}>`,
        at,
        `Only <Claim> and <Cite> are allowed; did you mean <${closest(node.name.slice(0, 40), Object.keys(componentAttributes))}>?`,
      );
    }
    return;
  }
  if (ctx.inLink) {
    // The claim's status badge and a citation's mark are links: inside another link they would nest <a>.
    reporter.error(
      'nested-link',
      `<${node.name}> is inside a link`,
      at,
      node.name === 'Claim'
        ? 'Put the link inside the claim instead: <Claim …>… [words](/people/…/) …</Claim>.'
        : 'Move the <Cite /> after the link: its reference mark is a link of its own.',
    );
    return;
  }
  if (node.name === 'Cite') visitCite(state, node, ctx);
  else visitClaim(state, node, ctx);
}
