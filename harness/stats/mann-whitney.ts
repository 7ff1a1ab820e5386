import { type Alternative, normalPValue } from './alternative.js';
import { assertSample } from './assert-sample.js';

export interface MannWhitneyResult {
  /** U of a, as scipy reports it: pairs (aᵢ, bⱼ) with aᵢ > bⱼ, ties counting one half. */
  u: number;
  /**
   * U of a standardised with the tie and continuity corrections, positive when a tends to be
   * larger; 0 when every value ties. The p-value is the normal tail of z for the alternative.
   */
  z: number;
  pValue: number;
  /**
   * Rank-biserial correlation 1 − 2U/(n₁n₂) = P(b > a) − P(b < a): oriented like every effect
   * size here (positive when b is larger), so it equals `cliffsDelta(a, b)` and has the
   * opposite sign to z.
   */
  rankBiserial: number;
}

/** Ranks 1…n of the pooled values, ties sharing their mean rank, and Σ(t³ − t) over tie groups. */
function rankPooled(pooled: Float64Array): { ranks: Float64Array; tieTerm: number } {
  const n = pooled.length;
  const order = Uint32Array.from(pooled.keys()).sort(
    (i, j) => (pooled[i] as number) - (pooled[j] as number),
  );
  const ranks = new Float64Array(n);
  let tieTerm = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && pooled[order[end] as number] === pooled[order[start] as number]) end++;
    const t = end - start;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k] as number] = rank;
    tieTerm += t * t * t - t;
    start = end;
  }
  return { ranks, tieTerm };
}

/**
 * Mann-Whitney U test by the normal approximation with tie correction and continuity
 * correction, matching `scipy.stats.mannwhitneyu(a, b, alternative, method='asymptotic')`
 * (use_continuity=True). `alternative: 'less'` tests whether a tends to be smaller than b.
 * O((n₁ + n₂) log(n₁ + n₂)).
 * @example mannWhitneyU(baselineMs, currentMs, { alternative: 'less' }).pValue // small: current slower
 */
export function mannWhitneyU(
  a: readonly number[],
  b: readonly number[],
  options: { alternative?: Alternative } = {},
): MannWhitneyResult {
  assertSample(a, 'mannWhitneyU', 'a');
  assertSample(b, 'mannWhitneyU', 'b');
  const alternative = options.alternative ?? 'two-sided';
  const n1 = a.length;
  const n2 = b.length;
  const pooled = new Float64Array(n1 + n2);
  pooled.set(a);
  pooled.set(b, n1);
  const { ranks, tieTerm } = rankPooled(pooled);
  let rankSumA = 0;
  for (let i = 0; i < n1; i++) rankSumA += ranks[i] as number;
  const u = rankSumA - (n1 * (n1 + 1)) / 2;
  const mu = (n1 * n2) / 2;
  const n = n1 + n2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - (n > 1 ? tieTerm / (n * (n - 1)) : 0)));
  // The continuity correction moves U half a unit towards the null, on the side the
  // alternative looks at (scipy subtracts ½ from U₁ for 'greater', from U₂ for 'less', and
  // from max(U₁, U₂) for two-sided).
  const deviation = u - mu;
  const corrected =
    alternative === 'greater'
      ? deviation - 0.5
      : alternative === 'less'
        ? deviation + 0.5
        : Math.sign(deviation) * Math.max(0, Math.abs(deviation) - 0.5);
  const z = sigma > 0 ? corrected / sigma : 0;
  const pValue = sigma > 0 ? Math.min(1, normalPValue(z, alternative)) : 1;
  return { u, z, pValue, rankBiserial: 1 - (2 * u) / (n1 * n2) };
}
