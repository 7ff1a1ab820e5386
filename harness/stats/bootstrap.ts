import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { quantileSorted } from 'simple-statistics';
import {
  assertConfidence,
  assertPositiveInteger,
  assertSample,
  assertSeed,
} from './assert-sample.js';
import { drawCounts, sortWithIndex, writeSorted } from './resample.js';
import type { Statistic } from './statistics.js';

export type { Statistic } from './statistics.js';

/** A point estimate with a two-sided interval at the given confidence (0.95 = 95 %). */
export interface Interval {
  estimate: number;
  low: number;
  high: number;
  confidence: number;
}

export interface BootstrapOptions {
  /** Same seed, same inputs → the same interval. */
  seed: number;
  /** Default 2,000. */
  resamples?: number;
  /** Default 0.95. */
  confidence?: number;
}

/** One arm prepared for cheap sorted resampling. */
interface Arm {
  sorted: Float64Array;
  /** Original index of each sorted value. */
  index: Uint32Array;
  counts: Uint32Array;
  out: number[];
}

function arm(values: readonly number[]): Arm {
  const n = values.length;
  return {
    ...sortWithIndex(values),
    counts: new Uint32Array(n),
    out: new Array<number>(n).fill(0),
  };
}

/** Draws `resamples` values of `replicate` and turns them into a percentile interval. */
function percentileBootstrap(
  where: string,
  estimate: number,
  options: BootstrapOptions,
  replicate: (rng: ReturnType<typeof xoroshiro128plus>) => () => number,
): Interval {
  const resamples = options.resamples ?? 2_000;
  const confidence = options.confidence ?? 0.95;
  assertSeed(options.seed, where);
  assertPositiveInteger(resamples, where, 'resamples');
  assertConfidence(confidence, where);
  if (Number.isNaN(estimate)) throw new RangeError(`${where}: the statistic returned NaN`);
  const next = replicate(xoroshiro128plus(options.seed));
  const replicates = new Array<number>(resamples);
  for (let r = 0; r < resamples; r++) {
    const value = next();
    if (Number.isNaN(value)) throw new RangeError(`${where}: the statistic returned NaN`);
    replicates[r] = value;
  }
  replicates.sort((x, y) => x - y);
  // Percentiles of the replicates, type 7 like numpy.percentile (scipy.stats.bootstrap's
  // method='percentile' takes the same percentiles).
  const tail = (1 - confidence) / 2;
  return {
    estimate,
    low: quantileSorted(replicates, tail),
    high: quantileSorted(replicates, 1 - tail),
    confidence,
  };
}

/**
 * Percentile-bootstrap interval of a statistic of one sample. Deterministic by seed.
 * @example bootstrapCi(latenciesMs, statistics.p95, { seed: 1 }) // { estimate, low, high, confidence: 0.95 }
 */
export function bootstrapCi(
  values: readonly number[],
  statistic: Statistic,
  options: BootstrapOptions,
): Interval {
  assertSample(values, 'bootstrapCi');
  return percentileBootstrap('bootstrapCi', statistic(values), options, (rng) => {
    const x = arm(values);
    return () => {
      // Any relabelling of a uniform draw is uniform: count by sorted position directly.
      drawCounts(rng, x.counts);
      writeSorted(x.sorted, x.counts, x.out);
      return statistic(x.out);
    };
  });
}

/**
 * Interval of `statistic(b) − statistic(a)` for two independent samples: each arm is resampled
 * on its own. Positive means b is larger.
 */
export function bootstrapDiffCi(
  a: readonly number[],
  b: readonly number[],
  statistic: Statistic,
  options: BootstrapOptions,
): Interval {
  assertSample(a, 'bootstrapDiffCi', 'a');
  assertSample(b, 'bootstrapDiffCi', 'b');
  return percentileBootstrap('bootstrapDiffCi', statistic(b) - statistic(a), options, (rng) => {
    const [x, y] = [arm(a), arm(b)];
    return () => {
      drawCounts(rng, x.counts);
      drawCounts(rng, y.counts);
      writeSorted(x.sorted, x.counts, x.out);
      writeSorted(y.sorted, y.counts, y.out);
      return statistic(y.out) - statistic(x.out);
    };
  });
}

/**
 * Interval of `statistic(bs) − statistic(as)` for matched pairs `[a, b]` (the same request
 * before and after): whole pairs are resampled, so what the two sides share cancels out and
 * the interval is narrower than the independent one when the pairs correlate.
 */
export function bootstrapPairedDiffCi(
  pairs: ReadonlyArray<readonly [number, number]>,
  statistic: Statistic,
  options: BootstrapOptions,
): Interval {
  const as = pairs.map((p) => p[0]);
  const bs = pairs.map((p) => p[1]);
  assertSample(as, 'bootstrapPairedDiffCi', 'pairs (first values)');
  assertSample(bs, 'bootstrapPairedDiffCi', 'pairs (second values)');
  const where = 'bootstrapPairedDiffCi';
  return percentileBootstrap(where, statistic(bs) - statistic(as), options, (rng) => {
    const [x, y] = [arm(as), arm(bs)];
    return () => {
      // One draw of pair indices, written out in each side's own sorted order.
      drawCounts(rng, x.counts);
      writeSorted(x.sorted, x.counts, x.out, x.index);
      writeSorted(y.sorted, x.counts, y.out, y.index);
      return statistic(y.out) - statistic(x.out);
    };
  });
}
