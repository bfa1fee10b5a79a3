/**
 * `backchannel(options)`: the Astro integration that turns a content folder of sources, people, episodes and
 * discrepancies into a verified, searchable dossier site. It only wires parts together: options (user-config.ts),
 * routes (routes.ts), the pages' data (virtual-modules.ts), the build's verification (verification.ts), the dev
 * server (dev-server.ts), search (pagefind.ts) and the safe replacement of the output folder (out-dir.ts).
 * docs/architecture.md follows the data from content/ to dist/ and lists every Astro and Vite API used here.
 */
import type { AstroConfig, AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CSP_DIRECTIVES, SCRIPT_RESOURCES, THEME_SCRIPT, cspHash } from '../lib/csp.ts';
import { parseUserConfig, type BackchannelUserConfig } from './user-config.ts';
import { absoluteUrl, href, siteSettings, type SiteSettings } from './site-settings.ts';
import { CLAIM_TEMPLATE_ID } from '../lib/pages/claim-page.ts';
import { routeFiles } from './routes.ts';
import { virtualModules, type ViewsSource } from './virtual-modules.ts';
import { BuildRun } from './build-run.ts';
import { serveDossier } from './dev-server.ts';

export type { BackchannelUserConfig } from './user-config.ts';

/** Filtered views and the 404 page are noindex, and stay out of the sitemap. */
const NOINDEX = /^\/(claims\/(person|source|status)|episodes\/person)\/|^\/404/;

export default function backchannel(options: BackchannelUserConfig): AstroIntegration {
  const userConfig = parseUserConfig(options);
  let build: BuildRun | undefined;
  let dev: { root: string; contentDir: string; base: string } | undefined;
  return {
    name: 'backchannel',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, injectRoute, logger }) => {
        const settings = siteSettings(userConfig, requireSite(config), config.base, command);
        const root = fileURLToPath(config.root);
        const contentDir = resolve(root, userConfig.contentDir);
        for (const route of routeFiles()) injectRoute({ pattern: route.pattern, entrypoint: route.entrypoint, prerender: true });
        let views: ViewsSource = { kind: 'dev' };
        if (command === 'dev') dev = { root, contentDir, base: settings.base };
        if (command === 'build') {
          const outDir = fileURLToPath(config.outDir).replace(/[\\/]$/, '');
          const cacheDir = fileURLToPath(config.cacheDir);
          const { base, site, language, claimTemplate, claimsPerSearchIndex, pagesPerSearchIndex } = settings;
          const paths = {
            root,
            contentDir,
            outDir,
            cacheDir,
            base,
            site,
            language,
            claimTemplate,
            claimsPerSearchIndex,
            pagesPerSearchIndex,
          };
          build = new BuildRun(paths, logger);
          views = { kind: 'build', ready: build.verification.ready };
          updateConfig({ outDir: pathToFileURL(`${build.staging}/`) });
        }
        updateConfig({
          vite: { plugins: [virtualModules(settings, views)] },
          integrations: [...companions(config, settings, () => build?.claimPaths() ?? []), finish(() => build)],
          security: {
            csp: {
              algorithm: 'SHA-256',
              directives: CSP_DIRECTIVES,
              scriptDirective: { resources: SCRIPT_RESOURCES, hashes: [cspHash(THEME_SCRIPT)] },
            },
          },
        });
      },
      'astro:server:setup': ({ server, logger }) => {
        if (dev) serveDossier(server, logger, dev);
      },
      'astro:build:done': async ({ dir, logger }) => {
        await build?.finish(fileURLToPath(dir), logger);
      },
    },
  };
}

/** Astro's `site`, which every absolute link, the sitemap and the feed need. */
function requireSite(config: AstroConfig): string {
  if (config.site) return config.site;
  throw new AstroError(
    'The backchannel() integration needs Astro’s `site`',
    'Set `site` in astro.config.mjs to the address the dossier is published at, e.g. `site: "https://newsroom.github.io"`.',
  );
}

/**
 * The integrations the dossier needs, unless the project adds them itself: MDX for its own pages, and the sitemap,
 * which lists the claim pages filled in from their template (`claimPaths`, known once the content is verified; the
 * sitemap reads its options when it writes, after the pages are built).
 */
function companions(config: AstroConfig, settings: SiteSettings, claimPaths: () => string[]): AstroIntegration[] {
  const present = new Set(config.integrations.map((i) => i.name));
  const sitePath = (page: string) => new URL(page).pathname.slice(settings.base.length - 1);
  return [
    ...(present.has('@astrojs/mdx') ? [] : [mdx()]),
    ...(present.has('@astrojs/sitemap')
      ? []
      : [
          sitemap({
            filter: (page) => !NOINDEX.test(sitePath(page)) && !sitePath(page).startsWith(`/claims/${CLAIM_TEMPLATE_ID}/`),
            get customPages() {
              return claimPaths().map((path) => absoluteUrl(settings, href(settings, path)));
            },
          }),
        ]),
  ];
}

/**
 * Runs last, after the sitemap and anything else the project adds: the staging folder becomes the output folder
 * only once every other integration's `astro:build:done` has succeeded.
 */
function finish(run: () => BuildRun | undefined): AstroIntegration {
  return {
    name: 'backchannel:finish',
    hooks: {
      'astro:build:done': ({ logger }) => run()?.commit(logger),
    },
  };
}
