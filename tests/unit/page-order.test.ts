/** Searchable pages first: the order Astro generates pages in, and the top-level pages Pagefind reads last. */
import { describe, expect, it } from 'vitest';
import { orderPaths, pageRank, topLevelFiles } from '../../src/integrations/page-order.ts';
import { CLAIM_TEMPLATE_ID } from '../../src/lib/pages/claim-page.ts';

describe('orderPaths', () => {
  it('puts the claim template first, then discrepancies, episodes, people and sources, then top-level pages, then the rest', () => {
    const astro = [
      '/about/',
      '/claims/person/anna-novak/',
      '/claims/a-claim/',
      `/claims/${CLAIM_TEMPLATE_ID}/`,
      '/sources/source-1/',
      '/episodes/person/anna-novak/',
      '/people/anna-novak/',
      '/episodes/call-in-oslo/',
      '/',
      '/episodes/visit-to-kyiv/',
      '/rss.xml',
      '/discrepancies/who-called/',
      '/people/',
    ].map((pathname) => ({ pathname }));
    expect(orderPaths(astro).map((p) => p.pathname)).toEqual([
      `/claims/${CLAIM_TEMPLATE_ID}/`,
      '/discrepancies/who-called/',
      '/episodes/call-in-oslo/',
      '/episodes/visit-to-kyiv/',
      '/people/anna-novak/',
      '/sources/source-1/',
      '/about/',
      '/',
      '/rss.xml',
      '/people/',
      '/claims/person/anna-novak/',
      '/claims/a-claim/',
      '/episodes/person/anna-novak/',
    ]);
  });

  it('ranks by path alone, with or without the trailing slash', () => {
    expect(pageRank('/people/anna-novak')).toBe(pageRank('/people/anna-novak/'));
    expect(pageRank('/people/anna-novak/')).toBeLessThan(pageRank('/'));
    expect(pageRank('/')).toBeLessThan(pageRank('/claims/person/anna-novak/'));
  });
});

describe('topLevelFiles', () => {
  it('names the index.html of the home page and of each one-segment page, not endpoints or error pages', () => {
    expect(topLevelFiles(['/', '/about/', '/people/', '/rss.xml', '/404', '/people/anna-novak/', '/search'])).toEqual([
      'about/index.html',
      'index.html',
      'people/index.html',
      'search/index.html',
    ]);
  });
});
