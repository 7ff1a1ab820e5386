import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { bootstrapCi, bootstrapDiffCi, bootstrapPairedDiffCi } from './bootstrap.js';
import { normalQuantile } from './normal.js';
import { mean, p95 } from './statistics.js';

/** Seeded N(mu, sigma) draws by inverting the normal CDF. */
function normalSampler(seed: number): (mu: number, sigma: number) => number {
  const rng = xoroshiro128plus(seed);
  return (mu, sigma) => {
    let u = uniformFloat64(rng);
    while (u === 0) u = uniformFloat64(rng);
    return mu + sigma * normalQuantile(u);
  };
}

/** Evenly spaced quantiles of an exponential distribution with the given mean: a skewed sample. */
const exponential = (n: number, scale: number) =>
  Array.from({ length: n }, (_, i) => scale * -Math.log(1 - (i + 0.5) / n));

describe('bootstrapCi', () => {
  it('is deterministic by seed', () => {
    const values = exponential(200, 100);
    const one = bootstrapCi(values, p95, { seed: 5 });
    expect(bootstrapCi(values, p95, { seed: 5 })).toEqual(one);
    expect(bootstrapCi(values, p95, { seed: 6 })).not.toEqual(one);
  });

  it('brackets the estimate, with the defaults 2,000 resamples and 95 %', () => {
    const values = exponential(200, 100);
    const interval = bootstrapCi(values, mean, { seed: 1 });
    expect(interval.confidence).toBe(0.95);
    expect(interval.estimate).toBeCloseTo(mean(values), 12);
    expect(interval.low).toBeLessThan(interval.estimate);
    expect(interval.high).toBeGreaterThan(interval.estimate);
  });

  it('gives the percentile interval of a p95 that scipy gives', () => {
    // scipy.stats.bootstrap((x,), lambda s, axis: numpy.percentile(s, 95, axis=axis),
    //   n_resamples=20000, method='percentile', rng=seed) on x = exponential(400, 100), seeds 0…7:
    //   estimate 297.354018199235; low 257.5404684507993 on every seed; high 339.26…346.57,
    //   median 339.26229137204024 (the replicates are interpolated order statistics, so they jump).
    const x = exponential(400, 100);
    const interval = bootstrapCi(x, p95, { seed: 3, resamples: 20_000 });
    expect(interval.estimate).toBeCloseTo(297.354018199235, 9);
    expect(Math.abs(interval.low - 257.5404684507993)).toBeLessThan(0.02 * 257.54);
    expect(Math.abs(interval.high - 339.26229137204024)).toBeLessThan(0.03 * 339.26);
  });

  it('covers the true mean about 95 % of the time over 200 simulated normal samples', () => {
    const draw = normalSampler(2024);
    let covered = 0;
    for (let s = 0; s < 200; s++) {
      const sample = Array.from({ length: 30 }, () => draw(50, 10));
      const { low, high } = bootstrapCi(sample, mean, { seed: s, resamples: 1_000 });
      if (low <= 50 && 50 <= high) covered++;
    }
    // The percentile bootstrap runs a little under nominal at n = 30 (about 93–94 %).
    expect(covered / 200).toBeGreaterThanOrEqual(0.9);
    expect(covered / 200).toBeLessThanOrEqual(0.99);
  });

  it('narrows at a lower confidence', () => {
    const values = exponential(200, 100);
    const wide = bootstrapCi(values, mean, { seed: 1, confidence: 0.99 });
    const narrow = bootstrapCi(values, mean, { seed: 1, confidence: 0.8 });
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
    expect(narrow.confidence).toBe(0.8);
  });

  it('throws a RangeError for an empty sample, a NaN or bad options', () => {
    expect(() => bootstrapCi([], mean, { seed: 1 })).toThrow(/bootstrapCi: sample is empty/);
    expect(() => bootstrapCi([1, Number.NaN], mean, { seed: 1 })).toThrow(/NaN/);
    expect(() => bootstrapCi([1, 2], mean, { seed: 1, confidence: 95 })).toThrow(/confidence/);
    expect(() => bootstrapCi([1, 2], mean, { seed: 1, resamples: 0 })).toThrow(/resamples/);
    expect(() => bootstrapCi([1, 2], mean, { seed: Number.NaN })).toThrow(/seed/);
  });
});

describe('bootstrapDiffCi', () => {
  it('estimates stat(b) − stat(a) with the interval scipy gives for independent arms', () => {
    // scipy.stats.bootstrap((a, b), lambda s, t, axis: t.mean(axis) - s.mean(axis),
    //   n_resamples=20000, method='percentile', rng=seed) with a = exponential(300, 100),
    //   b = exponential(200, 120), seeds 0…7 → estimate 19.907659079476772,
    //   low 0.26 (sd 0.19 over seeds), high 40.00 (sd 0.14)
    const a = exponential(300, 100);
    const b = exponential(200, 120);
    const interval = bootstrapDiffCi(a, b, mean, { seed: 9, resamples: 20_000 });
    expect(interval.estimate).toBeCloseTo(19.907659079476772, 9);
    expect(Math.abs(interval.low - 0.26475792002904736)).toBeLessThan(1);
    expect(Math.abs(interval.high - 39.999986250512436)).toBeLessThan(1);
  });

  it('is deterministic by seed and throws a RangeError for an empty arm', () => {
    const a = exponential(50, 10);
    const b = exponential(60, 12);
    expect(bootstrapDiffCi(a, b, p95, { seed: 4 })).toEqual(
      bootstrapDiffCi(a, b, p95, { seed: 4 }),
    );
    expect(() => bootstrapDiffCi(a, [], mean, { seed: 1 })).toThrow(/b is empty/);
  });
});

describe('bootstrapPairedDiffCi', () => {
  const draw = normalSampler(7);
  // The same 200 requests before and after: most of the spread is the request, shared by both.
  const pairs = Array.from({ length: 200 }, () => {
    const request = draw(1_000, 300);
    return [request + draw(0, 20), request + 25 + draw(0, 20)] as const;
  });

  it('is narrower than the independent interval when the pairs correlate', () => {
    const paired = bootstrapPairedDiffCi(pairs, mean, { seed: 1 });
    const independent = bootstrapDiffCi(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
      mean,
      { seed: 1 },
    );
    expect(paired.estimate).toBeCloseTo(independent.estimate, 9);
    expect(paired.high - paired.low).toBeLessThan((independent.high - independent.low) / 5);
    expect(paired.low).toBeGreaterThan(0); // the +25 shift is found only by the paired interval
    expect(independent.low).toBeLessThan(0);
  });

  it('computes stat(bs) − stat(as), not the statistic of the differences', () => {
    const twoPairs: Array<readonly [number, number]> = [
      [1, 10],
      [2, 1],
    ];
    // p95 of [10, 1] − p95 of [1, 2] = 9.55 − 1.95 = 7.6; p95 of the differences [9, −1] would be 8.5
    expect(bootstrapPairedDiffCi(twoPairs, p95, { seed: 1 }).estimate).toBeCloseTo(7.6, 12);
  });

  it('throws a RangeError for no pairs', () => {
    expect(() => bootstrapPairedDiffCi([], mean, { seed: 1 })).toThrow(RangeError);
  });
});
