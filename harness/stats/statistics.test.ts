import { describe, expect, it } from 'vitest';
import { describe as describeSample } from './distribution.js';
import { mean, median, p90, p95, p99, quantile, statisticNamed } from './statistics.js';

const sample = [12.5, 3, 7, 7, 100, 42, 0.5, 18, 9, 61];

describe('statistics', () => {
  it('matches numpy.percentile (linear) and numpy.mean', () => {
    // numpy.percentile(sample, q·100): q=0 → 0.5, 0.25 → 7.0, 0.5 → 10.75, 0.9 → 64.89999999999999,
    // 0.95 → 82.44999999999996, 0.99 → 96.49000000000001, 1 → 100.0; numpy.mean → 26.0
    expect(quantile(0)(sample)).toBe(0.5);
    expect(quantile(0.25)(sample)).toBe(7);
    expect(median(sample)).toBe(10.75);
    expect(p90(sample)).toBeCloseTo(64.89999999999999, 12);
    expect(p95(sample)).toBeCloseTo(82.44999999999996, 12);
    expect(p99(sample)).toBeCloseTo(96.49000000000001, 12);
    expect(quantile(1)(sample)).toBe(100);
    expect(mean(sample)).toBe(26);
  });

  it('takes the values directly too, and agrees with describe()', () => {
    // numpy.percentile([1, 2, 3, 4], 95) → 3.8499999999999996
    expect(quantile([1, 2, 3, 4], 0.95)).toBeCloseTo(3.85, 14);
    expect(quantile(sample, 0.95)).toBe(describeSample(sample)?.p95);
  });

  it('gives the same answer for sorted and unsorted input, and leaves the input alone', () => {
    const copy = [...sample];
    const sorted = [...sample].sort((x, y) => x - y);
    expect(p95(sample)).toBe(p95(sorted));
    expect(sample).toEqual(copy);
  });

  it('throws a RangeError for an empty sample, a NaN or a q outside [0, 1]', () => {
    expect(() => mean([])).toThrow(/mean: sample is empty/);
    expect(() => p95([])).toThrow(/quantile: sample is empty/);
    expect(() => p95([1, Number.NaN])).toThrow(/NaN/);
    expect(() => quantile(1.5)).toThrow(RangeError);
    expect(() => quantile([1], -0.1)).toThrow(RangeError);
  });
});

describe('statisticNamed', () => {
  it('reads mean and percentiles by their SLA names, and nothing else', () => {
    expect(statisticNamed('mean')?.([1, 2, 3, 6])).toBe(3);
    expect(statisticNamed('p95')?.([1, 2, 3, 4])).toBeCloseTo(3.85, 12);
    expect(statisticNamed('p50')?.([1, 2, 3, 4])).toBe(2.5);
    expect(statisticNamed('max')).toBeUndefined();
    expect(statisticNamed('p')).toBeUndefined();
    expect(statisticNamed('pp95')).toBeUndefined();
  });
});
