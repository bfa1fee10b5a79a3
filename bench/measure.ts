/** Run one command and measure it: wall time, CPU time of the whole child tree, peak RSS summed over the tree. */
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const PAGE = 4096;
const TICK_MS = 10; // USER_HZ is 100 on Linux: one clock tick is 10 ms.

export interface Measured {
  code: number;
  wallMs: number;
  /** user + sys of the child and every descendant it waited for (from our own cutime/cstime). */
  cpuMs: number;
  /** Highest sum of RSS over the child's process tree, sampled every `pollMs`. */
  peakRssBytes: number;
  /** Highest process count seen in the tree. */
  peakProcesses: number;
  /** CPU time used on the machine during the run by processes outside our tree (other work disturbing it). */
  foreignCpuMs: number;
  stdout: string;
  stderr: string;
}

/** cutime + cstime of this process (children it has waited for, recursively), in ms. */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After "pid (comm) ", field 3 (state) is index 0; cutime is field 16, cstime field 17.
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

/** Busy CPU time of the whole machine so far (all CPUs), in ms. */
export function machineBusyMs(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) * TICK_MS;
}

interface ProcInfo {
  ppid: number;
  rssPages: number;
  cpuTicks: number;
}

function readProcs(): Map<number, ProcInfo> {
  const procs = new Map<number, ProcInfo>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // f[1] = ppid (field 4), f[11]/f[12] = utime/stime (fields 14/15), f[21] = rss (field 24).
      procs.set(pid, { ppid: Number(f[1]), cpuTicks: Number(f[11]) + Number(f[12]), rssPages: Number(f[21]) });
    } catch {
      // The process exited between readdir and read.
    }
  }
  return procs;
}

function tree(procs: Map<number, ProcInfo>, root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, p] of procs) {
    const list = children.get(p.ppid) ?? [];
    list.push(pid);
    children.set(p.ppid, list);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    if (!procs.has(pid)) continue;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Append stdout and stderr to this file. */
  log?: string;
  pollMs?: number;
}

/** Spawn `command args`, wait for it, and measure it. */
export function measure(command: string, args: string[], options: RunOptions): Promise<Measured> {
  return new Promise((done, fail) => {
    const cpuBefore = childrenCpuMs();
    const busyBefore = machineBusyMs();
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = options.log ? createWriteStream(options.log, { flags: 'a' }) : undefined;
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
      log?.write(s);
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
      log?.write(s);
    });
    let peakRssBytes = 0;
    let peakProcesses = 0;
    const treeCpu = new Map<number, number>();
    const sample = () => {
      if (child.pid === undefined) return;
      const procs = readProcs();
      const pids = tree(procs, child.pid);
      let rss = 0;
      for (const pid of pids) {
        const p = procs.get(pid)!;
        rss += p.rssPages * PAGE;
        treeCpu.set(pid, p.cpuTicks);
      }
      peakRssBytes = Math.max(peakRssBytes, rss);
      peakProcesses = Math.max(peakProcesses, pids.length);
    };
    sample();
    const timer = setInterval(sample, options.pollMs ?? 100);
    child.on('error', (error) => {
      clearInterval(timer);
      fail(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      // Descendants that were never waited for do not reach our cutime; the polled per-process totals catch them.
      const polledMs = [...treeCpu.values()].reduce((a, b) => a + b, 0) * TICK_MS;
      const cpuMs = Math.max(childrenCpuMs() - cpuBefore, polledMs);
      const foreignCpuMs = Math.max(0, machineBusyMs() - busyBefore - cpuMs);
      log?.end();
      done({ code: code ?? 1, wallMs: Math.round(wallMs), cpuMs, peakRssBytes, peakProcesses, foreignCpuMs, stdout, stderr });
    });
  });
}

/** How the machine was made ready for a measurement: see {@link settle}. */
export interface Quiet {
  /** Time `sync` took to write back what other commands left in the page cache. */
  syncMs: number;
  waitedMs: number;
  busyShare: number;
}

/**
 * Make the machine the same for every measured command: write back the file system's dirty pages (`sync`), so no
 * build pays for writing back the corpus just generated or the output of the build before it (Linux writes dirty
 * pages back ~30 s after they were written, in the middle of the next build); then wait, at most `maxMs` (0: not at
 * all), until other processes are quiet.
 */
export async function settle(cpus: number, maxMs: number): Promise<Quiet> {
  const started = performance.now();
  execFileSync('sync');
  const syncMs = Math.round(performance.now() - started);
  return { syncMs, ...(maxMs > 0 ? await waitForQuiet(cpus, maxMs) : { waitedMs: 0, busyShare: 0 }) };
}

/** Wait until the machine is quiet (other processes use < `busyShare` of the CPUs over a 2 s window), at most `maxMs`. */
export async function waitForQuiet(cpus: number, maxMs: number, busyShare = 0.25): Promise<{ waitedMs: number; busyShare: number }> {
  const started = performance.now();
  for (;;) {
    const before = machineBusyMs();
    await new Promise((r) => setTimeout(r, 2000));
    const share = (machineBusyMs() - before) / (2000 * cpus);
    if (share < busyShare || performance.now() - started > maxMs)
      return { waitedMs: Math.round(performance.now() - started), busyShare: Math.round(share * 100) / 100 };
  }
}

export interface OutputStats {
  htmlPages: number;
  files: number;
  distBytes: number;
  pagefindBytes: number;
  pagefindFiles: number;
}

/** Count HTML pages and bytes of a built site, and the bytes and files of its Pagefind indexes. */
export function outputStats(dir: string): OutputStats {
  const stats: OutputStats = { htmlPages: 0, files: 0, distBytes: 0, pagefindBytes: 0, pagefindFiles: 0 };
  if (!existsSync(dir)) return stats;
  const walk = (d: string, inPagefind: boolean) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      // Backchannel's claims have an index of their own beside the pages' (pagefind-claims/).
      if (entry.isDirectory()) walk(path, inPagefind || (d === dir && /^pagefind(-claims)?$/.test(entry.name)));
      else if (entry.isFile()) {
        const size = statSync(path).size;
        stats.files++;
        stats.distBytes += size;
        if (entry.name.endsWith('.html')) stats.htmlPages++;
        if (inPagefind) {
          stats.pagefindBytes += size;
          stats.pagefindFiles++;
        }
      }
    }
  };
  walk(dir, false);
  return stats;
}
