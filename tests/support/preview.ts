/**
 * Serve a built site with `astro preview` (Astro's programmatic `preview()`), the server `npm start` uses: browser
 * tests, screenshots and the bench's reader budgets all see the site as a reader of `npm start` would.
 */
import { preview } from 'astro';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface Preview {
  /** The site's address, with its base and without a trailing slash (`http://127.0.0.1:40123/dossier`). */
  url: string;
  stop(): Promise<void>;
}

/** Serve `dist` on a free loopback port with the project at `root` (the repository by default) under `base`. */
export async function servePreview(dist: string, { root = REPO, base }: { root?: string; base?: string } = {}): Promise<Preview> {
  const server = await preview({
    root,
    outDir: dist,
    ...(base ? { base } : {}),
    server: { host: '127.0.0.1', port: 0 },
    logLevel: 'error',
  });
  const path = (base ?? '/').replace(/\/+$/, '');
  return { url: `http://127.0.0.1:${server.port}${path}`, stop: () => server.stop() };
}
