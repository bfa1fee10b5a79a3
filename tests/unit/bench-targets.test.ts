/**
 * The benchmark's verdicts (bench/run.ts `judgeTargets`): the ratios and `--changed` are judged at the sizes built
 * with their baselines, and the 50k build against the 10k one, per page, as issue 18 sets it.
 */
import { describe, expect, it } from 'vitest';
import { judgeTargets, parseReps, TARGETS, type Results, type SizeResult } from '../../bench/run.ts';

const size = (pages: number, ratios: SizeResult['ratios'], changedMs: number, checkMs = 1_000): SizeResult =>
  ({
    pages,
    ratios,
    check: { wallMs: checkMs },
    changed: { wallMs: [changedMs], medianMs: changedMs, ok: true },
    systems: {},
  }) as unknown as SizeResult;

/** A run at 1k and 10k with baselines, and optionally a Backchannel-only 50k build. */
function run({
  starlight10k = 0.7,
  changed50k = 1_400,
  perPage50k,
}: {
  starlight10k?: number;
  changed50k?: number;
  perPage50k?: number;
}): Results {
  const sizes = [
    size(1_000, { plain: 1.1, starlight: 0.7, rssPlain: 1 }, 700),
    size(10_000, { plain: 1.1, starlight: starlight10k, rssPlain: 0.9 }, 900, 8_000),
  ];
  const scaling = [
    { pages: 1_000, msPerPage: 16 },
    { pages: 10_000, msPerPage: 11 },
  ];
  if (perPage50k !== undefined) {
    sizes.push(size(50_000, {}, changed50k, 40_000));
    scaling.push({ pages: 50_000, msPerPage: perPage50k });
  }
  return { sizes, scaling: { backchannel: scaling }, targets: { ...TARGETS, met: {} } } as unknown as Results;
}

describe('judgeTargets', () => {
  it('judges the 50k build by its time per page against 10k, at most 1.1 ×', () => {
    expect(judgeTargets(run({ perPage50k: 12 })).perPage50k).toBe(true);
    expect(judgeTargets(run({ perPage50k: 12.2 })).perPage50k).toBe(false);
    expect(judgeTargets(run({})).perPage50k).toBeUndefined();
  });

  it('judges --changed at the sizes built with their baselines only', () => {
    expect(judgeTargets(run({ perPage50k: 12, changed50k: 1_400 })).changed).toBe(true);
    const slow = run({});
    slow.sizes[1]!.changed!.medianMs = 1_000;
    expect(judgeTargets(slow).changed).toBe(false);
  });

  it('judges the ratios at every size that has them, and scaling from the smallest to the largest of those', () => {
    const met = judgeTargets(run({ starlight10k: 0.81, perPage50k: 30 }));
    expect(met.starlight).toBe(false);
    expect(met.plain).toBe(true);
    expect(met.rssPlain).toBe(true);
    expect(met.scaling).toBe(true);
    expect(met.check10k).toBe(true);
  });
});

describe('npm run bench -- --reps', () => {
  it('takes one count for every size, or one per size', () => {
    expect(parseReps('3', 4)).toBe(3);
    expect(parseReps('5,3,3,1', 4)).toEqual([5, 3, 3, 1]);
  });

  it('rejects a list of another length than --pages, and counts below 1 or not whole', () => {
    for (const arg of ['5,3', '0', '2.5', 'x', '3,0,3']) expect(() => parseReps(arg, 3), arg).toThrow(/--reps takes a count/);
  });
});
