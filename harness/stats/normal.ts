import cdf from '@stdlib/stats-base-dists-normal-cdf';
import quantile from '@stdlib/stats-base-dists-normal-quantile';

// Why stdlib: simple-statistics' `cumulativeStdNormalProbability` is a 2-decimal table lookup
// (errors up to 1e-3 against scipy.stats.norm.cdf), its `errorFunction` is a 1.2e-7
// approximation that underflows to 0 in the tails (p = 0 at z = −10, where the truth is 7.6e-24)
// and its `probit` is off by 3e-3 at 0.975. stdlib's ports of the FreeBSD/Boost erfc and erfinv
// agree with scipy to ~1e-16 absolute over z ∈ [−38, 38] (normal.test.ts checks this), are
// maintained, ship types and have no install scripts.

/** Standard normal P(Z ≤ z). */
export function normalCdf(z: number): number {
  return cdf(z, 0, 1);
}

/** Standard normal P(Z > z), computed as cdf(−z) so tiny tail probabilities keep their digits. */
export function normalSf(z: number): number {
  return cdf(-z, 0, 1);
}

/**
 * The z with P(Z ≤ z) = p. stdlib computes it as √2·erfinv(2p − 1), so it is accurate to
 * ~1e-12 relative for p in [1e-6, 1 − 1e-6] but loses digits in the far lower tail (2e-9
 * relative at p = 1e-10, −Infinity below ~1e-17). It is used for confidence levels only,
 * which never come near that.
 */
export function normalQuantile(p: number): number {
  return quantile(p, 0, 1);
}

/** The two-sided critical value: 1.959963984540054 for 0.95. */
export function zForConfidence(confidence: number): number {
  return quantile(1 - (1 - confidence) / 2, 0, 1);
}
