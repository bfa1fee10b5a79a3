/** Resolve links written in content to site URLs; tell internal, external and unsafe links apart. */
import { UNSAFE_URL } from './content-rules.ts';

export type ResolvedLink =
  { kind: 'internal'; path: string; query: string; hash: string } | { kind: 'external'; url: string } | { kind: 'unsafe'; url: string };

const CONTENT_FOLDERS = new Set(['people', 'episodes', 'sources', 'discrepancies', 'claims']);

/**
 * Resolve `href` as written on the page at `fromUrl`. Accepts site URLs (`/people/jane-doe/`), relative
 * ones, Windows-style separators and content file paths (`../people/jane-doe.mdx`).
 */
export function resolveLink(href: string, fromUrl: string): ResolvedLink {
  const raw = href.trim();
  if (UNSAFE_URL.test(raw)) return { kind: 'unsafe', url: raw };
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) return { kind: 'external', url: raw };
  // mdast-util-to-hast percent-encodes backslashes before rendering: treat both spellings as separators.
  const slashed = raw.replace(/\\|%5C/gi, '/');
  const hashAt = slashed.indexOf('#');
  const beforeHash = hashAt >= 0 ? slashed.slice(0, hashAt) : slashed;
  const hash = hashAt >= 0 ? slashed.slice(hashAt + 1) : '';
  // A query string (`/search/?q=…`) is not part of the page's path.
  const queryAt = beforeHash.indexOf('?');
  const pathPart = queryAt >= 0 ? beforeHash.slice(0, queryAt) : beforeHash;
  const query = queryAt >= 0 ? beforeHash.slice(queryAt) : '';
  if (pathPart === '') return { kind: 'internal', path: fromUrl, query, hash };
  // A file path (`../people/x.mdx`) is relative to the file's folder, one level above its page URL.
  const isFile = /\.(mdx?)$/i.test(pathPart);
  const base = fromUrl.split('/').filter(Boolean);
  if (isFile) base.pop();
  const segments = pathPart.startsWith('/') ? [] : base;
  for (const segment of pathPart.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  // `content/people/x.mdx` or `people/x.md` → `/people/x/`.
  if (segments[0] === 'content' && CONTENT_FOLDERS.has(segments[1] ?? '')) segments.shift();
  const last = segments.length - 1;
  if (last >= 0) segments[last] = segments[last]!.replace(/\.(mdx?|html)$/i, '').replace(/^index$/, '');
  const path = `/${segments.filter(Boolean).join('/')}${segments.filter(Boolean).length > 0 ? '/' : ''}`;
  return { kind: 'internal', path, query, hash };
}
