/**
 * `astro dev` on a copy of the project in a temporary folder (node_modules linked), so the working tree is never
 * touched: for the dev-server test and for bench/dev-edit.ts, which edit its content as a contributor would.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The text without terminal colours (Astro colours its output when it runs in CI). */
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

export interface DevServer {
  /** The copy of the project the server runs on: edit `work/content/…` to edit the dossier. */
  work: string;
  /** The server's base URL, without a trailing slash. */
  url: string;
  /** Everything the server printed so far, without terminal colours. */
  log(): string;
  /** The page at `path` (`/people/marco-rubio/`) as the server answers it now; '' when it does not. */
  fetchPage(path: string): Promise<string>;
  /** Resolves at the next full reload the server asks its open tabs for (as an open browser tab hears it). */
  nextReload(): Promise<void>;
  /** Resolves with the next error the server sends its open tabs (Vite's error overlay). */
  nextError(): Promise<{ message: string; loc?: { file: string; line: number; column: number } }>;
  stop(): Promise<void>;
}

/** Start `astro dev` on a copy of the project with the content of `content`, and wait until it serves `ready`. */
export async function startDevServer({
  content = join(root, 'content'),
  port = 4399,
  ready = '/',
}: { content?: string; port?: number; ready?: string } = {}): Promise<DevServer> {
  const work = mkdtempSync(join(tmpdir(), 'backchannel-dev-'));
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
    cpSync(join(root, entry), join(work, entry), { recursive: true });
  cpSync(content, join(work, 'content'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
  const server = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port)], {
    cwd: work,
    // Under Vitest (VITEST=true) Astro's dev server answers no route: the server is not the test's.
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST'))),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise((r) => server.once('exit', r));
  const stop = async () => {
    server.kill('SIGTERM');
    await exited;
    rmSync(work, { recursive: true, force: true });
  };
  try {
    // Astro takes the next free port when this one is taken: read the one it chose.
    let url = '';
    for (const started = performance.now(); !url && performance.now() - started < 120_000; await sleep(100)) {
      if (server.exitCode !== null) throw new Error(`astro dev exited:\n${log}`);
      url = /Local\s+(http:\/\/localhost:\d+)/.exec(plain(log))?.[1] ?? '';
    }
    if (!url) throw new Error(`astro dev did not start:\n${log}`);
    const fetchPage = async (path: string) => {
      try {
        const response = await fetch(url + path);
        return response.ok ? await response.text() : '';
      } catch {
        return '';
      }
    };
    let page = '';
    for (const started = performance.now(); !page.includes('<h1') && performance.now() - started < 180_000;) {
      page = await fetchPage(ready);
      if (!page) await sleep(200);
    }
    if (!page) throw new Error(`astro dev did not serve ${url}${ready}:\n${log}`);
    // Listen as an open browser tab does.
    const socket = new WebSocket(url.replace(/^http/, 'ws') + '/', 'vite-hmr');
    const waiting: { type: string; resolve: (payload: Record<string, unknown>) => void }[] = [];
    socket.addEventListener('message', (event) => {
      const payload = JSON.parse(String(event.data)) as Record<string, unknown>;
      for (const waiter of [...waiting])
        if (waiter.type === payload.type) {
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.resolve(payload);
        }
    });
    await new Promise((open) => socket.addEventListener('open', open, { once: true }));
    const next = (type: string) => new Promise<Record<string, unknown>>((resolve) => waiting.push({ type, resolve }));
    return {
      work,
      url,
      log: () => plain(log),
      fetchPage,
      nextReload: () => next('full-reload').then(() => undefined),
      nextError: () => next('error').then((p) => p.err as Awaited<ReturnType<DevServer['nextError']>>),
      stop: async () => {
        socket.close();
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
