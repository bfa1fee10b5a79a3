/**
 * `npm run build`: verify all content once, hand the verified views to Astro, build into a staging folder,
 * and replace dist/ only when everything (verification, Astro, Pagefind) succeeded.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostics } from '../src/lib/diagnostics.ts';
import { prepareViews, VIEWS_PENDING } from '../src/integrations/prepare-views.ts';
import {
  expectedPagesFile,
  readSearchRecords,
  searchRecordsFile,
  startSiteIndex,
  type ExpectedPages,
} from '../src/integrations/pagefind.ts';
import { ClaimPageStamper, claimPagesFile } from '../src/integrations/stamp-claims.ts';
import { claimContextsFile } from '../src/integrations/views-file.ts';
import { GRAPH_LAYOUT, graphInputFile, graphLayoutFile } from '../src/integrations/graph-layout-file.ts';
import { startGraphLayout } from '../src/integrations/graph-layout-worker.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const outDir = resolve(option('out') ?? join(root, 'dist'));
const contentDir = resolve(option('content') ?? join(root, 'content'));
const staging = `${outDir}.staging-${process.pid}`;
/** Where the claims' search index is written while Astro builds into the staging folder (moved in afterwards). */
const claimsIndexAside = `${staging}.claims-index`;
const phases: Record<string, number> = {};
const time = async <T>(name: string, work: () => T | Promise<T>): Promise<T> => {
  const started = performance.now();
  try {
    return await work();
  } finally {
    phases[name] = Math.round(performance.now() - started);
  }
};
const fail = (message: string): never => {
  rmSync(staging, { recursive: true, force: true });
  rmSync(claimsIndexAside, { recursive: true, force: true });
  for (const file of [viewsFile, `${viewsFile}.partial`, ...handedOver]) rmSync(file, { force: true });
  process.stderr.write(
    `\n${message}\nBuild failed: ${existsSync(outDir) ? `the previous ${outDir} is untouched` : `no ${outDir} was written`}.\n`,
  );
  process.exit(1);
};

/**
 * Astro holds the content-layer store and every route's metadata in one process: at 10,000 pages it peaked near
 * V8's default old-space limit (~4.2 GB here). Give it 60 % of the machine's memory (at least 4 GiB) unless
 * NODE_OPTIONS already sets a limit.
 */
function astroHeap(): string[] {
  if (/--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '')) return [];
  return [`--max-old-space-size=${Math.max(4096, Math.floor((totalmem() / 2 ** 20) * 0.6))}`];
}

const viewsFile = join(tmpdir(), `backchannel-views-${process.pid}.ndjson`);
const recordsFile = searchRecordsFile(viewsFile);
const pagesFile = claimPagesFile(viewsFile);
const expectedFile = expectedPagesFile(viewsFile);
const layoutFile = graphLayoutFile(viewsFile);
/** The files verification leaves beside the views for this process and Astro, and the graph layout made from them. */
const handedOver = [
  recordsFile,
  pagesFile,
  expectedFile,
  graphInputFile(viewsFile),
  layoutFile,
  `${layoutFile}.partial`,
  claimContextsFile(viewsFile),
];
// The graph is laid out in a worker thread of this process while Astro builds; `page` has its page lay it out.
const graphLayout = process.env[GRAPH_LAYOUT] === 'page' ? 'page' : 'worker';
// Claim permalinks are stamped from a template after Astro (stamp-claims.ts); `astro` has Astro render each one.
const claimPages = process.env.BACKCHANNEL_CLAIM_PAGES === 'astro' ? 'astro' : 'stamp';
// The claim pages are stamped from the template as soon as Astro has written it, while Astro renders the rest.
const stamper = new ClaimPageStamper(staging, viewsFile);

// Astro's bundler prints a multi-line, harmless warning per MDX file; keep real errors visible.
const NOISE = /use astro:head-inject|^\s*(at |\d+ \|)|Module level directives cause errors when bundled/;

/**
 * Start `astro build` into the staging folder. It starts while the content is still being verified: Astro loads its
 * config, integrations and Vite first and needs the views only at its content sync, where the loader waits for the
 * views file (BACKCHANNEL_VIEWS_PENDING, see prepare-views.ts). `exit` resolves with its exit code; `stop` ends it.
 */
