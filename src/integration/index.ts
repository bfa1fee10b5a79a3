/**
 * `backchannel(options)`: the Astro integration that turns a content folder of sources, people, episodes and
 * discrepancies into a verified, searchable dossier site. It only wires parts together: options (user-config.ts),
 * routes (routes.ts), the pages' data (virtual-modules.ts), the build's verification (verification.ts), the dev
 * server (dev-server.ts), search (pagefind.ts) and the safe replacement of the output folder (out-dir.ts).
 * docs/architecture.md follows the data from content/ to dist/ and lists every Astro and Vite API used here.
 */
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CSP_DIRECTIVES, SCRIPT_RESOURCES, THEME_SCRIPT, cspHash, headersFile } from '../lib/csp.ts';
import { writeFileSync } from 'node:fs';
import { parseUserConfig, type BackchannelUserConfig } from './user-config.ts';
import { siteSettings, type SiteSettings } from './site-settings.ts';
import { routeFiles } from './routes.ts';
import { virtualModules, type ViewsSource } from './virtual-modules.ts';
import { startVerification, type Verification } from './verification.ts';
import { commitStaging, removeStale, stagingDir } from './out-dir.ts';
import { indexSite } from './pagefind.ts';
import { openViewStore } from '../lib/views/view-store.ts';
import type { SearchRecord } from '../lib/views/claim-search.ts';
import { SEARCH_COLLECTION } from './verify-process.ts';
import { serveDossier } from './dev-server.ts';

export type { BackchannelUserConfig } from './user-config.ts';

/** Filtered views and the 404 page are noindex, and stay out of the sitemap. */
const NOINDEX = /^\/(claims\/(person|source)|episodes\/person)\/|^\/404/;

/** The state of one `astro build`: where it writes, and its verification. */
interface BuildRun {
  outDir: string;
  staging: string;
  verification: Verification;
  settings: SiteSettings;
}

export default function backchannel(options: BackchannelUserConfig): AstroIntegration {
  const userConfig = parseUserConfig(options);
  let build: BuildRun | undefined;
  let dev: { root: string; contentDir: string; base: string } | undefined;
  return {
    name: 'backchannel',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, injectRoute, logger }) => {
        const settings = siteSettings(userConfig, requireSite(config), config.base);
        const root = fileURLToPath(config.root);
        const contentDir = resolve(root, userConfig.contentDir);
        for (const route of routeFiles()) injectRoute({ pattern: route.pattern, entrypoint: route.entrypoint, prerender: true });
        let views: ViewsSource = { kind: 'dev' };
        if (command === 'dev') dev = { root, contentDir, base: settings.base };
        if (command === 'build') {
          build = startBuild(config, settings, root, contentDir, logger);
          views = { kind: 'build', ready: build.verification.ready };
          updateConfig({ outDir: pathToFileURL(`${build.staging}/`) });
        }
        updateConfig({
          vite: { plugins: [virtualModules(settings, views)] },
          integrations: [...companions(config, settings), finish(() => build)],
          security: {
            csp: { algorithm: 'SHA-256', directives: CSP_DIRECTIVES, scriptDirective: { resources: SCRIPT_RESOURCES, hashes: [cspHash(THEME_SCRIPT)] } },
          },
        });
      },
      'astro:server:setup': ({ server, logger }) => {
        if (dev) serveDossier(server, logger, dev);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!build) return;
        const out = fileURLToPath(dir);
        writeFileSync(join(out, '_headers'), headersFile([cspHash(THEME_SCRIPT)], []));
        const records = openViewStore(await build.verification.ready()).list<SearchRecord>(SEARCH_COLLECTION);
        const started = performance.now();
        const { files } = await indexSite(out, [...records]);
        logger.info(`Pagefind read ${files} pages and ${records.length} claims in ${Math.round(performance.now() - started)} ms`);
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

/** Start a build's verification into the cache folder, and stage its output beside the output folder. */
function startBuild(config: AstroConfig, settings: SiteSettings, root: string, contentDir: string, logger: AstroIntegrationLogger): BuildRun {
  const outDir = fileURLToPath(config.outDir).replace(/[\\/]$/, '');
  for (const folder of removeStale(outDir)) logger.info(`removed ${folder}, left by a build that did not finish`);
  const viewsDir = join(fileURLToPath(config.cacheDir), 'backchannel', `views-${process.pid}`);
  const verification = startVerification({ root, contentDir, viewsDir, base: settings.base });
  // A failed build leaves the last good site where it was, and nothing of its own.
  process.once('exit', () => verification.dispose());
  return { outDir, staging: stagingDir(outDir), verification, settings };
}

/** The integrations the dossier needs, unless the project adds them itself: MDX for its own pages, the sitemap. */
function companions(config: AstroConfig, settings: SiteSettings): AstroIntegration[] {
  const present = new Set(config.integrations.map((i) => i.name));
  const base = settings.base;
  return [
    ...(present.has('@astrojs/mdx') ? [] : [mdx()]),
    ...(present.has('@astrojs/sitemap')
      ? []
      : [sitemap({ filter: (page) => !NOINDEX.test(new URL(page).pathname.slice(base.length - 1)) })]),
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
      'astro:build:done': ({ logger }) => {
        const build = run();
        if (!build) return;
        commitStaging(build.outDir, build.staging);
        build.verification.dispose();
        logger.info(`replaced ${build.outDir}`);
      },
    },
  };
}
