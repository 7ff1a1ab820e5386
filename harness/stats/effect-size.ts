import { assertFiniteSample, assertSample } from './assert-sample.js';
import { kthPairwiseDifference } from './pairwise-differences.js';

function ascending(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * Cliff's delta, P(b > a) − P(b < a) over all pairs, in [−1, 1]: positive when b tends to be
 * larger. The same number as the Mann-Whitney rank-biserial correlation. O((n + m) log(n + m)).
 * @example cliffsDelta([1, 2, 3], [2, 3, 4]) // 0.555… (6 of 9 pairs larger, 1 smaller)
 */
export function cliffsDelta(a: readonly number[], b: readonly number[]): number {
  assertSample(a, 'cliffsDelta', 'a');
  assertSample(b, 'cliffsDelta', 'b');
  const sortedA = ascending(a);
  const sortedB = ascending(b);
  // For each b (ascending), two pointers count the a's strictly below it and those not above it.
  let below = 0;
  let notAbove = 0;
  let larger = 0;
  let smaller = 0;
  for (const value of sortedB) {
    while (below < sortedA.length && (sortedA[below] as number) < value) below++;
    while (notAbove < sortedA.length && (sortedA[notAbove] as number) <= value) notAbove++;
    larger += below;
    smaller += sortedA.length - notAbove;
  }
  return (larger - smaller) / (a.length * b.length);
}

/**
 * Hodges-Lehmann shift: the median of all n·m differences bⱼ − aᵢ (the mean of the middle two
 * when n·m is even, as numpy.median). Positive when b is shifted up. Exact, and without
 * materialising the n·m differences: 10,000 against 10,000 takes milliseconds.
 * @example hodgesLehmannShift([1, 2, 3], [11, 12, 13]) // 10
 */
export function hodgesLehmannShift(a: readonly number[], b: readonly number[]): number {
  assertFiniteSample(a, 'hodgesLehmannShift', 'a');
  assertFiniteSample(b, 'hodgesLehmannShift', 'b');
  const sortedA = ascending(a);
  const sortedB = ascending(b);
  const total = a.length * b.length;
  const lower = kthPairwiseDifference(sortedA, sortedB, Math.floor((total - 1) / 2));
  if (total % 2 === 1) return lower;
  return (lower + kthPairwiseDifference(sortedA, sortedB, total / 2)) / 2;
}

/**
 * (after − before)/|before|: 0.25 is 25 % up. 0 when both are 0; when only `before` is 0 the
 * change is unbounded and comes back as +Infinity or −Infinity (the sign of `after`), which
 * callers must show as such rather than as a percentage. Dividing by |before| keeps the sign
 * meaning "went up" for negative baselines too.
 */
export function relativeChange(before: number, after: number): number {
  if (Number.isNaN(before) || Number.isNaN(after)) {
    throw new RangeError(`relativeChange: NaN input (before ${before}, after ${after})`);
  }
  if (before === 0) return after === 0 ? 0 : after > 0 ? Infinity : -Infinity;
  return (after - before) / Math.abs(before);
}
