/** Dev server: re-verify on every content edit; show problems in the terminal and the error overlay. */
import type { AstroIntegration } from 'astro';
import { storedViews } from './dossier-loader.ts';
import { resolve, sep } from 'node:path';
import { formatDiagnostics } from '../lib/diagnostics.ts';
import { readContent } from '../lib/read-content.ts';
import { incrementalDossier } from '../lib/incremental-dossier.ts';
import { buildCollections } from '../lib/views/collections.ts';

const COLLECTIONS = ['sources', 'people', 'episodes', 'discrepancies', 'claims'];

export function devVerifyIntegration(): AstroIntegration {
  return {
    name: 'backchannel-dev-verify',
    hooks: {
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        const root = process.cwd();
        const contentRoot = resolve(root, 'content');
        const contentDir = contentRoot + sep;
        server.watcher.add(contentDir);
        let timer: ReturnType<typeof setTimeout> | undefined;
        // Only the edited page is processed again (all pages when a source or a file name changes).
        const verifier = incrementalDossier();
        const check = () => {
          const read = readContent(contentRoot, root);
          const result = verifier(read.files);
          return { ...result, diagnostics: [...read.diagnostics, ...result.diagnostics] };
        };
        // Process every page once while the server is idle, so the first edit is already incremental.
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
            await refreshContent({ loaders: COLLECTIONS.map((c) => `backchannel-${c}`), context: { views } });
          }
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
