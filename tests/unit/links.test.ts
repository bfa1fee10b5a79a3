import { describe, expect, it } from 'vitest';
import { resolveLink } from '../../src/lib/pages/links.ts';

const internal = (path: string, hash = '', query = '') => ({ kind: 'internal', path, query, hash });

describe('resolveLink: site URLs', () => {
  it('keeps an absolute site URL', () => {
    expect(resolveLink('/people/marco-rubio/', '/episodes/geneva-talks/')).toEqual(internal('/people/marco-rubio/'));
  });

  it('adds the trailing slash to an absolute URL without one', () => {
    expect(resolveLink('/people/marco-rubio', '/episodes/geneva-talks/')).toEqual(internal('/people/marco-rubio/'));
  });

  it('splits off the fragment', () => {
    expect(resolveLink('/claims/x/#cite-2', '/')).toEqual(internal('/claims/x/', 'cite-2'));
  });

  it('resolves a bare fragment to the current page', () => {
    expect(resolveLink('#p-7', '/sources/rubio-humiliated/')).toEqual(internal('/sources/rubio-humiliated/', 'p-7'));
  });

  it('resolves a URL-relative link against the page URL', () => {
    expect(resolveLink('../marco-rubio/', '/people/tommy-pigott/')).toEqual(internal('/people/marco-rubio/'));
    expect(resolveLink('../../episodes/geneva-talks/', '/people/tommy-pigott/')).toEqual(internal('/episodes/geneva-talks/'));
    expect(resolveLink('./', '/people/tommy-pigott/')).toEqual(internal('/people/tommy-pigott/'));
  });

  it('does not climb above the site root', () => {
    expect(resolveLink('../../../../people/', '/people/x/')).toEqual(internal('/people/'));
  });

  it('maps index.html and the root', () => {
    expect(resolveLink('/index.html', '/people/x/')).toEqual(internal('/'));
    expect(resolveLink('/', '/people/x/')).toEqual(internal('/'));
  });

  it('keeps a query string out of the path, so /search/?q=… links to the search page', () => {
    expect(resolveLink('/search/?q=Witkoff', '/people/steve-witkoff/')).toMatchObject({ kind: 'internal', path: '/search/' });
    expect(resolveLink('/people/marco-rubio/?from=graph#claim-x', '/')).toMatchObject({
      kind: 'internal',
      path: '/people/marco-rubio/',
      hash: 'claim-x',
    });
  });

  it('trims surrounding whitespace', () => {
    expect(resolveLink('  /people/marco-rubio/  ', '/')).toEqual(internal('/people/marco-rubio/'));
  });
});

describe('resolveLink: content file paths and Windows separators', () => {
  it('maps a root-relative content path to its page', () => {
    expect(resolveLink('/content/people/marco-rubio.mdx', '/episodes/geneva-talks/')).toEqual(internal('/people/marco-rubio/'));
    expect(resolveLink('/content/sources/rubio-humiliated.md#p-3', '/people/x/')).toEqual(internal('/sources/rubio-humiliated/', 'p-3'));
  });

  it('accepts backslashes in an absolute path', () => {
    expect(resolveLink('\\people\\marco-rubio\\', '/episodes/geneva-talks/')).toEqual(internal('/people/marco-rubio/'));
  });

  // A content file lives at content/<collection>/<slug>.mdx, so a file path written in it is relative to
  // its folder, content/<collection>/ — not to its URL /<collection>/<slug>/, one level deeper.
  it('resolves ../<collection>/<slug>.mdx from a page to that page (as the editor would)', () => {
    expect(resolveLink('../people/marco-rubio.mdx', '/episodes/geneva-talks/')).toEqual(internal('/people/marco-rubio/'));
    expect(resolveLink('../episodes/geneva-talks.mdx', '/people/marco-rubio/')).toEqual(internal('/episodes/geneva-talks/'));
    expect(resolveLink('../people/marco-rubio.mdx', '/people/tommy-pigott/')).toEqual(internal('/people/marco-rubio/'));
  });

  it('resolves a Windows-style ..\\people\\marco-rubio.mdx like its forward-slash form', () => {
    expect(resolveLink('..\\people\\marco-rubio.mdx', '/episodes/geneva-talks/')).toEqual(internal('/people/marco-rubio/'));
    expect(resolveLink('..\\discrepancies\\vitkoff-spelling.mdx#claim-x', '/people/steve-witkoff/')).toEqual(
      internal('/discrepancies/vitkoff-spelling/', 'claim-x'),
    );
  });

  it('resolves a sibling file name (marco-rubio.mdx, .\\marco-rubio.mdx) within the same collection', () => {
    expect(resolveLink('marco-rubio.mdx', '/people/tommy-pigott/')).toEqual(internal('/people/marco-rubio/'));
    expect(resolveLink('.\\marco-rubio.mdx', '/people/tommy-pigott/')).toEqual(internal('/people/marco-rubio/'));
  });
});

describe('resolveLink: external and unsafe links', () => {
  it.each([
    'https://www.nbcnews.com/politics/x',
    'http://example.com',
    'mailto:editor@example.com',
    '//cdn.example.com/x.png',
    'ftp://example.com/file',
  ])('treats %s as external', (href) => {
    expect(resolveLink(href, '/')).toEqual({ kind: 'external', url: href });
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    '  javascript:alert(1)',
    'vbscript:msgbox(1)',
    'VBSCRIPT:x',
    'data:text/html;base64,PHNjcmlwdD4=',
    'DATA:image/svg+xml,<svg onload=alert(1)>',
  ])('treats %j as unsafe', (href) => {
    expect(resolveLink(href, '/').kind).toBe('unsafe');
  });

  it('does not mistake a page whose slug starts with "data" or "javascript" for a scheme', () => {
    expect(resolveLink('/episodes/data-leak/', '/')).toEqual(internal('/episodes/data-leak/'));
    expect(resolveLink('javascript-notes/', '/people/')).toEqual(internal('/people/javascript-notes/'));
  });
});
