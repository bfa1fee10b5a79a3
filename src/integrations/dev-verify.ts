/** Dev server: re-verify on every content edit; show problems in the terminal and the error overlay. */
import type { AstroIntegration } from 'astro';
import type { ViteDevServer } from 'vite';
import { storedViews } from './dossier-loader.ts';
import { STORE_MODULE_ID } from './store-module.ts';
import { COLLECTION_NAMES } from './views-file.ts';
import { resolve, sep } from 'node:path';
import { formatDiagnostics } from '../lib/diagnostics.ts';
import { devCheck } from '../lib/dev-check.ts';
import { buildCollections } from '../lib/views/collections.ts';
import { serveLiveViews } from '../lib/views/live-views.ts';

/** The part of Vite's module runner this uses: its evaluated modules, each with the ids of its importers. */
interface EvaluatedModules {
  getModuleById(id: string): { id: string; importers: Set<string> } | undefined;
  invalidateModule(node: object): void;
}

/**
 * Have the next request evaluate again the store module and every module that imported it, in each environment
 * that runs modules. Astro invalidates only the store module when it writes the store, while its content runtime
 * holds the store it loaded first: a request that landed during the refresh could keep showing the old content.
 */
export function invalidateStoreReaders(server: Pick<ViteDevServer, 'environments'>): void {
  for (const environment of Object.values(server.environments)) {
    const modules = (environment as { runner?: { evaluatedModules: EvaluatedModules } }).runner?.evaluatedModules;
    const store = modules?.getModuleById(STORE_MODULE_ID);
    if (!modules || !store) continue;
    const seen = new Set<string>();
    for (const queue = [store]; queue.length > 0;) {
      const node = queue.pop()!;
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      modules.invalidateModule(node);
      for (const id of node.importers) {
        const importer = modules.getModuleById(id);
        if (importer) queue.push(importer);
      }
    }
  }
}

export function devVerifyIntegration(): AstroIntegration {
  return {
    name: 'backchannel-dev-verify',
    hooks: {
      // The dev server's store names the views in memory instead of packing them on every edit (live-views.ts).
      'astro:config:setup': ({ command }) => {
        if (command === 'dev') serveLiveViews();
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        const root = process.cwd();
        const contentDir = resolve(root, 'content') + sep;
        server.watcher.add(contentDir);
        let timer: ReturnType<typeof setTimeout> | undefined;
        // Only the edited page is processed again (all pages when a source or a file name changes). The verifier is
        // the one the content loaders' first load used (dev-check.ts).
        const check = devCheck(root);
        // Should the loaders not have run yet, process every page once while the server is idle, so the first edit
        // is already incremental; if they have, this reads the files and finds nothing changed.
        setTimeout(check, 0);
        const verify = async () => {
          const started = performance.now();
          const { dossier, diagnostics, reprocessed } = check();
          const errors = diagnostics.filter((d) => d.severity === 'error');
          if (errors.length > 0) {
            logger.error(`\n${formatDiagnostics(diagnostics)}`);
            const first = errors[0]!;
            const message = errors
              .map((d) => `${d.file}:${d.line}:${d.column} ${d.message} (${d.rule})${d.hint ? `\n  hint: ${d.hint}` : ''}`)
              .join('\n');
            server.ws.send({
              type: 'error',
              err: {
                message: `Content verification failed:\n${message}`,
                stack: '',
                id: resolve(root, first.file),
                plugin: 'backchannel',
                loc: { file: resolve(root, first.file), line: first.line, column: first.column },
              },
            });
            return;
          }
          const views = buildCollections(dossier);
          // Astro reloads its content config whenever an MDX file changes, and skips a refresh asked for meanwhile,
          // without a word: ask again until the loaders have stored these views.
          for (let attempt = 0; refreshContent && attempt < 100 && !storedViews(views); attempt++) {
            if (attempt > 0) await new Promise((wait) => setTimeout(wait, 50));
            await refreshContent({ loaders: COLLECTION_NAMES.map((c) => `backchannel-${c}`), context: { views } });
          }
          invalidateStoreReaders(server);
          logger.info(
            `re-verified ${reprocessed} of ${dossier.pages.size} pages (${dossier.claims.size} claims) in ${Math.round(performance.now() - started)} ms`,
          );
          server.ws.send({ type: 'full-reload' });
        };
        server.watcher.on('all', (_event, path) => {
          if (!path.startsWith(contentDir)) return;
          clearTimeout(timer);
          timer = setTimeout(() => void verify(), 50);
        });
      },
    },
  };
}
