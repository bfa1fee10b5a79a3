/**
 * How long a contributor waits in `astro dev` between saving an MDX file and seeing the change: from writing the
 * file to the dev server answering the page with the new text, listening on Vite's HMR socket as an open browser
 * tab does (re-verification, the content-layer refresh and rendering included).
 *
 *   node bench/dev-edit.ts [--content DIR] [--page people/marco-rubio] [--edits 5] [--per-server 1] [--port 4399]
 *
 * Each dev server is started fresh on a copy of the project in a temporary folder (tests/support/dev-server.ts), so
 * the working tree is never touched, and takes `--per-server` edits of the page in a row, each 2 s after the previous
 * one showed (a contributor saving again: Astro reloads its content config after every MDX change).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startDevServer } from '../tests/support/dev-server.ts';

const root = resolve(import.meta.dirname, '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What to measure: the content, the page edited (`people/marco-rubio`), how many edits, how many per server. */
export interface DevEditOptions {
  content: string;
  page: string;
  edits: number;
  perServer: number;
  port: number;
}

export interface Edit {
  ms: number;
  startupMs: number;
  verified?: { reprocessed: number; pages: number; ms: number };
}

/** Start a dev server on a copy of the project, make `count` edits, and return the milliseconds until each shows. */
async function editsOnOneServer({ content, page, port }: DevEditOptions, firstEdit: number, count: number): Promise<Edit[]> {
  const path = `/${page}/`;
  const started = performance.now();
  const server = await startDevServer({ content, port, ready: path });
  try {
    const startupMs = Math.round(performance.now() - started);
    await sleep(3000); // let the dev server finish its first verification
    const file = join(server.work, 'content', `${page}.mdx`);
    const original = readFileSync(file, 'utf8');
    // The first claim's text, which the page shows: a contributor rewording a sentence.
    const claimText = /(<Claim\b[^>]*>\s*\n)([^<\n]+)/.exec(original);
    if (!claimText) throw new Error(`${file} has no <Claim> whose text starts on its own line`);
    const done: Edit[] = [];
    for (let n = firstEdit; n < firstEdit + count; n++) {
      if (n > firstEdit) await sleep(2000);
      const marker = `devedit${n}`;
      const logged = server.log().length;
      const written = performance.now();
      writeFileSync(file, original.replace(claimText[0], `${claimText[1]}${claimText[2]!.trimEnd()} ${marker}`));
      let seen = false;
      while (!seen && performance.now() - written < 60_000) {
        await Promise.race([server.nextReload(), sleep(250)]);
        seen = (await server.fetchPage(path)).includes(marker);
      }
      if (!seen)
        throw new Error(
          `edit ${n} never showed on ${server.url}${path}:\n${server
            .log()
            .split('\n')
            .filter((l) => !l.includes('[200]'))
            .join('\n')
            .slice(-3000)}`,
        );
      const ms = Math.round(performance.now() - written);
      const m = /verified (\d+) of (\d+) pages in (\d+) ms/.exec(server.log().slice(logged));
      done.push({ ms, startupMs, ...(m ? { verified: { reprocessed: Number(m[1]), pages: Number(m[2]), ms: Number(m[3]) } } : {}) });
    }
    return done;
  } finally {
    await server.stop();
  }
}

/** Every edit's time from save to visible, and their median. */
export async function measureDevEdits(options: DevEditOptions): Promise<{ editToVisibleMs: number[]; medianMs: number; runs: Edit[] }> {
  const runs: Edit[] = [];
  for (let n = 1; n <= options.edits; n += options.perServer)
    runs.push(...(await editsOnOneServer(options, n, Math.min(options.perServer, options.edits - n + 1))));
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  return { editToVisibleMs: runs.map((r) => r.ms), medianMs: sorted[Math.floor(sorted.length / 2)]!, runs };
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1]! : fallback;
  };
  const options: DevEditOptions = {
    content: resolve(option('content', join(root, 'content'))),
    page: option('page', 'people/marco-rubio'),
    edits: Number(option('edits', '5')),
    perServer: Math.max(1, Number(option('per-server', '1'))),
    port: Number(option('port', '4399')),
  };
  process.stdout.write(`${JSON.stringify({ ...options, ...(await measureDevEdits(options)) }, null, 2)}\n`);
}
