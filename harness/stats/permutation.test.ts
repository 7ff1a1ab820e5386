import { describe, expect, it } from 'vitest';
import { permutationTest } from './permutation.js';
import { mean } from './statistics.js';

const meanDiff = (a: readonly number[], b: readonly number[]) => mean(b) - mean(a);

/** Four Monte Carlo standard errors of a p-value estimated from `m` permutations. */
const tolerance = (p: number, m: number, sides = 1) => 4 * sides * Math.sqrt((p * (1 - p)) / m);

describe('permutationTest', () => {
  it('approaches scipy’s exact p-value on fully separated samples', () => {
    // scipy.stats.permutation_test(([1,2,3,4], [5,6,7,8]), mean(y) − mean(x),
    //   permutation_type='independent', n_resamples=np.inf) → exact p: greater 0.014285714285714285
    //   (1 of 70 splits), two-sided 0.02857142857142857, less 1.0; observed 4.0
    const a = [1, 2, 3, 4];
    const b = [5, 6, 7, 8];
    const m = 20_000;
    const greater = permutationTest(a, b, meanDiff, {
      seed: 1,
      permutations: m,
      alternative: 'greater',
    });
    expect(greater.observed).toBe(4);
    expect(Math.abs(greater.pValue - 0.014285714285714285)).toBeLessThan(tolerance(0.0143, m));
    const twoSided = permutationTest(a, b, meanDiff, { seed: 1, permutations: m });
    expect(Math.abs(twoSided.pValue - 0.02857142857142857)).toBeLessThan(tolerance(0.0143, m, 2));
    expect(permutationTest(a, b, meanDiff, { seed: 1, alternative: 'less' }).pValue).toBe(1);
  });

  it('approaches scipy’s exact p-value on overlapping samples of unequal size with ties', () => {
    // scipy.stats.permutation_test(([3,1,4,1,5,9,2,6], [5,3,5,8,9,7,9,3,2]), …, n_resamples=np.inf)
    //   → observed 1.791666666666667; p two-sided 0.22237762237762237, greater 0.11118881118881119,
    //   less 0.9187988482106129
    const a = [3, 1, 4, 1, 5, 9, 2, 6];
    const b = [5, 3, 5, 8, 9, 7, 9, 3, 2];
    const m = 20_000;
    const run = (alternative: 'two-sided' | 'less' | 'greater') =>
      permutationTest(a, b, meanDiff, { seed: 2, permutations: m, alternative }).pValue;
    expect(Math.abs(run('two-sided') - 0.22237762237762237)).toBeLessThan(tolerance(0.111, m, 2));
    expect(Math.abs(run('greater') - 0.11118881118881119)).toBeLessThan(tolerance(0.111, m));
    expect(Math.abs(run('less') - 0.9187988482106129)).toBeLessThan(tolerance(0.919, m));
  });

  it('gives p = 1 for identical samples', () => {
    // scipy (exact): two-sided 1.0, each one-sided 0.5873015873015873
    const same = [1, 2, 3, 4, 5];
    expect(permutationTest(same, same, meanDiff, { seed: 3 })).toEqual({ observed: 0, pValue: 1 });
  });

  it('never gives 0: the +1 correction bottoms out at 1/(permutations + 1)', () => {
    // scipy.stats.permutation_test((range(30), range(100, 130)), …, n_resamples=5000) →
    //   greater 0.0001999600079984003 = 1/5001, two-sided 0.0003999200159968006 = 2/5001
    const a = Array.from({ length: 30 }, (_, i) => i);
    const b = a.map((x) => x + 100);
    expect(permutationTest(a, b, meanDiff, { seed: 4, alternative: 'greater' }).pValue).toBe(
      1 / 5001,
    );
    expect(permutationTest(a, b, meanDiff, { seed: 4 }).pValue).toBe(2 / 5001);
  });

  it('is deterministic by seed', () => {
    const a = [3, 1, 4, 1, 5, 9, 2, 6];
    const b = [5, 3, 5, 8, 9, 7, 9, 3, 2];
    const run = (seed: number) =>
      permutationTest(a, b, meanDiff, { seed, permutations: 999 }).pValue;
    expect(run(11)).toBe(run(11));
    expect(run(11)).not.toBe(run(12));
  });

  it('throws a RangeError for an empty sample or bad options', () => {
    expect(() => permutationTest([], [1], meanDiff, { seed: 1 })).toThrow(/a is empty/);
    expect(() => permutationTest([1], [2], meanDiff, { seed: 1.5 })).toThrow(/seed/);
    expect(() => permutationTest([1], [2], meanDiff, { seed: 1, permutations: 0 })).toThrow(
      /permutations/,
    );
  });
});
