/**
 * `astro dev` as a contributor uses it: every edit of an MDX file is verified again and shows on the next load (also
 * when saved right after the previous one), and a citation that does not hold is named by file and line in Vite's
 * error overlay while the last good content stays served.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../support/dev-server.ts';

const PAGE = '/people/marco-rubio/';
const FILE = 'content/people/marco-rubio.mdx';
let server: DevServer;

beforeAll(async () => {
  server = await startDevServer({ port: 4411, ready: PAGE });
});
afterAll(() => server?.stop());

const edit = (change: (text: string) => string) => {
  const file = join(server.work, FILE);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
};

/** Wait until `page` shows `text`, reloading as an open tab does; how long that took. */
async function shows(page: string, text: string, timeout = 30_000): Promise<number> {
  const started = performance.now();
  while (!(await server.fetchPage(page)).includes(text)) {
    if (performance.now() - started > timeout) throw new Error(`${page} never showed “${text}”:\n${server.log().slice(-3000)}`);
    await Promise.race([server.nextReload(), new Promise((r) => setTimeout(r, 250))]);
  }
  return performance.now() - started;
}

describe('astro dev', () => {
  it('shows every edit of a claim, on its page and on the claim’s permalink, edits in a row included', async () => {
    for (const word of ['first-edit', 'second-edit', 'third-edit']) {
      edit((text) => text.replace(/Rubio is the US Secretary of State( \([a-z-]+\))?;/, `Rubio is the US Secretary of State (${word});`));
      await shows(PAGE, `(${word})`);
    }
    expect(await server.fetchPage('/claims/rubio-secretary-of-state/')).toContain('(third-edit)');
  });

  it('names the file and line of a citation that does not hold, and keeps serving the last good content', async () => {
    const good = 'quote="Special Envoy Steve Witkoff and Secretary of State Marco Rubio"';
    const bad = 'quote="Special Envoy Steve Witkoff and Vice President Marco Rubio"';
    const line =
      readFileSync(join(server.work, FILE), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes(good)) + 1;
    const overlay = server.nextError();
    edit((text) => text.replace(good, bad));
    const error = await overlay;
    expect(error.message).toContain(`${FILE}:${line}:`);
    expect(error.loc).toMatchObject({ file: join(server.work, FILE), line });
    expect(server.log()).toContain(`${FILE}:${line}:`);
    expect(await server.fetchPage(PAGE)).toContain('(third-edit)');

    edit((text) => text.replace(bad, good).replace('(third-edit)', '(fixed)'));
    await shows(PAGE, '(fixed)');
  });

  it('serves a page added while it runs, lists it on the index, and stops serving it once its file is gone', async () => {
    const file = join(server.work, 'content/people/test-newcomer.mdx');
    writeFileSync(file, '---\nname: Test Newcomer\nsummary: A person added while the dev server runs.\nroles: []\n---\n\nNo claims yet.\n');
    await shows('/people/test-newcomer/', 'Test Newcomer');
    await shows('/people/', '/people/test-newcomer/');
    rmSync(file);
    const started = performance.now();
    while ((await server.fetchPage('/people/test-newcomer/')) !== '') {
      if (performance.now() - started > 30_000) throw new Error('the removed page is still served');
      await Promise.race([server.nextReload(), new Promise((r) => setTimeout(r, 250))]);
    }
    expect(await server.fetchPage('/people/')).not.toContain('/people/test-newcomer/');
  });
});
