import { describe, expect, it } from 'vitest';
import { cliffsDelta, hodgesLehmannShift, relativeChange } from './effect-size.js';

// Deterministic samples with many ties, built the same way in the numpy script that gave the
// reference values.
const largeA = Array.from({ length: 3000 }, (_, i) => ((i * 7919) % 1000) / 10);
const largeB = Array.from({ length: 2500 }, (_, j) => ((j * 104729) % 1200) / 10 - 7.3);

describe('cliffsDelta', () => {
  it('matches numpy on small, tied, identical and unequal samples', () => {
    // numpy.mean(numpy.sign(numpy.subtract.outer(b, a)))
    expect(cliffsDelta([1, 2, 3], [2, 3, 4])).toBeCloseTo(0.5555555555555556, 15);
    expect(cliffsDelta([1, 2, 3], [11, 12, 13])).toBe(1);
    expect(cliffsDelta([1, 2, 2, 3, 4, 5], [2, 3, 3, 4, 6, 7, 8])).toBeCloseTo(0.5, 15);
    expect(cliffsDelta([1, 2, 3, 4, 5], [1, 2, 3, 4, 5])).toBe(0);
    expect(cliffsDelta([4], [1.5])).toBe(-1);
  });

  it('matches numpy on 3,000 against 2,500 values', () => {
    // numpy.mean(numpy.sign(numpy.subtract.outer(largeB, largeA))) → 0.0444208
    expect(cliffsDelta(largeA, largeB)).toBeCloseTo(0.0444208, 14);
  });

  it('changes sign when the samples swap', () => {
    expect(cliffsDelta(largeB, largeA)).toBeCloseTo(-cliffsDelta(largeA, largeB), 15);
  });

  it('throws a RangeError for an empty sample', () => {
    expect(() => cliffsDelta([], [1])).toThrow(RangeError);
  });
});

describe('hodgesLehmannShift', () => {
  it('matches numpy.median of all pairwise differences on small samples', () => {
    // numpy.median(numpy.subtract.outer(b, a))
    expect(hodgesLehmannShift([1, 2, 3], [2, 3, 4])).toBe(1);
    expect(hodgesLehmannShift([1, 2, 3], [11, 12, 13])).toBe(10);
    expect(hodgesLehmannShift([1, 2, 2, 3, 4, 5], [2, 3, 3, 4, 6, 7, 8])).toBe(2);
    expect(hodgesLehmannShift([1, 2, 3, 4, 5], [1, 2, 3, 4, 5])).toBe(0);
    expect(hodgesLehmannShift([4], [1.5])).toBe(-2.5);
  });

  it('is exact to the last bit on decimal values (odd and even counts of differences)', () => {
    // numpy.median(numpy.subtract.outer(b, a)) → 0.15000000000000002 (1,200 differences)
    const a = Array.from({ length: 40 }, (_, i) => ((i * 13) % 17) * 0.1);
    const b = Array.from({ length: 30 }, (_, j) => ((j * 11) % 19) * 0.1 + 0.05);
    expect(hodgesLehmannShift(a, b)).toBe(0.15000000000000002);
    // the same for 301 × 203 (odd) → 2.3999999999999986
    expect(hodgesLehmannShift(largeA.slice(0, 301), largeB.slice(0, 203))).toBe(2.3999999999999986);
  });

  it('handles 7.5 million differences without materialising them', () => {
    // numpy.median(numpy.subtract.outer(largeB, largeA)) → 2.6999999999999993
    expect(hodgesLehmannShift(largeA, largeB)).toBe(2.6999999999999993);
  });

  it('throws a RangeError for an empty sample or a non-finite value', () => {
    expect(() => hodgesLehmannShift([1], [])).toThrow(RangeError);
    expect(() => hodgesLehmannShift([1, Number.POSITIVE_INFINITY], [2])).toThrow(/not finite/);
  });
});

describe('relativeChange', () => {
  it('is (after − before)/before', () => {
    expect(relativeChange(200, 250)).toBeCloseTo(0.25, 15);
    expect(relativeChange(200, 150)).toBeCloseTo(-0.25, 15);
  });

  it('is 0 when both are 0 and ±Infinity when only before is 0', () => {
    expect(relativeChange(0, 0)).toBe(0);
    expect(relativeChange(0, 3)).toBe(Number.POSITIVE_INFINITY);
    expect(relativeChange(0, -3)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('keeps "went up" positive for a negative baseline', () => {
    expect(relativeChange(-10, -5)).toBeCloseTo(0.5, 15);
  });

  it('throws a RangeError for NaN', () => {
    expect(() => relativeChange(Number.NaN, 1)).toThrow(RangeError);
  });
});
