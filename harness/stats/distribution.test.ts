import { expect, it, describe as suite } from 'vitest';
import { describe } from './distribution.js';

suite('describe', () => {
  it('matches hand-computed reference values', () => {
    // 1..20 with linear interpolation (numpy.percentile's default): p95 = 19 + 0.05 × (20 − 19).
    const d = describe(Array.from({ length: 20 }, (_, i) => 20 - i));
    expect(d).toMatchObject({ count: 20, min: 1, max: 20, mean: 10.5, p50: 10.5, total: 210 });
    expect(d?.p90).toBeCloseTo(18.1, 12);
    expect(d?.p95).toBeCloseTo(19.05, 12);
    expect(d?.p99).toBeCloseTo(19.81, 12);
  });

  it('handles a single value and an empty sample', () => {
    expect(describe([7])).toMatchObject({ p50: 7, p95: 7, p99: 7, mean: 7 });
    expect(describe([])).toBeUndefined();
  });

  it('sums many small costs without visible float drift', () => {
    const d = describe(Array.from({ length: 100_000 }, () => 0.0001));
    expect(d?.total).toBeCloseTo(10, 10);
  });
});
