import { describe, expect, it } from 'vitest';
import { twoProportionTest, wilsonInterval } from './proportions.js';

function expectRelative(actual: number, expected: number, tolerance = 1e-10): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe('wilsonInterval', () => {
  it('matches scipy and statsmodels, including 0 and n successes', () => {
    // scipy.stats.binomtest(k, n).proportion_ci(confidence_level=c, method='wilson'), agreeing with
    // statsmodels.stats.proportion.proportion_confint(k, n, alpha=1 - c, method='wilson') to 1e-15
    const reference: Array<[number, number, number, number, number]> = [
      [45, 50, 0.95, 0.7863976856252034, 0.9565242350681095],
      [0, 10, 0.95, 0, 0.27753279986288926],
      [10, 10, 0.95, 0.7224672001371109, 1],
      [1, 3, 0.95, 0.06149194472039626, 0.7923403991979523],
      [7, 20, 0.9, 0.20226004005676104, 0.5334873111515284],
      [999, 1000, 0.99, 0.9915394337800183, 0.9998825836463816],
    ];
    for (const [k, n, confidence, low, high] of reference) {
      const interval = wilsonInterval(k, n, confidence);
      expect(interval.estimate).toBe(k / n);
      expect(interval.confidence).toBe(confidence);
      expect(interval.low).toBeCloseTo(low, 14);
      expect(interval.high).toBeCloseTo(high, 14);
    }
  });

  it('gives the whole range when there are no trials', () => {
    expect(wilsonInterval(0, 0)).toEqual({ estimate: 0, low: 0, high: 1, confidence: 0.95 });
  });

  it('throws a RangeError for impossible counts or confidence', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 2)).toThrow(/successes/);
    expect(() => wilsonInterval(1, -1)).toThrow(/n must be/);
    expect(() => wilsonInterval(1, 2, 1)).toThrow(/confidence/);
  });
});

describe('twoProportionTest', () => {
  // statsmodels.stats.proportion.proportions_ztest([sA, sB], [nA, nB], alternative=…) → z, p
  // (alternative 'smaller' ↔ 'less', 'larger' ↔ 'greater'), and
  // confint_proportions_2indep(sB, nB, sA, nA, method='newcomb', compare='diff') → interval of pB − pA
  const reference = [
    {
      counts: [45, 50, 30, 50],
      z: 3.4641016151377553,
      p: {
        'two-sided': 0.0005320055051392477,
        less: 0.9997339972474304,
        greater: 0.00026600275256962385,
      },
      interval: [-0.4492992144065392, -0.1318908499247253],
    },
    {
      counts: [90, 100, 88, 100],
      z: 0.45198461470556917,
      p: {
        'two-sided': 0.6512800661041749,
        less: 0.6743599669479126,
        greater: 0.32564003305208744,
      },
      interval: [-0.1100406570034577, 0.06961498317399603],
    },
    {
      counts: [0, 20, 5, 20],
      z: -2.390457218668787,
      p: {
        'two-sided': 0.01682740948275685,
        less: 0.008413704741378425,
        greater: 0.9915862952586216,
      },
      interval: [0.03776544556663031, 0.4687008776187441],
    },
    {
      counts: [3, 7, 900, 1000],
      z: -4.084313880585267,
      p: {
        'two-sided': 4.420724241765015e-5,
        less: 2.2103621208825074e-5,
        greater: 0.9999778963787912,
      },
      interval: [0.14982637097179236, 0.7423198047951658],
    },
    {
      counts: [10, 1000, 500, 1000],
      z: -25.13812350440672,
      p: { 'two-sided': 1.9058881113087703e-139, less: 9.529440556543852e-140, greater: 1 },
      interval: [0.4579728725250685, 0.5212646180436407],
    },
  ] as const;

  it('matches statsmodels’ pooled z-test and Newcombe interval, every alternative', () => {
    for (const { counts, z, p, interval } of reference) {
      const [sA, nA, sB, nB] = counts;
      for (const alternative of ['two-sided', 'less', 'greater'] as const) {
        const result = twoProportionTest(sA, nA, sB, nB, { alternative });
        expectRelative(result.z, z);
        expectRelative(result.pValue, p[alternative], 1e-9);
        expect(result.difference).toBeCloseTo(sB / nB - sA / nA, 15);
        expect(result.interval.estimate).toBe(result.difference);
        expect(result.interval.low).toBeCloseTo(interval[0], 13);
        expect(result.interval.high).toBeCloseTo(interval[1], 13);
      }
    }
  });

  it('gives p = 1 and z = 0 for equal rates', () => {
    // proportions_ztest([12, 12], [40, 40]) → z=0.0, p=1.0; Newcombe → ±0.19501148607782218
    const result = twoProportionTest(12, 40, 12, 40);
    expect(result).toMatchObject({ difference: 0, z: 0, pValue: 1 });
    expect(result.interval.high).toBeCloseTo(0.19501148607782218, 14);
  });

  it('gives p = 1 and a Newcombe interval, never NaN, when every trial succeeds or fails', () => {
    // statsmodels returns z=nan, p=nan here; the Newcombe interval is still defined:
    // confint_proportions_2indep(20, 20, 20, 20, method='newcomb') → ±0.16112515805281957,
    // (0, 10, 0, 10) → ±0.27753279986288926
    const all = twoProportionTest(20, 20, 20, 20, { alternative: 'less' });
    expect(all).toMatchObject({ difference: 0, z: 0, pValue: 1 });
    expect(all.interval.low).toBeCloseTo(-0.16112515805281957, 14);
    expect(all.interval.high).toBeCloseTo(0.16112515805281957, 14);
    const none = twoProportionTest(0, 10, 0, 10);
    expect(none).toMatchObject({ z: 0, pValue: 1 });
    expect(none.interval.high).toBeCloseTo(0.27753279986288926, 14);
  });

  it('gives p = 1 and the interval [−1, 1] when an arm has no trials', () => {
    const result = twoProportionTest(0, 0, 5, 10);
    expect(result).toEqual({
      difference: 0,
      z: 0,
      pValue: 1,
      interval: { estimate: 0, low: -1, high: 1, confidence: 0.95 },
    });
  });

  it('uses the requested confidence for the interval', () => {
    // confint_proportions_2indep(30, 50, 45, 50, method='newcomb', alpha=0.1) → (-0.4267310212148523, -0.159960662185238)
    const result = twoProportionTest(45, 50, 30, 50, { confidence: 0.9 });
    expect(result.interval.confidence).toBe(0.9);
    expect(result.interval.low).toBeCloseTo(-0.4267310212148523, 14);
    expect(result.interval.high).toBeCloseTo(-0.159960662185238, 14);
  });

  it('throws a RangeError for impossible counts', () => {
    expect(() => twoProportionTest(5, 4, 1, 2)).toThrow(RangeError);
    expect(() => twoProportionTest(1, 2, -1, 2)).toThrow(/\(b\)/);
  });
});
