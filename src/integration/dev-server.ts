/**
 * `astro dev`: verify the content when the server starts and again after every edit under the content folder (only
 * the pages that changed are processed again), and show the last views that verified. A content error is printed
 * in the terminal and shown in the browser's error overlay, while the last good content stays served.
 */
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { resolve, sep } from 'node:path';
import { formatDiagnostics, type Diagnostic } from '../lib/diagnostics.ts';
import { escapeForLog } from '../lib/log-safety.ts';
import { createVerifier } from '../lib/verify/index.ts';
import { memoryViewStore } from '../lib/views/view-store.ts';
import { entryId, storedViews } from '../lib/views/write-views.ts';
import { DEV_VIEWS, RESOLVED_VIEWS_MODULE } from './virtual-modules.ts';

export interface DevOptions {
  root: string;
  contentDir: string;
  base: string;
}

/** How long after the last file event an edit is verified (an editor's save can be several events). */
const SETTLE_MS = 50;

/** One verification of the current content: the views to serve, or the errors that keep the last ones served. */
function verifier({ root, contentDir, base }: DevOptions): () => { errors: Diagnostic[]; all: Diagnostic[]; summary: string } {
  const verifier = createVerifier({ root, contentDir, base });
  return () => {
    const started = performance.now();
    const result = verifier.verify();
    const all = result.diagnostics;
    const errors = all.filter((d) => d.severity === 'error');
    if (errors.length === 0) {
      const views = storedViews(result.dossier, base);
      (globalThis as Record<symbol, unknown>)[Symbol.for(DEV_VIEWS)] = memoryViewStore({ ...views }, entryId);
    }
    const ms = Math.round(performance.now() - started);
    return { errors, all, summary: `verified ${result.reprocessed} of ${result.dossier.pages.size} pages in ${ms} ms` };
  };
}

/** The error overlay's message for content errors: every error with its place and hint. */
function overlay(root: string, errors: readonly Diagnostic[]) {
  const first = errors[0]!;
  // Content text is data in the overlay too: control characters are written out, one error a line.
  const message = errors
    .map(
      (d) => escapeForLog(`${d.file}:${d.line}:${d.column} ${d.message} (${d.rule})`) + (d.hint ? `\n  hint: ${escapeForLog(d.hint)}` : ''),
    )
    .join('\n');
  const file = resolve(root, first.file);
  return {
    type: 'error' as const,
    err: {
      message: `Content verification failed:\n${message}`,
      stack: '',
      id: file,
      plugin: 'backchannel',
      loc: { file, line: first.line, column: first.column },
    },
  };
}

/** Verify now, then after every change under the content folder; pages are reloaded with the fresh views. */
export function serveDossier(server: ViteDevServer, logger: AstroIntegrationLogger, options: DevOptions): void {
  const verify = verifier(options);
  const folder = resolve(options.contentDir) + sep;
  const run = (): boolean => {
    const { errors, all, summary } = verify();
    if (errors.length > 0) logger.error(`\n${formatDiagnostics(all)}`);
    else if (all.length > 0) logger.warn(`\n${formatDiagnostics(all)}`);
    if (errors.length > 0) {
      server.ws.send(overlay(options.root, errors));
      return false;
    }
    logger.info(summary);
    return true;
  };
  run();
  server.watcher.add(folder);
  let timer: ReturnType<typeof setTimeout> | undefined;
  server.watcher.on('all', (_event, path) => {
    if (!resolve(path).startsWith(folder)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!run()) return;
      // Invalidating the views module has Astro drop what it keeps of the pages importing it, the paths and props
      // their getStaticPaths gave included: without it an edit never shows (tests/dev/dev-server.test.ts).
      for (const environment of Object.values(server.environments)) {
        const module = environment.moduleGraph.getModuleById(RESOLVED_VIEWS_MODULE);
        if (module) environment.moduleGraph.invalidateModule(module);
      }
      server.ws.send({ type: 'full-reload' });
    }, SETTLE_MS);
  });
}
