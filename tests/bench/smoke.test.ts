/**
 * The benchmark harness end to end on small corpora, no thresholds: at 100 pages all three systems, one cold build
 * each; above --baselines-up-to (the 50k build's path) Backchannel alone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const results = mkdtempSync(join(tmpdir(), 'backchannel-bench-'));
const work = join(root, '.bench', `smoke-${process.pid}`);

afterAll(() => {
  rmSync(results, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('npm run bench -- --pages 100,120 --baselines-up-to 100 --reps 1 --json', () => {
  it('builds the corpus with Backchannel, plain Astro + MDX and Starlight and reports every figure', { timeout: 300_000 }, () => {
    const stdout = execFileSync(
      process.execPath,
      [
        'bench/run.ts',
        '--pages',
        '100,120',
        '--baselines-up-to',
        '100',
        '--reps',
        '1',
        '--json',
        '--quiet-wait',
        '0',
        '--work',
        work,
        '--results',
        results,
      ],
      {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const json = JSON.parse(stdout.trim().split('\n').pop()!);

    expect(typeof json.ratios.plain).toBe('number');
    expect(typeof json.ratios.starlight).toBe('number');
    expect(json.machine.nproc).toBeGreaterThan(0);
    expect(json.sizes).toHaveLength(2);
    const size = json.sizes[0];
    expect(size.pages).toBe(100);
    expect(size.check.ok).toBe(true);
    for (const system of ['backchannel', 'plain', 'starlight']) {
      const s = size.systems[system];
      expect(s.ok, `${system} build failed: ${s.runs[0].error ?? ''}`).toBe(true);
      expect(s.htmlPages, system).toBeGreaterThan(100);
      expect(s.wallMs.median).toBeGreaterThan(0);
      expect(s.wallMs.min).toBeGreaterThan(0);
      expect(s.cpuMs.median).toBeGreaterThan(0);
      expect(s.peakRssBytes.median).toBeGreaterThan(0);
      expect(s.distBytes).toBeGreaterThan(0);
      expect(s.pagefindBytes, system).toBeGreaterThan(0);
      expect(json.scaling[system][0]).toEqual({ pages: 100, msPerPage: expect.any(Number) });
    }
    // Above --baselines-up-to: Backchannel alone, once; the headline ratios stay those of the largest size with baselines.
    const large = json.sizes[1];
    expect(large.pages).toBe(120);
    expect(Object.keys(large.systems)).toEqual(['backchannel']);
    expect(large.systems.backchannel.ok).toBe(true);
    expect(large.systems.backchannel.runs).toHaveLength(1);
    expect(json.ratios.pages).toBe(100);
    expect(json.scaling.plain).toHaveLength(1);
    expect(json.scaling.backchannel.map((x: { pages: number }) => x.pages)).toEqual([100, 120]);
    expect(Object.keys(size.systems.backchannel.phases)).toEqual(expect.arrayContaining(['verify', 'views', 'after-astro']));
    expect(size.systems.backchannel.astroBuiltMs).toBeGreaterThan(0);
    expect(size.systems.backchannel.pagefindMs).toBeGreaterThan(0);
    expect(json.budgets.contentPageJsBytes).toBeGreaterThan(0);
    expect(json.budgets.personPage.totalGzip).toBeGreaterThan(0);
    expect(json.budgets.search.firstBytes).toBeGreaterThan(0);
    expect(json.budgets.search.firstKeystrokeToResultMs).toBeGreaterThan(0);
    expect(existsSync(join(results, 'RESULTS.md'))).toBe(true);
    expect(JSON.parse(readFileSync(join(results, 'results.json'), 'utf8')).sizes[0].pages).toBe(100);
  });
});
