/**
 * Links and images in a page's body: unsafe schemes are errors; a site link must land on a page, an image must be a
 * file of the site (an external image would load from elsewhere on every visit); a link to a page is a mention.
 * Links are checked as authors write them, base-free (`/people/x/`), whatever base the site is served under.
 */
import { closest } from 'fastest-levenshtein';
import { clip } from '../../diagnostics.ts';
import { pageKey } from '../../model.ts';
import { resolveLink } from '../../pages/links.ts';
import type { LinkDraft } from '../../pages/walk-content.ts';
import type { PageState } from './page-state.ts';

const PAGE_PATH = /^\/(people|episodes|discrepancies)\/([^/]+)\/$/;
const CLAIM_PATH = /^\/claims\/([^/]+)\/$/;

/** Check every link and image of the page, and record its mentions of other pages. */
export function checkLinks<M>(state: PageState<M>, url: string): void {
  for (const link of state.walked.links) {
    if (link.kind === 'image') checkImage(state, link, url);
    else checkLink(state, link, url);
  }
}

function checkLink<M>(state: PageState<M>, link: LinkDraft, url: string): void {
  const { reporter, site } = state;
  const resolved = resolveLink(link.url, url);
  if (resolved.kind === 'unsafe') {
    reporter.error(
      'unsafe-url',
      `Link to \`${link.url.slice(0, 40)}\` is not allowed`,
      link.at,
      'javascript:, vbscript: and data: URLs can run code; link to an https:// page or a page of this site.',
    );
    return;
  }
  if (resolved.kind !== 'internal') return;
  // A claim's permalink exists once some page has the claim: checked when every page is in (assemble.ts).
  const claim = CLAIM_PATH.exec(resolved.path);
  if (claim) {
    state.claimLinks.push({ file: state.input.file, id: claim[1]!, url: link.url, at: link.at });
    return;
  }
  if (!site.paths.has(resolved.path)) {
    reporter.error(
      'broken-link',
      `Link to \`${clip(link.url)}\` does not lead to a page of this site`,
      link.at,
      `Did you mean \`${closest(resolved.path.slice(0, 200), [...site.paths])}\`?`,
    );
    return;
  }
  const match = PAGE_PATH.exec(resolved.path);
  if (match && resolved.path !== url) {
    state.mentions.push({
      from: pageKey(state.input.collection, state.input.slug),
      to: pageKey(match[1] as typeof state.input.collection, match[2]!),
      context: link.context,
      ...(link.claim ? { anchor: `claim-${link.claim}` } : {}),
    });
  }
}

function checkImage<M>(state: PageState<M>, link: LinkDraft, url: string): void {
  const { reporter, site } = state;
  const resolved = resolveLink(link.url, url);
  if (resolved.kind === 'unsafe') {
    reporter.error(
      'unsafe-url',
      `Image \`${link.url.slice(0, 40)}\` is not allowed`,
      link.at,
      'javascript:, vbscript: and data: URLs can run code; put the image in public/ and give its path.',
    );
    return;
  }
  if (resolved.kind === 'external') {
    reporter.error(
      'external-image',
      `Image \`${clip(link.url)}\` is not part of the site`,
      link.at,
      'An image from another site tells it who reads the page, and can change after review: put the image in public/ and give its path, e.g. ![…](/images/map.png).',
    );
    return;
  }
  const path = resolved.path.replace(/\/$/, '');
  if (!site.assets.has(path)) {
    const known = [...site.assets];
    reporter.error(
      'image-not-found',
      `Image \`${clip(link.url)}\` is not a file in public/`,
      link.at,
      known.length > 0 ? `Did you mean \`${closest(path.slice(0, 200), known)}\`?` : `Add the image to public${path} first.`,
    );
  }
}
