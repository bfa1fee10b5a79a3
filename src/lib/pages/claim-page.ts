/**
 * A claim's permalink page, as data for the page shell and its body as HTML (src/routes/claims/[id].astro). Claim
 * permalinks are four in five of a dossier's pages, so a build has Astro render one of them, as a template with
 * placeholders, and fills the template in for every claim ({@link compileClaimStamp}, src/integration/claim-pages.ts):
 * the body comes from {@link claimPage} either way, and a test compares the two builds byte for byte.
 */
import type { ClaimView } from '../views/claim-view.ts';
import { claimTitle } from '../views/claim-search.ts';
import { CLAIM_ID, statusDescriptions, statusLabels, type ClaimStatus } from './content-rules.ts';
import { compileStamp, placeholder } from './stamp.ts';
import { escapeAttribute, escapeText, jsonLdText } from './html.ts';

/** Everything a claim page gives the page shell (Base.astro) and its body. */
export interface ClaimPage {
  title: string;
  description: string;
  jsonLd: Record<string, unknown>;
  body: string;
}

const STANCE: Record<string, string> = { supports: 'Supports', denies: 'Denies', context: 'Context' };
const ORIGIN_KIND: Record<string, string> = { outlet: 'its reporting', person: 'on the record', record: 'a record' };

/** A status label: words and a border style, not colour alone; a link when given `href` (StatusLabel.astro). */
export function statusLabelHtml(status: string, href?: string): string {
  const label = escapeText(statusLabels[status as ClaimStatus] ?? status);
  const kind = `class="status status-${escapeAttribute(status)}"`;
  return href ? `<a ${kind} href="${escapeAttribute(href)}">${label}</a>` : `<span ${kind}>${label}</span>`;
}

const link = (href: string, text: string) => `<a href="${escapeAttribute(href)}">${escapeText(text)}</a>`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const paragraphNumber = (id: string) => `¶${escapeText(id.replace('p-', ''))}`;

/**
 * The page of one claim: its text, status, where it appears, its independent origins, and each citation with the
 * quoted passage in its paragraph, between the paragraphs either side.
 */
