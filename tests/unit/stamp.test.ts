import { describe, expect, it } from 'vitest';
// Astro's own escaping, which the stamped pages must reproduce byte for byte.
import { escapeHTML } from 'astro/runtime/server/escape.js';
import { escapeAttribute, escapeText, jsonLdText } from '../../src/lib/pages/html.ts';
import { compileStamp, placeholder } from '../../src/lib/pages/stamp.ts';
import { CLAIM_TEMPLATE_ID, claimTemplatePage, compileClaimStamp } from '../../src/lib/pages/claim-page.ts';
import type { ClaimView } from '../../src/lib/views/claim-view.ts';

const NASTY = `Witkoff's “plan” & <b>"Rubio"</b> — 50% off? a=1&b=2 </script> ✓ 𝄞`;

describe('escaping as Astro escapes', () => {
  it('escapes text exactly as Astro escapes an expression in text', () => {
    expect(escapeText(NASTY)).toBe(escapeHTML(NASTY));
    expect(escapeText('plain words')).toBe('plain words');
  });

  it('escapes attribute values as Astro does: only & and "', () => {
    expect(escapeAttribute(NASTY)).toBe(NASTY.replaceAll('&', '&amp;').replaceAll('"', '&quot;'));
  });

  it('keeps a JSON-LD block from being closed by a </script> in its data', () => {
    expect(jsonLdText({ text: NASTY })).not.toContain('</script>');
    expect(JSON.parse(jsonLdText({ text: NASTY }))).toEqual({ text: NASTY });
  });
});

describe('compileStamp', () => {
  // A template as the page shell renders one value in each context it uses.
  const shell = (title: string, body: string) =>
    `<title>${escapeText(`${title} · Site`)}</title><meta content="${escapeAttribute(title)}">` +
    `<a href="https://example.org/new?title=${escapeAttribute(encodeURIComponent(`Error on “${title}”`))}">report</a>` +
    `<script type="application/ld+json">{"name":"${jsonLdText(title).slice(1, -1)}"}</script><main>${body}</main>`;

  it('puts each value where its placeholder was, escaped for that context', () => {
    const stamp = compileStamp(shell(placeholder('title'), placeholder('body')), { fields: ['title', 'body'], literals: {} });
    const body = '<p>Already <em>HTML</em> &amp; kept as it is</p>';
    expect(stamp({ title: NASTY, body })).toBe(shell(NASTY, body));
    expect(stamp({ title: 'Plain', body: '' })).toBe(shell('Plain', ''));
  });

  it('replaces literals with the value as it is, and never re-reads a value as a placeholder', () => {
    const stamp = compileStamp(`<a href="/claims/the-id/">${placeholder('body')}</a>`, { fields: ['body'], literals: { 'the-id': 'id' } });
    expect(stamp({ id: 'geneva-trip', body: placeholder('body') })).toBe(`<a href="/claims/geneva-trip/">${placeholder('body')}</a>`);
  });

  it('refuses a template with a placeholder in a context it does not know', () => {
    const unknown = `<p>${placeholder('title').replace("'", '&#x27;')}</p>`;
    expect(() => compileStamp(unknown, { fields: ['title'], literals: {} })).toThrow(/a context the stamper does not know/);
  });

  it('says which value is missing', () => {
    const stamp = compileStamp(`<p>${placeholder('title')}</p>`, { fields: ['title'], literals: {} });
    expect(() => stamp({})).toThrow('No value for the template field "title"');
  });
});

describe('compileClaimStamp', () => {
  const template = `<title>${escapeText(claimTemplatePage().title)}</title><link href="/claims/${CLAIM_TEMPLATE_ID}/">${claimTemplatePage().body}`;
  const claim = (id: string) => ({ id, file: 'content/people/x.mdx' }) as ClaimView;
  const page = { title: 'A “title”', description: 'd', jsonLd: {}, body: '<p>b</p>' };

  it('stamps a claim id and its page into the template', () => {
    expect(compileClaimStamp(template)(claim('kushner-moscow'), page)).toBe(
      '<title>A “title”</title><link href="/claims/kushner-moscow/"><p>b</p>',
    );
  });

  it('refuses an id that would not read the same in URLs, text and JSON', () => {
    expect(() => compileClaimStamp(template)(claim('Bad id"'), page)).toThrow(/cannot be stamped/);
    expect(() => compileClaimStamp(template)(claim(CLAIM_TEMPLATE_ID), page)).toThrow(/cannot be stamped/);
  });
});
