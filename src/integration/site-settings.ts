/**
 * What every page knows about the dossier it belongs to: the integration's options with Astro's `site` and `base`.
 * The pages read it from `virtual:backchannel/config`; it is plain data (JSON), so the same object serves the build,
 * the dev server and the tests.
 */
import { normalizeBase, withBase, type UrlBase } from '../lib/url-base.ts';
import type { BackchannelConfig } from './user-config.ts';

export interface SiteSettings extends Omit<BackchannelConfig, 'contentDir' | 'claimPages'> {
  /** The site's origin and path as Astro's `site` gives it, e.g. `https://newsroom.github.io/dossier`. */
  site: string;
  /** The path the site is served under, with leading and trailing slashes (`/`, `/dossier/`). */
  base: UrlBase;
  /** The content folder, relative to the project root, with forward slashes (for "Edit this page"). */
  contentDir: string;
  /** Whether this build has Astro render only the claim page template (claim-pages.ts). */
  claimTemplate: boolean;
}

/** The settings of a dossier from its options and Astro's `site` and `base`. */
export function siteSettings(config: BackchannelConfig, site: string, base: string | undefined, command: string): SiteSettings {
  const { claimPages, contentDir, ...rest } = config;
  return {
    ...rest,
    contentDir: contentDir.replace(/\\/g, '/').replace(/^\.\/|\/$/g, ''),
    site,
    base: normalizeBase(base),
    claimTemplate: command === 'build' && claimPages === 'template',
  };
}

/** The address a reader follows for a site path: the path under the base. */
export const href = (settings: Pick<SiteSettings, 'base'>, path: string): string => withBase(path, settings.base);

/** The absolute URL of an address a reader follows (an {@link href}, or a view's link): for canonical links, feeds, JSON-LD. */
export const absoluteUrl = (settings: Pick<SiteSettings, 'site'>, address: string): string => new URL(address, settings.site).href;

/** The edit link of a project-relative file, or undefined without a repository. */
export function editUrl(settings: Pick<SiteSettings, 'repository'>, file: string): string | undefined {
  const repo = settings.repository;
  if (!repo) return undefined;
  const base = repo.editBase ?? `${repo.url.replace(/\/$/, '')}/edit/${repo.branch}/`;
  return `${base.endsWith('/') ? base : `${base}/`}${file.split('/').map(encodeURIComponent).join('/')}`;
}

/** The "Report an error" link for a page, prefilled with its title and address; undefined without a repository. */
export function reportUrl(settings: Pick<SiteSettings, 'repository'>, title: string, pageUrl: string): string | undefined {
  const repo = settings.repository;
  if (!repo) return undefined;
  const form = repo.issues ?? `${repo.url.replace(/\/$/, '')}/issues/new`;
  const body = `Page: ${pageUrl}\n\nWhat is wrong (quote the sentence), and the source that shows it:\n`;
  return `${form}?title=${encodeURIComponent(`Error on “${title}”`)}&body=${encodeURIComponent(body)}`;
}
