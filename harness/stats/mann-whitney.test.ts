import { describe, expect, it } from 'vitest';
import { cliffsDelta } from './effect-size.js';
import { mannWhitneyU } from './mann-whitney.js';

function expectRelative(actual: number, expected: number, tolerance = 1e-10): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

const tiesUnequal = { a: [1, 2, 2, 3, 4, 5], b: [2, 3, 3, 4, 6, 7, 8] };
// Many ties, unequal sizes: 200 values from 0..22 against 150 from 0..28.
const generated = {
  a: Array.from({ length: 200 }, (_, i) => (i * 37) % 23),
  b: Array.from({ length: 150 }, (_, j) => (j * 41) % 29),
};

describe('mannWhitneyU', () => {
  it('matches scipy on a small sample with ties and unequal sizes, for every alternative', () => {
    const { a, b } = tiesUnequal;
    // scipy.stats.mannwhitneyu(a, b, alternative=…, method='asymptotic') → U=10.5 and
    // p = 0.14801830727232673 (two-sided), 0.07400915363616337 (less), 0.9442203472746089 (greater)
    const twoSided = mannWhitneyU(a, b);
    expect(twoSided.u).toBe(10.5);
    expectRelative(twoSided.pValue, 0.14801830727232673);
    expectRelative(mannWhitneyU(a, b, { alternative: 'less' }).pValue, 0.07400915363616337);
    expectRelative(mannWhitneyU(a, b, { alternative: 'greater' }).pValue, 0.9442203472746089);
  });

  it('reports z as scipy standardises U for the chosen alternative', () => {
    const { a, b } = tiesUnequal;
    // scipy.stats.norm.isf(p_greater) → -1.5912234135124652; norm.ppf(p_less) → -1.4465667395567872
    expectRelative(mannWhitneyU(a, b, { alternative: 'greater' }).z, -1.5912234135124652);
    expectRelative(mannWhitneyU(a, b, { alternative: 'less' }).z, -1.4465667395567872);
    expect(mannWhitneyU(a, b).z).toBeLessThan(0); // a tends to be smaller
  });

  it('matches scipy on 200 against 150 values with heavy ties', () => {
    const { a, b } = generated;
    // scipy.stats.mannwhitneyu(a, b, method='asymptotic') → U=11880.0, p=0.0008605281131641183;
    // alternative='less' → p=0.00043026405658205916; 'greater' → p=0.9995713849047307;
    // scipy.stats.norm.ppf(p_less) → z=-3.33255386320521
    const result = mannWhitneyU(a, b);
    expect(result.u).toBe(11880);
    expectRelative(result.pValue, 0.0008605281131641183);
    const less = mannWhitneyU(a, b, { alternative: 'less' });
    expectRelative(less.pValue, 0.00043026405658205916);
    expectRelative(less.z, -3.33255386320521);
    expectRelative(mannWhitneyU(a, b, { alternative: 'greater' }).pValue, 0.9995713849047307);
    // numpy.mean(numpy.sign(numpy.subtract.outer(b, a))) → 0.208
    expect(result.rankBiserial).toBeCloseTo(0.208, 12);
  });

  it('gives p = 1 for identical samples', () => {
    // scipy: U=12.5, p=1.0 (two-sided), 0.5422350133116141 (each one-sided)
    const same = [1, 2, 3, 4, 5];
    expect(mannWhitneyU(same, same)).toMatchObject({ u: 12.5, pValue: 1, z: 0, rankBiserial: 0 });
    expectRelative(mannWhitneyU(same, same, { alternative: 'less' }).pValue, 0.5422350133116141);
  });

  it('keeps the digits of tiny p-values for strongly shifted samples', () => {
    const a = Array.from({ length: 50 }, (_, i) => i);
    const b = Array.from({ length: 50 }, (_, i) => 100 + i);
    // scipy: U=0.0, p=7.066071930388932e-18 (two-sided), 3.533035965194466e-18 (less), 1.0 (greater)
    const result = mannWhitneyU(a, b);
    expect(result.u).toBe(0);
    expectRelative(result.pValue, 7.066071930388932e-18, 1e-9);
    expectRelative(mannWhitneyU(a, b, { alternative: 'less' }).pValue, 3.533035965194466e-18, 1e-9);
    expect(mannWhitneyU(a, b, { alternative: 'greater' }).pValue).toBeCloseTo(1, 15);
    expect(result.rankBiserial).toBe(1);
  });

  it('gives p = 1, not NaN, when every value ties', () => {
    // scipy.stats.mannwhitneyu([5, 5, 5], [5, 5], method='asymptotic') → U=3.0, p=1.0 (every alternative)
    for (const alternative of ['two-sided', 'less', 'greater'] as const) {
      expect(mannWhitneyU([5, 5, 5], [5, 5], { alternative })).toMatchObject({
        u: 3,
        z: 0,
        pValue: 1,
      });
    }
  });

  it('handles one value per side', () => {
    // scipy: U=0.0; p=1.0 (two-sided), 0.5 (less), 0.9772498680518208 (greater)
    expect(mannWhitneyU([1], [2]).pValue).toBe(1);
    expectRelative(mannWhitneyU([1], [2], { alternative: 'less' }).pValue, 0.5);
    expectRelative(mannWhitneyU([1], [2], { alternative: 'greater' }).pValue, 0.9772498680518208);
  });

  it('orients the rank-biserial correlation like cliffsDelta', () => {
    const { a, b } = tiesUnequal;
    // numpy.mean(numpy.sign(numpy.subtract.outer(b, a))) → 0.5
    expect(mannWhitneyU(a, b).rankBiserial).toBeCloseTo(0.5, 14);
    expect(mannWhitneyU(a, b).rankBiserial).toBeCloseTo(cliffsDelta(a, b), 14);
  });

  it('throws a RangeError for an empty sample or a NaN', () => {
    expect(() => mannWhitneyU([], [1])).toThrow(RangeError);
    expect(() => mannWhitneyU([1], [])).toThrow(/b is empty/);
    expect(() => mannWhitneyU([1, Number.NaN], [2])).toThrow(/a\[1\] is NaN/);
  });
});
