import { cumulativeStdNormalProbability, probit } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, normalSf, zForConfidence } from './normal.js';

/** |actual − expected| ≤ tolerance·|expected|. */
function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe('normalCdf', () => {
  it('matches scipy.stats.norm.cdf to 1e-12 relative, deep tails included', () => {
    // scipy.stats.norm.cdf(z) for each z (scipy 1.17.1)
    const reference: Array<[number, number]> = [
      [-37.5, 4.605353009581954e-308],
      [-20, 2.7536241186061556e-89],
      [-10, 7.61985302416047e-24],
      [-5, 2.866515718791933e-7],
      [-1.96, 0.024997895148220435],
      [0, 0.5],
      [1, 0.8413447460685429],
      [3, 0.9986501019683699],
      [8, 0.9999999999999993],
    ];
    for (const [z, p] of reference) expectRelative(normalCdf(z), p, 1e-12);
  });

  it('keeps the digits of tiny upper tails', () => {
    // scipy.stats.norm.sf(10) → 7.61985302416047e-24 (1 − cdf(10) would be 0 in doubles)
    expectRelative(normalSf(10), 7.61985302416047e-24, 1e-12);
  });
});

describe('normalQuantile', () => {
  it('matches scipy.stats.norm.ppf to 1e-11 relative from 1e-6 to 1 − 1e-6', () => {
    // scipy.stats.norm.ppf(p) for each p (scipy 1.17.1)
    const reference: Array<[number, number]> = [
      [1e-6, -4.753424308822899],
      [0.025, -1.9599639845400545],
      [0.975, 1.959963984540054],
      [0.995, 2.5758293035489004],
      [0.999999, 4.753424308817087],
    ];
    for (const [p, z] of reference) expectRelative(normalQuantile(p), z, 1e-11);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('gives the two-sided critical values', () => {
    // scipy.stats.norm.ppf(0.975) → 1.959963984540054; norm.ppf(0.95) → 1.6448536269514722
    expectRelative(zForConfidence(0.95), 1.959963984540054, 1e-14);
    expectRelative(zForConfidence(0.9), 1.6448536269514722, 1e-14);
  });
});

describe('why not simple-statistics for p-values', () => {
  it('its normal CDF is a table lookup and its probit an approximation, off by > 1e-4', () => {
    // scipy.stats.norm.cdf(1.234) → 0.8913985478784756; scipy.stats.norm.ppf(0.975) → 1.959963984540054
    expect(Math.abs(cumulativeStdNormalProbability(1.234) - 0.8913985478784756)).toBeGreaterThan(
      1e-4,
    );
    expect(Math.abs(probit(0.975) - 1.959963984540054)).toBeGreaterThan(1e-3);
    expect(Math.abs(normalCdf(1.234) - 0.8913985478784756)).toBeLessThan(1e-15);
  });
});