function startAstro(): { exit: Promise<number>; stop: () => Promise<void> } {
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(dirname(staging), { recursive: true });
  const started = performance.now();
  const child = spawn(process.execPath, [...astroHeap(), join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      BACKCHANNEL_OUT_DIR: staging,
      BACKCHANNEL_VIEWS: viewsFile,
      [VIEWS_PENDING]: '1',
      BACKCHANNEL_PAGEFIND: 'after-astro',
      BACKCHANNEL_CLAIM_PAGES: claimPages,
      BACKCHANNEL_CLAIM_PAGES_FILE: pagesFile,
      [GRAPH_LAYOUT]: graphLayout === 'worker' ? layoutFile : '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const relay = (stream: NodeJS.ReadableStream, to: NodeJS.WriteStream) => {
    let buffer = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (!NOISE.test(line)) to.write(`${line}\n`);
    });
    stream.on('end', () => buffer && to.write(buffer));
  };
  relay(child.stdout!, process.stdout);
  relay(child.stderr!, process.stderr);
  const watching = claimPages === 'stamp' ? setInterval(() => stamper.poll(), 250) : undefined;
  const exit = new Promise<number>((done) =>
    child.on('close', (status) => {
      clearInterval(watching);
      phases.astro = Math.round(performance.now() - started);
      done(status ?? 1);
    }),
  );
  return {
    exit,
    stop: async () => {
      child.kill('SIGTERM');
      await exit;
    },
  };
}

// Verification and the views run in a child process that exits before Astro's content sync: the verified graph
// (gigabytes for a large dossier) is not kept resident beside Astro's store and Pagefind. The views go over line by
// line (views-file.ts). Astro starts meanwhile (`astro` is timed from its start, so it overlaps `verify`).
const astro = startAstro();
const prepared = await prepareViews(root, contentDir, viewsFile, claimPages === 'stamp').catch(async (error: Error) => {
  await astro.stop();
  return fail(`Verification could not run: ${error.message}`);
});
const { diagnostics, counts } = prepared;
Object.assign(phases, prepared.phases);
if (diagnostics.length > 0) process.stderr.write(`${formatDiagnostics(diagnostics)}\n`);
if (diagnostics.some((d) => d.severity === 'error')) {
  await astro.stop();
  fail('Content verification failed: fix the errors above (run `npm run check` for the same report).');
}

// The graph is laid out in a worker thread while Astro syncs and renders; its page waits for the layout.
const layingOut = graphLayout === 'worker' ? startGraphLayout(graphInputFile(viewsFile), layoutFile) : undefined;
// Pagefind starts now: it indexes the claims' search records and writes their index while Astro builds; it reads
// each collection's pages as soon as Astro has written them all, and the rest once Astro has exited.
const search = startSiteIndex(
  readSearchRecords(recordsFile),
  JSON.parse(readFileSync(expectedFile, 'utf8')) as ExpectedPages,
  claimsIndexAside,
);
const feeding = setInterval(() => search.poll(staging), 250);
const code = await astro.exit;
clearInterval(feeding);
// Claim pages and the claims' index may still be written: let that end before a failure removes the folders.
if (code !== 0 || !existsSync(join(staging, 'index.html'))) await Promise.all([stamper.settled(), search.abandon()]);
if (code !== 0) fail(`astro build exited with code ${code}.`);
if (!existsSync(join(staging, 'index.html'))) fail('astro build produced no index.html.');
// Pagefind reads the pages not read yet and writes its index once Astro has exited. Any claim pages still being
// stamped are finished meanwhile: Pagefind reads only pages with a search body (PAGE_BATCHES), never a claim
// permalink, so the two work on different files. `claim-pages` is the stamping time left after Astro.
const [stamped, indexed] = await Promise.allSettled([
  claimPages === 'stamp' ? time('claim-pages', () => stamper.finish()) : Promise.resolve(undefined),
  time('pagefind', () => search.finish(staging)),
]);
if (stamped.status === 'rejected') fail(`Writing the claim pages failed: ${(stamped.reason as Error).message}`);
if (indexed.status === 'rejected') fail((indexed.reason as Error).message);
if (stamped.status === 'fulfilled' && stamped.value !== undefined)
  process.stdout.write(
    `[backchannel-claims] wrote ${stamped.value} claim pages${stamper.startedEarly ? ', started while Astro rendered,' : ''} done ${phases['claim-pages']} ms after Astro\n`,
  );
if (indexed.status === 'fulfilled')
  process.stdout.write(
    `[backchannel-pagefind] read ${indexed.value.files} pages (${indexed.value.early} while Astro built) and ${indexed.value.records} claims in ${phases.pagefind} ms\n`,
  );
await layingOut;
for (const file of [viewsFile, ...handedOver]) rmSync(file, { force: true });
if (!existsSync(join(staging, 'pagefind'))) fail('Pagefind wrote no index.');

const old = `${outDir}.old-${process.pid}`;
if (existsSync(outDir)) renameSync(outDir, old);
renameSync(staging, outDir);
rmSync(old, { recursive: true, force: true });
process.stdout.write(
  `\nBuilt ${counts.pages} pages, ${counts.claims} claims, ${counts.sources} sources into ${outDir}\nphases (ms): ${JSON.stringify(phases)}\n`,
);
