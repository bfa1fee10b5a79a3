/**
 * `npm run bench -- --pages N[,N…] [--sources S] [--reps R[,R…]] [--json]`
 *
 * Generates the deterministic corpus into .bench/, then builds it, cold, R times each, one build at a time (R: one count
 * for every size, or one per size, such as `--reps 5,3,3`: a build of 20 s is thrown off by a disturbance that a build
 * of two minutes absorbs, so the shortest builds take the most samples):
 *   backchannel  `astro build` of a project using the integration on the corpus (verify → views → pages → Pagefind)
 *   plain        Astro 7 + @astrojs/mdx with the same pages, trivial <Claim>/<Cite>, then `pagefind --site dist`
 *   starlight    Starlight 0.42 with the same pages (its own Pagefind)
 * Every project renders 4 pages at a time (`build.concurrency: 4`) with the same Node flags; the order of the systems
 * rotates from one repetition to the next.
 * and reports wall time, CPU time and peak RSS of each build's whole process tree, pages and bytes written,
 * Backchannel's phases, ratios against the targets, the per-page scaling, `npm run check` time, and the
 * reader-side budgets measured in Chromium on the Backchannel build of the 1k corpus (or the smallest).
 *
 * Sizes above --baselines-up-to N (default 10000) build Backchannel alone, once: the baselines would take hours there,
 * and the point of such a size is whether Backchannel's build finishes, in what time and memory (the 50k build).
 *
 * Other options: --systems backchannel,plain,starlight  --seed 1  --work .bench  --results bench (where
 * results.json and RESULTS.md go; --no-write skips them; --render-only rewrites RESULTS.md from results.json and
 * bench/notes.md)  --no-budgets  --budgets-at N  --quiet-wait S (wait
 * up to S seconds before each build for other processes to go quiet; default 120, 0 disables).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBudgets, type Budgets } from './budgets.ts';
import { writeCorpus, type CorpusStats } from './generate.ts';
import { measure, outputStats, settle, type Measured, type OutputStats, type Quiet } from './measure.ts';
import { measureDevEdits } from './dev-edit.ts';
import { setupBackchannel, setupPlain, setupStarlight } from './projects.ts';
import { renderMarkdown } from './report.ts';

export const SYSTEMS = ['backchannel', 'plain', 'starlight'] as const;
export type System = (typeof SYSTEMS)[number];

export const TARGETS = {
  plain: 1.3,
  starlight: 0.75,
  rssPlain: 1.1,
  checkMs10k: 10_000,
  changedMs: 1_000,
  devEditMs: 1_000,
  /** Time per page at 50k pages, at most this many times the time per page at 10k (issue 18). */
  perPage50k: 1.1,
};

export interface Run extends Omit<Measured, 'stdout' | 'stderr'>, OutputStats {
  rep: number;
  /** HEAD when the build started, and whether tracked files differed from it (others may commit during a run). */
  commit: string;
  dirty: boolean;
  quiet: Quiet;
  /** Backchannel: `phases (ms)` of scripts/build.ts. */
  phases?: Record<string, number>;
  /** Pagefind indexing time as the build logs it. */
  pagefindMs?: number;
  /** Astro's own "N page(s) built in X" (the astro build, without process start-up and config loading). */
  astroBuiltMs?: number;
  error?: string;
}

export interface Summary {
  runs: Run[];
  ok: boolean;
  wallMs: { min: number; median: number };
  cpuMs: { min: number; median: number };
  peakRssBytes: { median: number; max: number };
  htmlPages: number;
  distBytes: number;
  pagefindBytes: number;
  pagefindFiles: number;
  pagefindMs?: number;
  astroBuiltMs?: number;
  phases?: Record<string, number>;
}

export interface SizeResult {
  pages: number;
  corpus: CorpusStats;
  check: {
    wallMs: number;
    cpuMs: number;
    peakRssBytes: number;
    reportedMs?: number;
    ok: boolean;
    quiet: Quiet;
  };
  /** `npm run check -- --changed` with one episode edited on a branch of a git repository of the corpus. */
  changed?: { wallMs: number[]; medianMs: number; ok: boolean };
  /** `astro dev` on the corpus: save → the page shows the edit (bench/dev-edit.ts). */
  devEdit?: { editToVisibleMs: number[]; medianMs: number; startupMs: number };
  systems: Partial<Record<System, Summary>>;
  ratios: { plain?: number; starlight?: number; rssPlain?: number; cpuPlain?: number; cpuStarlight?: number };
}

