import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Alternative } from './alternative.js';
import { assertPositiveInteger, assertSample, assertSeed } from './assert-sample.js';
import { rejectionLimit, uniformIndex } from './resample.js';

export interface PermutationOptions {
  /** Same seed, same inputs → the same p-value. */
  seed: number;
  /** Random relabellings; default 5,000. */
  permutations?: number;
  /** About the statistic: 'greater' asks whether it is larger than chance gives. Default two-sided. */
  alternative?: Alternative;
}

/**
 * Two-sample permutation test of any statistic of (a, b), e.g. a difference of means: the
 * pooled values are relabelled at random `permutations` times. One-sided p-values carry the +1
 * correction, (hits + 1)/(permutations + 1), so they are never 0; two-sided is twice the smaller
 * one-sided p, capped at 1, which needs no symmetry of the statistic — all as
 * `scipy.stats.permutation_test(permutation_type='independent')` does with random resamples,
 * including its relative tolerance of 100 ε for statistics that tie with the observed one.
 * @example permutationTest(a, b, (x, y) => mean(y) - mean(x), { seed: 7, alternative: 'greater' })
 */
export function permutationTest(
  a: readonly number[],
  b: readonly number[],
  statistic: (a: readonly number[], b: readonly number[]) => number,
  options: PermutationOptions,
): { observed: number; pValue: number } {
  const where = 'permutationTest';
  assertSample(a, where, 'a');
  assertSample(b, where, 'b');
  assertSeed(options.seed, where);
  const permutations = options.permutations ?? 5_000;
  assertPositiveInteger(permutations, where, 'permutations');
  const alternative = options.alternative ?? 'two-sided';
  const observed = statistic(a, b);
  if (Number.isNaN(observed)) throw new RangeError(`${where}: the statistic returned NaN`);
  const tolerance = Math.abs(observed) * 100 * Number.EPSILON;
  const pooled = [...a, ...b];
  const n = pooled.length;
  const rng = xoroshiro128plus(options.seed);
  const limits = Array.from({ length: a.length }, (_, i) => rejectionLimit(n - i));
  let atLeast = 0;
  let atMost = 0;
  for (let p = 0; p < permutations; p++) {
    // Partial Fisher-Yates: a random a.length-subset lands at the front, the rest is b.
    for (let i = 0; i < a.length; i++) {
      const j = i + uniformIndex(rng, n - i, limits[i] as number);
      const swap = pooled[i] as number;
      pooled[i] = pooled[j] as number;
      pooled[j] = swap;
    }
    const value = statistic(pooled.slice(0, a.length), pooled.slice(a.length));
    if (value >= observed - tolerance) atLeast++;
    if (value <= observed + tolerance) atMost++;
  }
  const greater = (atLeast + 1) / (permutations + 1);
  const less = (atMost + 1) / (permutations + 1);
  const pValue =
    alternative === 'greater'
      ? greater
      : alternative === 'less'
        ? less
        : Math.min(1, 2 * Math.min(greater, less));
  return { observed, pValue };
}
