import { type Alternative, normalPValue } from './alternative.js';
import { assertConfidence } from './assert-sample.js';
import type { Interval } from './bootstrap.js';
import { zForConfidence } from './normal.js';

function assertCounts(successes: number, n: number, where: string): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`${where}: n must be a non-negative integer, got ${n}`);
  }
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`${where}: successes must be an integer in [0, ${n}], got ${successes}`);
  }
}

/**
 * Wilson score interval of a proportion: sensible at 0 and n successes and for small n, where
 * the Wald interval collapses. With n = 0 there is no information: estimate 0, interval [0, 1].
 * Matches `scipy.stats.binomtest(k, n).proportion_ci(confidence, method='wilson')`.
 * @example wilsonInterval(45, 50) // { estimate: 0.9, low: 0.786…, high: 0.957…, confidence: 0.95 }
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): Interval {
  assertCounts(successes, n, 'wilsonInterval');
  assertConfidence(confidence, 'wilsonInterval');
  if (n === 0) return { estimate: 0, low: 0, high: 1, confidence };
  const z = zForConfidence(confidence);
  const z2 = z * z;
  // Written in counts, (s + z²/2 ± z·√(s(n − s)/n + z²/4)) / (n + z²), so 0 and n stay exact.
  const center = successes + z2 / 2;
  const half = z * Math.sqrt((successes * (n - successes)) / n + z2 / 4);
  return {
    estimate: successes / n,
    low: successes === 0 ? 0 : Math.max(0, (center - half) / (n + z2)),
    high: successes === n ? 1 : Math.min(1, (center + half) / (n + z2)),
    confidence,
  };
}

export interface TwoProportionResult {
  /** pB − pA: positive when b succeeds more often. */
  difference: number;
  /** (pA − pB)/SE with the pooled SE, positive when a is larger (statsmodels' orientation). */
  z: number;
  pValue: number;
  /** Newcombe's hybrid score interval of pB − pA (from the two Wilson intervals). */
  interval: Interval;
}

/**
 * Pooled two-proportion z-test, as statsmodels' `proportions_ztest([sA, sB], [nA, nB])`;
 * `alternative: 'less'` tests whether a's rate is lower than b's (so a drop from baseline a to
 * current b is `'greater'`). The interval of pB − pA is Newcombe's (1998, method 10), as
 * statsmodels' `confint_proportions_2indep(sB, nB, sA, nA, method='newcomb')`.
 * With no variance to test (an arm with n = 0, or every trial in both arms succeeding or every
 * one failing) the p-value is 1 and z is 0; an empty arm also makes the difference 0 and the
 * interval [−1, 1].
 */
export function twoProportionTest(
  successesA: number,
  nA: number,
  successesB: number,
  nB: number,
  options: { alternative?: Alternative; confidence?: number } = {},
): TwoProportionResult {
  assertCounts(successesA, nA, 'twoProportionTest (a)');
  assertCounts(successesB, nB, 'twoProportionTest (b)');
  const alternative = options.alternative ?? 'two-sided';
  const confidence = options.confidence ?? 0.95;
  assertConfidence(confidence, 'twoProportionTest');
  if (nA === 0 || nB === 0) {
    return {
      difference: 0,
      z: 0,
      pValue: 1,
      interval: { estimate: 0, low: -1, high: 1, confidence },
    };
  }
  const pA = successesA / nA;
  const pB = successesB / nB;
  const pooled = (successesA + successesB) / (nA + nB);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  const z = se > 0 ? (pA - pB) / se : 0;
  const pValue = se > 0 ? normalPValue(z, alternative) : 1;
  const a = wilsonInterval(successesA, nA, confidence);
  const b = wilsonInterval(successesB, nB, confidence);
  const difference = pB - pA;
  return {
    difference,
    z,
    pValue,
    interval: {
      estimate: difference,
      low: difference - Math.hypot(pB - b.low, a.high - pA),
      high: difference + Math.hypot(b.high - pB, pA - a.low),
      confidence,
    },
  };
}