export interface Results {
  generatedAt: string;
  machine: { nproc: number; cpu: string; memoryGiB: number; node: string; kernel: string; loadavgAtStart: number[] };
  git: { commit: string; dirty: string[] };
  options: { pages: number[]; sources: number; reps: number | number[]; seed: number; systems: System[]; baselinesUpTo?: number };
  sizes: SizeResult[];
  ratios: { pages: number; plain?: number; starlight?: number; rssPlain?: number };
  scaling: Partial<Record<System, { pages: number; msPerPage: number }[]>>;
  targets: typeof TARGETS & { met: Record<string, boolean | undefined> };
  budgets?: Budgets & { pagesInCorpus: number };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function summarize(runs: Run[]): Summary {
  const ok = runs.filter((r) => r.code === 0);
  const use = ok.length > 0 ? ok : runs;
  const last = use[use.length - 1]!;
  const phaseKeys = [...new Set(use.flatMap((r) => Object.keys(r.phases ?? {})))];
  const opt = (pick: (r: Run) => number | undefined) => {
    const xs = use.map(pick).filter((x): x is number => x !== undefined);
    return xs.length ? median(xs) : undefined;
  };
  const pagefindMs = opt((r) => r.pagefindMs);
  const astroBuiltMs = opt((r) => r.astroBuiltMs);
  return {
    runs,
    ok: ok.length === runs.length,
    wallMs: { min: Math.min(...use.map((r) => r.wallMs)), median: median(use.map((r) => r.wallMs)) },
    cpuMs: { min: Math.min(...use.map((r) => r.cpuMs)), median: median(use.map((r) => r.cpuMs)) },
    peakRssBytes: { median: median(use.map((r) => r.peakRssBytes)), max: Math.max(...use.map((r) => r.peakRssBytes)) },
    htmlPages: last.htmlPages,
    distBytes: last.distBytes,
    pagefindBytes: last.pagefindBytes,
    pagefindFiles: last.pagefindFiles,
    ...(pagefindMs !== undefined ? { pagefindMs } : {}),
    ...(astroBuiltMs !== undefined ? { astroBuiltMs } : {}),
    ...(phaseKeys.length ? { phases: Object.fromEntries(phaseKeys.map((k) => [k, median(use.map((r) => r.phases?.[k] ?? 0))])) } : {}),
  };
}

function parseLog(system: System, out: string): Pick<Run, 'phases' | 'pagefindMs' | 'astroBuiltMs'> {
  const result: Pick<Run, 'phases' | 'pagefindMs' | 'astroBuiltMs'> = {};
  const phases = /phases \(ms\): (\{.*\})/.exec(out);
  if (phases) result.phases = JSON.parse(phases[1]!) as Record<string, number>;
  const indexed = /(?:indexed \d+ pages|read \d+ pages(?: \(\d+ while Astro built\))? and \d+ claims) in (\d+) ms/.exec(out);
  if (indexed) result.pagefindMs = Number(indexed[1]);
  // Pagefind's command, after plain Astro: "Finished in 0.411 seconds".
  const command = /^Finished in ([\d.]+) seconds/m.exec(out);
  if (system === 'plain' && command) result.pagefindMs = Math.round(Number(command[1]) * 1000);
  const starlight = /Finished building search index in ([\d.]+)(m?s)/.exec(out);
  if (system === 'starlight' && starlight) result.pagefindMs = Math.round(Number(starlight[1]) * (starlight[2] === 's' ? 1000 : 1));
  // "6611 page(s) built in 58.13s", "… in 13m 37s", "… in 950ms".
  const built = /page\(s\) built in (?:(\d+)m(?!s)\s*)?(?:([\d.]+)(m?s))?/.exec(out.replace(/\x1b\[[0-9;]*m/g, ''));
  if (built && (built[1] || built[2]))
    result.astroBuiltMs = Math.round(Number(built[1] ?? 0) * 60_000 + Number(built[2] ?? 0) * (built[3] === 'ms' ? 1 : 1000));
  return result;
}

/**
 * `npm run check -- --changed` as a contributor runs it: a git repository of the corpus (a copy), one episode's claim
 * reworded in the working tree, three runs; wall times of the whole command.
 */
async function measureChanged(
  root: string,
  corpus: string,
  work: string,
  env: NodeJS.ProcessEnv,
  { nproc, quietWaitMs }: { nproc: number; quietWaitMs: number },
): Promise<NonNullable<SizeResult['changed']>> {
  const repo = join(work, 'changed-repo');
  rmSync(repo, { recursive: true, force: true });
  cpSync(corpus, join(repo, 'content'), { recursive: true });
  const git = (...a: string[]) => execFileSync('git', ['-c', 'user.email=bench@example.org', '-c', 'user.name=bench', ...a], { cwd: repo });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'corpus');
  const episode = join(repo, 'content', 'episodes', readdirSync(join(repo, 'content', 'episodes')).sort()[0]!);
  writeFileSync(episode, readFileSync(episode, 'utf8').replace('</Claim>', ' Reworded.\n</Claim>'));
  // The copy and git's objects are just written: write them back first, as before every measured command.
  await settle(nproc, quietWaitMs);
  const runs: Measured[] = [];
  for (let i = 0; i < 3; i++)
    runs.push(await measure(process.execPath, [join(root, 'scripts/check.mjs'), '--changed', '--root', repo], { cwd: root, env }));
  rmSync(repo, { recursive: true, force: true });
  const wallMs = runs.map((r) => r.wallMs);
  return { wallMs, medianMs: median(wallMs), ok: runs.every((r) => r.code === 0 && /checked 1 changed content file/.test(r.stderr)) };
}

/**
 * Which targets a run meets, judged from its measurements alone: `--render-only` judges again, so that a target added
 * later is judged on an earlier run. The scaling target compares the sizes built beside their baselines (1k to 10k);
 * a larger size, built alone, is judged against 10k by its own target (`perPage50k`).
 */
export function judgeTargets(results: Results): Results['targets']['met'] {
  const withBaselines = new Set(results.sizes.filter((s) => Object.keys(s.ratios).length > 0).map((s) => s.pages));
  const bcScaling = (results.scaling.backchannel ?? []).filter((x) => withBaselines.has(x.pages));
  const perPage = (pages: number) => results.scaling.backchannel?.find((x) => x.pages === pages)?.msPerPage;
  const [at10k, at50k] = [perPage(10_000), perPage(50_000)];
  const check10k = results.sizes.find((s) => s.pages === 10_000)?.check;
  return {
    plain: results.sizes.every((s) => s.ratios.plain === undefined || s.ratios.plain <= TARGETS.plain),
    starlight: results.sizes.every((s) => s.ratios.starlight === undefined || s.ratios.starlight <= TARGETS.starlight),
    rssPlain: results.sizes.every((s) => s.ratios.rssPlain === undefined || s.ratios.rssPlain <= TARGETS.rssPlain),
    scaling: bcScaling.length < 2 ? undefined : bcScaling[bcScaling.length - 1]!.msPerPage <= bcScaling[0]!.msPerPage,
    perPage50k: at10k === undefined || at50k === undefined ? undefined : at50k <= TARGETS.perPage50k * at10k,
    check10k: check10k ? check10k.wallMs < TARGETS.checkMs10k : undefined,
    // Like the ratios, `--changed` is judged at the sizes built with their baselines; a larger one is reported.
    changed: results.sizes
      .filter((s) => withBaselines.has(s.pages))
      .every((s) => !s.changed || (s.changed.ok && s.changed.medianMs < TARGETS.changedMs)),
    devEdit: results.sizes.some((s) => s.devEdit)
      ? results.sizes.every((s) => !s.devEdit || Math.max(...s.devEdit.editToVisibleMs) < TARGETS.devEditMs)
      : undefined,
    ...(results.budgets ? Object.fromEntries(Object.entries(results.budgets.pass).map(([k, v]) => [`budget:${k}`, v])) : {}),
  };
}

/** `--reps`: one count for every size (a number), or one per size (a list as long as `--pages`). */
export function parseReps(arg: string, sizes: number): number | number[] {
  const counts = arg.split(',').map(Number);
  if (counts.some((n) => !Number.isInteger(n) || n < 1) || (counts.length > 1 && counts.length !== sizes))
    throw new Error('--reps takes a count (at least 1) for every size, or one per size of --pages, comma-separated');
  return counts.length === 1 ? counts[0]! : counts;
}

export async function main(argv: string[]): Promise<Results> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const opt = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  };
  if (argv.includes('--render-only')) {
    // Re-render RESULTS.md (e.g. after editing bench/notes.md) from the last results.json, without building.
    const dir = resolve(root, opt('results') ?? 'bench');
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;
    results.targets = { ...TARGETS, met: judgeTargets(results) };
    const notes = join(dir, 'notes.md');
    writeFileSync(join(dir, 'RESULTS.md'), renderMarkdown(results, existsSync(notes) ? readFileSync(notes, 'utf8') : undefined));
    return results;
  }
  const json = argv.includes('--json');
  const say = (s: string) => process.stderr.write(`${s}\n`);
  const sizes = (opt('pages') ?? '1000').split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 3)) throw new Error('--pages takes page counts (at least 3), comma-separated');
  const sources = Number(opt('sources') ?? 500);
  const reps = parseReps(opt('reps') ?? '3', sizes.length);
  const seed = Number(opt('seed') ?? 1);
  const systems = (opt('systems') ?? SYSTEMS.join(',')).split(',') as System[];
  const work = resolve(root, opt('work') ?? '.bench');
  const resultsDir = argv.includes('--no-write') ? undefined : resolve(root, opt('results') ?? 'bench');
  const budgetsAt =
    argv.includes('--no-budgets') || !systems.includes('backchannel')
      ? undefined
      : Number(opt('budgets-at') ?? (sizes.includes(1000) ? 1000 : Math.min(...sizes)));
  const quietWaitMs = Number(opt('quiet-wait') ?? 120) * 1000;
  const baselinesUpTo = Number(opt('baselines-up-to') ?? 10_000);
  if (!work.startsWith(`${root}/`)) throw new Error('--work must be inside the repository, so the baselines resolve its node_modules');
  mkdirSync(work, { recursive: true });
  // Outputs and caches are moved aside between builds and deleted only once every build is done. ext4 skips
  // inodes freed in the last 60-300 s when it allocates new ones, scanning past each of them: right after the
  // ~100,000 files of a 10k Backchannel site were deleted, the next build's file writes (its pages, Pagefind's
  // fragments) ran up to ~30 s slower, in proportion to the files it writes, not to its work.
  const trash = join(work, 'trash');
  if (existsSync(trash)) {
    say(`removing ${relative(root, trash)} left by an earlier run, and waiting 2 min for the file system to settle…`);
    rmSync(trash, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 120_000));
  }
  mkdirSync(trash, { recursive: true });
  let discarded = 0;
  /** Move `path` (an output or a cache) into the trash, deleted at the end of the run. */
  const discard = (path: string) => existsSync(path) && renameSync(path, join(trash, String(discarded++)));
  const nproc = availableParallelism();
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const git = (...a: string[]) => {
    try {
      return execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };

  const results: Results = {
    generatedAt: new Date().toISOString(),
    machine: {
      nproc,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(totalmem() / 2 ** 30, 1),
      node: process.version,
      kernel: release(),
      loadavgAtStart: loadavg().map((x) => round(x)),
    },
    git: {
      commit: git('rev-parse', 'HEAD'),
      dirty: git('status', '--porcelain')
        .split('\n')
        .filter((l) => l && !/ (bench|docs\/scaling\.md|tests\/bench)\b/.test(l)),
    },
    options: { pages: sizes, sources, reps, seed, systems, baselinesUpTo },
    sizes: [],
    ratios: { pages: Math.max(...sizes.filter((n) => n <= baselinesUpTo), Math.min(...sizes)) },
    scaling: {},
    targets: { ...TARGETS, met: {} },
  };

  for (const [sizeIndex, pages] of sizes.entries()) {
    const large = pages > baselinesUpTo;
    const sizeSystems = large ? systems.filter((s) => s === 'backchannel') : systems;
    const sizeReps = large ? 1 : typeof reps === 'number' ? reps : reps[sizeIndex]!;
    const corpusDir = join(work, `corpus-${pages}`);
    say(`\n== ${pages} pages, ${sources} sources: generating ${relative(root, corpusDir)}`);
    const corpus = writeCorpus(corpusDir, { pages, sources, seed });
    if (systems.includes('backchannel')) setupBackchannel(join(work, 'backchannel'), corpusDir, root);
    if (sizeSystems.includes('plain')) setupPlain(join(work, 'plain'), corpusDir);
    if (sizeSystems.includes('starlight')) setupStarlight(join(work, 'starlight'), corpusDir);

    // `npm run check` on the same corpus (verification only).
    const quietCheck = await settle(nproc, quietWaitMs);
    const checked = await measure(process.execPath, [join(root, 'scripts/check.mjs'), `--content=${corpusDir}`], { cwd: root, env });
    const reported = /in (\d+) ms/.exec(checked.stdout + checked.stderr);
    const check = {
      wallMs: checked.wallMs,
      cpuMs: checked.cpuMs,
      peakRssBytes: checked.peakRssBytes,
      ...(reported ? { reportedMs: Number(reported[1]) } : {}),
      ok: checked.code === 0,
      quiet: quietCheck,
    };
    say(
      `   check: ${check.ok ? 'ok' : 'FAILED'} in ${checked.wallMs} ms wall (${check.reportedMs ?? '?'} ms reported)${check.ok ? '' : `\n${checked.stderr.slice(-2000)}`}`,
    );
    const changed = await measureChanged(root, corpusDir, work, env, { nproc, quietWaitMs });
    say(`   check --changed: ${changed.ok ? 'ok' : 'FAILED'}, ${changed.wallMs.join(' / ')} ms wall`);
    let devEdit: SizeResult['devEdit'];
    if (systems.includes('backchannel') && pages === budgetsAt) {
      await settle(nproc, quietWaitMs);
      const people = readdirSync(join(corpusDir, 'people')).sort();
      const edits = await measureDevEdits({
        content: corpusDir,
        page: `people/${people[0]!.replace(/\.mdx$/, '')}`,
        edits: 6,
        perServer: 3,
        port: 4399,
      });
      devEdit = { editToVisibleMs: edits.editToVisibleMs, medianMs: edits.medianMs, startupMs: edits.runs[0]!.startupMs };
      say(`   astro dev, save → visible: ${edits.editToVisibleMs.join(' / ')} ms`);
    }

    const runs: Record<System, Run[]> = { backchannel: [], plain: [], starlight: [] };
    for (let rep = 1; rep <= sizeReps; rep++) {
      // Each system goes first in turn: none always builds right after the corpus is written, or right after another.
      const order = sizeSystems.map((_, i) => sizeSystems[(i + rep - 1) % sizeSystems.length]!);
      for (const system of order) {
        const cwd = join(work, system);
        const out = join(cwd, 'dist');
        // Cold: no Astro or Vite caches, no previous output.
        const caches = [join(cwd, '.astro'), join(cwd, 'node_modules')];
        for (const p of [...caches, out]) discard(p);
        const quiet = await settle(nproc, quietWaitMs);
        const log = join(work, `${system}-${pages}-${rep}.log`);
        rmSync(log, { force: true });
        const astro = join(root, 'node_modules/astro/bin/astro.mjs');
        // Plain Astro is indexed the usual way: Pagefind's command once `astro build` has exited.
        const [command, args] =
          system === 'plain'
            ? [
                'sh',
                [
                  '-c',
                  `"$0" "${astro}" build && "$0" "${join(root, 'node_modules/pagefind/lib/runner/bin.cjs')}" --site dist`,
                  process.execPath,
                ],
              ]
            : [process.execPath, [astro, 'build']];
        say(`   ${system} rep ${rep}/${sizeReps}…`);
        const startCommit = git('rev-parse', '--short', 'HEAD');
        const startDirty =
          git('status', '--porcelain', '--untracked-files=no', '--', 'src', 'scripts', 'astro.config.mjs', 'public') !== '';
        const m = await measure(command, args, { cwd, env, log });
        const { stdout, stderr, ...measured } = m;
        const run: Run = {
          rep,
          commit: startCommit,
          dirty: startDirty,
          quiet,
          ...measured,
          ...outputStats(out),
          ...parseLog(system, stdout + stderr),
        };
        if (m.code !== 0) run.error = (stderr || stdout).slice(-3000);
        runs[system].push(run);
        say(
          `   ${system} rep ${rep}: ${m.code === 0 ? '' : `FAILED (exit ${m.code}) `}${(m.wallMs / 1000).toFixed(1)} s wall, ${(m.cpuMs / 1000).toFixed(1)} s CPU, ${(m.peakRssBytes / 2 ** 30).toFixed(2)} GiB peak RSS, ${run.htmlPages} HTML pages${run.phases ? `, phases ${JSON.stringify(run.phases)}` : ''}${m.foreignCpuMs > 1000 ? ` (other processes used ${(m.foreignCpuMs / 1000).toFixed(1)} s CPU meanwhile)` : ''}`,
        );
        if (system === 'backchannel' && pages === budgetsAt && rep === sizeReps && m.code === 0) {
          say('   measuring reader-side budgets in Chromium…');
          try {
            results.budgets = { ...(await measureBudgets(out)), pagesInCorpus: pages };
          } catch (error) {
            say(`   budgets failed: ${(error as Error).message}`);
          }
        }
        discard(out);
      }
    }
    const summaries: SizeResult['systems'] = {};
    for (const system of sizeSystems) summaries[system] = summarize(runs[system]);
    const bc = summaries.backchannel;
    const ratio = (a?: number, b?: number) => (a !== undefined && b !== undefined && b > 0 ? round(a / b) : undefined);
    const ratios: SizeResult['ratios'] = {};
    const set = (key: keyof SizeResult['ratios'], value?: number) => value !== undefined && (ratios[key] = value);
    set('plain', ratio(bc?.wallMs.median, summaries.plain?.wallMs.median));
    set('starlight', ratio(bc?.wallMs.median, summaries.starlight?.wallMs.median));
    set('rssPlain', ratio(bc?.peakRssBytes.median, summaries.plain?.peakRssBytes.median));
    set('cpuPlain', ratio(bc?.cpuMs.median, summaries.plain?.cpuMs.median));
    set('cpuStarlight', ratio(bc?.cpuMs.median, summaries.starlight?.cpuMs.median));
    results.sizes.push({ pages, corpus, check, changed, ...(devEdit ? { devEdit } : {}), systems: summaries, ratios });
    say(`   ratios: ${JSON.stringify(ratios)}`);
  }
  rmSync(trash, { recursive: true, force: true });

  // The headline ratios: the largest size built with its baselines.
  const largest = results.sizes.findLast((s) => Object.keys(s.ratios).length > 0) ?? results.sizes[results.sizes.length - 1]!;
  Object.assign(results.ratios, { pages: largest.pages, ...largest.ratios });
  for (const system of systems) {
    results.scaling[system] = results.sizes
      .filter((s) => s.systems[system])
      .map((s) => ({ pages: s.pages, msPerPage: round(s.systems[system]!.wallMs.median / s.pages, 2) }));
  }
  results.targets.met = judgeTargets(results);

  if (resultsDir) {
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    const notes = join(resultsDir, 'notes.md');
    writeFileSync(join(resultsDir, 'RESULTS.md'), renderMarkdown(results, existsSync(notes) ? readFileSync(notes, 'utf8') : undefined));
    say(`\nwrote ${relative(root, join(resultsDir, 'results.json'))} and RESULTS.md`);
  }
  if (json) process.stdout.write(`${JSON.stringify(results)}\n`);
  else process.stdout.write(renderMarkdown(results));
  return results;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
