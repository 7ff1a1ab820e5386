import { describe, expect, it } from 'vitest';
import { passHatK } from './pass-k.js';

describe('passHatK', () => {
  it('is C(c, k)/C(n, k) for one task', () => {
    // By hand: C(3, 2)/C(4, 2) = 3/6 = 0.5
    expect(passHatK([{ id: 't', n: 4, c: 3 }], 2)).toEqual({ value: 0.5, tasks: 1, skipped: [] });
  });

  it('averages over tasks as τ-bench’s display_metrics does', () => {
    // τ-bench: mean over tasks of math.comb(c, k) / math.comb(num_trials, k); for these tasks
    // (8 trials each; 8, 6, 3 and 0 successes) Python gives k=1 → 0.53125, k=2 → 0.4107142857142857,
    // k=3 → 0.34375, k=4 → 0.30357142857142855, k=8 → 0.25
    const tasks = [
      { id: 'a', n: 8, c: 8 },
      { id: 'b', n: 8, c: 6 },
      { id: 'c', n: 8, c: 3 },
      { id: 'd', n: 8, c: 0 },
    ];
    const expected: Array<[number, number]> = [
      [1, 0.53125],
      [2, 0.4107142857142857],
      [3, 0.34375],
      [4, 0.30357142857142855],
      [8, 0.25],
    ];
    for (const [k, value] of expected) expect(passHatK(tasks, k).value).toBeCloseTo(value, 15);
  });

  it('is the plain success rate at k = 1 and falls as k grows', () => {
    const tasks = [{ id: 'x', n: 10, c: 7 }];
    expect(passHatK(tasks, 1).value).toBeCloseTo(0.7, 15);
    expect(passHatK(tasks, 3).value).toBeLessThan(passHatK(tasks, 2).value);
  });

  it('neither overflows nor underflows to nonsense for big n', () => {
    // Python: math.comb(9990, 50) / math.comb(10000, 50) → 0.9510886095283558;
    // math.comb(1000, 500) / math.comb(2000, 500) → 4.785315293716087e-188
    expect(passHatK([{ id: 'big', n: 10_000, c: 9_990 }], 50).value).toBeCloseTo(
      0.9510886095283558,
      13,
    );
    const tiny = passHatK([{ id: 'huge', n: 2_000, c: 1_000 }], 500).value;
    expect(Math.abs(tiny - 4.785315293716087e-188)).toBeLessThan(1e-12 * 4.785315293716087e-188);
  });

  it('skips and reports tasks with fewer than k trials', () => {
    const result = passHatK(
      [
        { id: 'short', n: 1, c: 1 },
        { id: 'long', n: 4, c: 2 },
      ],
      2,
    );
    // C(2, 2)/C(4, 2) = 1/6 for the one task counted
    expect(result).toEqual({ value: 1 / 6, tasks: 1, skipped: ['short'] });
  });

  it('throws a RangeError when nothing can be counted or a count is impossible', () => {
    expect(() => passHatK([], 1)).toThrow(/no tasks/);
    expect(() => passHatK([{ id: 't', n: 1, c: 0 }], 2)).toThrow(/no task has at least k=2/);
    expect(() => passHatK([{ id: 't', n: 2, c: 3 }], 1)).toThrow(RangeError);
    expect(() => passHatK([{ id: 't', n: 2, c: 1 }], 0)).toThrow(/k must be/);
  });
});
