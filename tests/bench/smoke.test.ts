/** The benchmark harness end to end on a small corpus: all three systems, one cold build each, no thresholds. */
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

describe('npm run bench -- --pages 100 --reps 1 --json', () => {
  it('builds the corpus with Backchannel, plain Astro + MDX and Starlight and reports every figure', { timeout: 300_000 }, () => {
    const stdout = execFileSync(
      process.execPath,
      ['bench/run.ts', '--pages', '100', '--reps', '1', '--json', '--quiet-wait', '0', '--work', work, '--results', results],
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
    expect(json.sizes).toHaveLength(1);
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
      expect(json.scaling[system]).toEqual([{ pages: 100, msPerPage: expect.any(Number) }]);
    }
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
