/**
 * Site paths and the base the site is served under. Everything in the dossier names pages by their root-relative
 * path (`/people/x/`); only what a reader's browser follows (an `href`, a `src`) carries the base, e.g.
 * `/dossier/people/x/` on a GitHub Pages project site.
 */

/** `base` as Astro gives it (`/`, `/dossier`, `dossier/`) with one leading and one trailing slash. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** The address a reader follows for a root-relative site path (`/people/x/#claim-y`); other URLs are returned as they are. */
export function withBase(base: string, path: string): string {
  if (!path.startsWith('/') || path.startsWith('//') || base === '/') return path;
  return `${base}${path.slice(1)}`;
}

/** The site path of an address under `base` (the inverse of {@link withBase}); undefined when it is outside the base. */
export function withoutBase(base: string, pathname: string): string | undefined {
  if (base === '/') return pathname;
  if (pathname === base.slice(0, -1)) return '/';
  return pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : undefined;
}