export function claimPage(claim: ClaimView, siteUrl: string, paragraph: (source: string, id: string) => string): ClaimPage {
  // Links in views are addresses under the site's base; `siteUrl` gives them their origin.
  const sourcePage = (c: { url: string }) => c.url.split('#')[0]!;
  const title = claimTitle(claim.text);
  const citedSources = [...new Map(claim.citations.map((c) => [c.source, c])).values()];
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Claim',
    text: claim.text,
    url: new URL(claim.permalink, siteUrl).href,
    appearance: claim.citations.map((c) => ({
      '@type': 'NewsArticle',
      headline: c.sourceTitle,
      url: new URL(sourcePage(c), siteUrl).href,
    })),
    ...(claim.speaker ? { author: { '@type': 'Person', name: claim.speaker.name } } : {}),
  };
  const originText = (o: ClaimView['origins'][number]) =>
    `${escapeText(o.name)} <span class="meta-line">(${ORIGIN_KIND[o.kind]}; ${o.citations.length === 1 ? 'citation' : 'citations'} ${o.citations
      .map((n) => `<a href="#citation-${n}">${n}</a>`)
      .join(', ')})</span>`;
  // Who reports it first: the sources by the names readers know them by; then the origins their passages credit, when
  // they report it, and the claims of other origins tied to it.
  const facts = [
    [
      'Reported by',
      `${plural(citedSources.length, 'source')} (${plural(claim.citations.length, 'citation')}):<ul>` +
        citedSources
          .map(
            (c) =>
              `<li>${link(sourcePage(c), c.sourceName)} <span class="meta-line">(${escapeText(c.outlet)}` +
              `${c.basedOn ? `, based on ${escapeText(c.basedOn)}` : ''})</span></li>`,
          )
          .join('') +
        '</ul>',
    ],
    [
      'Independent origins',
      `${claim.independentOrigins}: ${claim.origins.map(originText).join('; ') || 'none (no supporting citation)'}` +
        '<br><span class="meta-line">Each supporting citation counts toward the end of its chain of credits: a named person or a record, else the outlet whose reporting it is.</span>',
    ],
    ['When reported', escapeText(claim.reported)],
    ...(claim.corroborates.length > 0
      ? [
          [
            'Also reported separately',
            '<ul>' +
              claim.corroborates
                .map(
                  (t) =>
                    `<li>${statusLabelHtml(t.status)} ${link(t.permalink, t.title)} <span class="meta-line">(${escapeText(t.origins.join(', ') || 'no supporting citation')})</span></li>`,
                )
                .join('') +
              '</ul>',
          ],
        ]
      : []),
    ['Appears on', link(claim.href, claim.page.title)],
    ...(claim.about.length > 0 ? [['About', claim.about.map((p) => link(p.url, p.name)).join(', ')]] : []),
    ...(claim.speaker ? [['Words of', link(claim.speaker.url, claim.speaker.name)]] : []),
    ['Permalink', `<code>/claims/${escapeText(claim.id)}/</code>`],
  ];
  const neighbour = (source: string, id: string | undefined) =>
    id ? `<p class="meta-line">${paragraphNumber(id)} ${escapeText(paragraph(source, id))}</p>` : '';
  const citations = claim.citations.map((c) => {
    const p = c.context.paragraph;
    return (
      `<li id="citation-${c.n}"><p><strong>${escapeText(STANCE[c.stance] ?? c.stance)}</strong> · ` +
      `${link(sourcePage(c), c.sourceName)}, “${escapeText(c.sourceTitle)}”, ${escapeText(c.outlet)}, ${escapeText(c.published)}` +
      `${c.reported ? ` (the reporting it carries: ${escapeText(c.reported)})` : ''}` +
      `${c.basedOn ? `; based on ${escapeText(c.basedOn)}` : ''}${c.teaser ? ' · a teaser for another article' : ''}</p>` +
      `<p class="meta-line chain">Credited: ${escapeText(c.chain)}${c.attribution.from === 'credit' ? ' (as the dossier reads it)' : c.attribution.evidence ? ` (“${escapeText(c.attribution.evidence)}”)` : ''}</p>` +
      neighbour(c.source, c.context.before) +
      `<blockquote><p>${paragraphNumber(p.id)} ${escapeText(p.before)}<mark>${escapeText(p.match)}</mark>${escapeText(p.after)}</p></blockquote>` +
      neighbour(c.source, c.context.after) +
      `<p>${link(c.url, 'Open the passage in the source')}</p></li>`
    );
  });
  const body =
    // The heading (the first sentence) names the page for screen readers; the statement shows once, in full.
    `<p class="kicker">Claim · ${statusLabelHtml(claim.status)}</p><h1 class="visually-hidden">${escapeText(title)}</h1>` +
    `<div class="prose"><div class="claim claim-block" data-status="${escapeAttribute(claim.status)}">${claim.html}</div>` +
    `<dl class="facts">${facts.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>` +
    `<p class="meta-line">${escapeText(statusDescriptions[claim.status as ClaimStatus] ?? '')}</p>` +
    `<h2>Citations, in context</h2><ol class="claim-list">${citations.join('')}</ol></div>`;
  return { title: `Claim: ${title}`, description: claim.text, jsonLd, body };
}

/** The id of the claim page Astro renders as the template of every claim page (see stamp.ts). */
export const CLAIM_TEMPLATE_ID = 'bcstamp-template';

/** The template's page data: placeholders where each claim's values go. */
export function claimTemplatePage(): ClaimPage & { file: string } {
  return {
    title: placeholder('title'),
    description: placeholder('description'),
    jsonLd: { bcstamp: 'json-ld' },
    body: placeholder('body'),
    file: placeholder('file'),
  };
}

/** Compile the rendered template page into a function from a claim and its page data to the claim's HTML page. */
export function compileClaimStamp(template: string): (claim: ClaimView, page: ClaimPage) => string {
  const stamp = compileStamp(template, {
    fields: ['title', 'description', 'file', 'body'],
    literals: { [CLAIM_TEMPLATE_ID]: 'id', [jsonLdText(claimTemplatePage().jsonLd)]: 'jsonLd' },
  });
  return (claim, page) => {
    // The id stands in the template as it is, in URLs, text and JSON alike: only a plain slug reads the same in all.
    if (!CLAIM_ID.test(claim.id) || claim.id === CLAIM_TEMPLATE_ID) throw new Error(`Claim id "${claim.id}" cannot be stamped`);
    return stamp({
      id: claim.id,
      title: page.title,
      description: page.description,
      file: claim.file,
      body: page.body,
      jsonLd: jsonLdText(page.jsonLd),
    });
  };
}
