/**
 * The URL base the site is served under (`/`, or `/dossier/` for a GitHub Pages project site). The model keeps
 * base-free site paths (`/people/x/`), which is also what content authors write and what link checks compare;
 * only rendered HTML strings carry the base (see verify/index.ts).
 */

/** A URL base with a leading and a trailing slash: `/` or `/dossier/`. */
export type UrlBase = string & { readonly __brand: 'UrlBase' };

export const ROOT_BASE = '/' as UrlBase;

/** `dossier`, `/dossier` or `/dossier/` → `/dossier/`; `''` or `/` → `/`. Throws on a base that is not a plain path. */
export function normalizeBase(base: string | undefined): UrlBase {
  const trimmed = (base ?? '/').trim();
  if (/[?#\\\s]|:\/\/|^\/\/|(^|\/)\.\.?(\/|$)/.test(trimmed))
    throw new Error(`The URL base must be a plain path such as /dossier/, not ${JSON.stringify(base)}`);
  const inner = trimmed.replace(/^\/+|\/+$/g, '');
  return (inner === '' ? '/' : `/${inner}/`) as UrlBase;
}

/** A site path (`/people/x/`) as served under `base` (`/dossier/people/x/`); anything else is returned as it is. */
export function withBase(path: string, base: UrlBase): string {
  return base === '/' || !path.startsWith('/') || path.startsWith('//') ? path : `${base}${path.slice(1)}`;
}

/** The site path of an address under `base` (the inverse of {@link withBase}); undefined when it is outside the base. */
export function withoutBase(pathname: string, base: UrlBase): string | undefined {
  if (base === '/') return pathname;
  if (pathname === base.slice(0, -1)) return '/';
  return pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : undefined;
}
