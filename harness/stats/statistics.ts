import { quantileSorted, mean as ssMean } from 'simple-statistics';
import { assertSample } from './assert-sample.js';

/**
 * A number that summarises a sample. It must not depend on the order of the values (the
 * bootstrap hands it resamples sorted ascending, which is what makes quantiles cheap) and must
 * not keep the array: the bootstrap reuses it.
 */
export type Statistic = (values: readonly number[]) => number;

/**
 * True when the values are in ascending order with no NaN (a NaN fails every comparison): one
 * linear pass that spares the bootstrap's already sorted resamples a sort and a separate check.
 */
function isAscending(values: readonly number[]): boolean {
  let previous = values[0] as number;
  if (Number.isNaN(previous)) return false;
  for (let i = 1; i < values.length; i++) {
    const value = values[i] as number;
    if (!(previous <= value)) return false;
    previous = value;
  }
  return true;
}

function quantileOf(values: readonly number[], q: number): number {
  if (values.length > 0 && isAscending(values)) return quantileSorted(values, q);
  assertSample(values, 'quantile');
  return quantileSorted(
    [...values].sort((x, y) => x - y),
    q,
  );
}

/**
 * The q-quantile by linear interpolation between closest ranks (Hyndman-Fan type 7, numpy's
 * default), the same definition as `describe()`. Sorts a copy only when the input is unsorted.
 * Called with q alone it returns the statistic, for the bootstrap.
 * @example quantile([1, 2, 3, 4], 0.95) // 3.85
 * @example bootstrapCi(latenciesMs, quantile(0.95), { seed: 1 })
 */
export function quantile(q: number): Statistic;
export function quantile(values: readonly number[], q: number): number;
export function quantile(first: number | readonly number[], second?: number): Statistic | number {
  const q = typeof first === 'number' ? first : (second as number);
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q must be in [0, 1], got ${q}`);
  if (typeof first === 'number') return (values) => quantileOf(values, q);
  return quantileOf(first, q);
}

/** The arithmetic mean. */
export const mean: Statistic = (values) => {
  if (values.length === 0) throw new RangeError('mean: sample is empty');
  const result = ssMean(values);
  // A NaN anywhere makes the sum NaN: check once at the end rather than every value first.
  if (Number.isNaN(result)) assertSample(values, 'mean');
  return result;
};

/**
 * The statistic an SLA or a gate names: `mean`, or `p<N>` for the N-th percentile (`p95`).
 * `max` and anything else are undefined: a resampled maximum says nothing useful.
 * @example statisticNamed('p95')?.([1, 2, 3, 4]) // 3.85
 */
export function statisticNamed(name: string): Statistic | undefined {
  if (name === 'mean') return mean;
  const percent = /^p(\d{1,2}(?:\.\d+)?)$/.exec(name)?.[1];
  return percent === undefined ? undefined : quantile(Number(percent) / 100);
}

export const median: Statistic = quantile(0.5);
export const p90: Statistic = quantile(0.9);
export const p95: Statistic = quantile(0.95);
export const p99: Statistic = quantile(0.99);
