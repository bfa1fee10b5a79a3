/**
 * One server: `npm start` serves the build with `astro preview` (scripts/serve.ts is gone). Malformed and traversing
 * URLs get an error and never a file from outside `dist/`: not the folder a build leaves beside it
 * (`dist.old-<n>`), not a file above it, not /etc/passwd. And every person, episode and discrepancy page of the built
 * site has an "Edit this page" link to its own file in the repository's web editor.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REPO } from '../support/astro-project.ts';
import { servePreview, type Preview } from '../support/preview.ts';
import { readHtml, slugsUnder } from '../support/site.ts';

const SIBLING_SECRET = 'SIBLING-FOLDER-SECRET';
const PARENT_SECRET = 'PARENT-FOLDER-SECRET';

/** GET a raw request path (no URL normalisation on the way), with the status and body. */
function get(preview: Preview, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(preview.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('astro preview, the one server', () => {
  const work = mkdtempSync(join(tmpdir(), 'backchannel-serve-'));
  const dist = join(work, 'dist');
  let preview: Preview;

  beforeAll(async () => {
    // A small site, with a stale build folder beside it and a file above it, as a build can leave them.
    mkdirSync(join(dist, 'people/x'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>home</title><h1>home</h1>');
    writeFileSync(join(dist, '404.html'), '<!doctype html><title>404</title><h1>Not found</h1>');
    writeFileSync(join(dist, 'people/x/index.html'), '<!doctype html><title>x</title><h1>x</h1>');
    mkdirSync(join(work, 'dist.old-123'));
    writeFileSync(join(work, 'dist.old-123/x'), SIBLING_SECRET);
    writeFileSync(join(work, 'secret.txt'), PARENT_SECRET);
    preview = await servePreview(dist);
  });
  afterAll(async () => {
    await preview?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('serves the site', async () => {
    expect((await get(preview, '/')).status).toBe(200);
    expect((await get(preview, '/people/x/')).body).toContain('<h1>x</h1>');
    expect((await get(preview, '/no-such-page/')).status).toBe(404);
  });

  it.each(['/%E0%A4%A', '/%', '/%zz', '/people/%E0%A4%A', '/%00'])('answers a malformed URL %s with 400 or 404', async (path) => {
    expect([400, 404]).toContain((await get(preview, path)).status);
  });

  it.each(['/../dist.old-123/x', '/%2e%2e/dist.old-123/x', '/..%5cdist.old-123%5cx', '/..\\secret.txt', '//etc/passwd'])(
    'answers a traversing URL %s with 400 or 404',
    async (path) => {
      const { status, body } = await get(preview, path);
      expect([400, 404]).toContain(status);
      expect(body).not.toMatch(new RegExp(`${SIBLING_SECRET}|${PARENT_SECRET}|root:.*:0:0:`));
    },
  );

  // Astro 7's preview answers 500 (an error page with a stack trace) where Node's fileURLToPath refuses the path: an
  // encoded `/`, or a malformed escape in a path ending in `/`. Measured, not wished: the test pins that these are
  // errors and that nothing outside dist/ comes back, and that the server keeps serving.
  it.each([
    '/..%2Fdist.old-123%2Fx',
    '/..%2F..%2Fetc%2Fpasswd',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/people/..%2F..%2F..%2Fsecret.txt',
    '/%E0%A4%A/',
  ])('answers %s with an error and nothing from outside dist/', async (path) => {
    const { status, body } = await get(preview, path);
    expect([400, 404, 500]).toContain(status);
    expect(body).not.toMatch(new RegExp(`${SIBLING_SECRET}|${PARENT_SECRET}|root:.*:0:0:`));
    expect((await get(preview, '/')).status).toBe(200);
  });

  it('has no scripts/serve.ts, and npm start is astro build then astro preview', () => {
    expect(existsSync(join(REPO, 'scripts/serve.ts'))).toBe(false);
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe('astro build && astro preview');
  });
});

describe('"Edit this page"', () => {
  const dist = inject('distDir');
  const repository = 'https://github.com/backchannel-dossier/backchannel/edit/main/';

  it.each(['people', 'episodes', 'discrepancies'])('links every %s page to its own file in the web editor', (collection) => {
    const slugs = slugsUnder(dist, collection).filter((s) => s !== 'person');
    expect(slugs.length).toBeGreaterThan(5);
    for (const slug of slugs) {
      const links = readHtml(dist, `${collection}/${slug}/index.html`)
        .querySelectorAll('a')
        .filter((a) => a.textContent.trim() === 'Edit this page');
      expect(links, `${collection}/${slug}`).toHaveLength(1);
      const href = links[0]!.getAttribute('href')!;
      expect(href).toBe(`${repository}content/${collection}/${slug}.mdx`);
      expect(existsSync(join(REPO, href.slice(repository.length))), href).toBe(true);
    }
  });
});
