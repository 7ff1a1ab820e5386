import { mean, quantileSorted, sum } from 'simple-statistics';

/** Summary statistics of one sample, with units left to the field name that holds it. */
export interface Distribution {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  /** Sum of the values (compensated summation, so many small costs add up exactly enough). */
  total: number;
}

/**
 * Describes a sample. Quantiles are simple-statistics' `quantileSorted`: linear interpolation
 * between closest ranks (Hyndman-Fan type 7, numpy.percentile's default). An empty sample gives
 * `undefined`.
 */
export function describe(values: readonly number[]): Distribution | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    min: sorted[0] as number,
    mean: mean(sorted),
    p50: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
    max: sorted.at(-1) as number,
    total: sum(sorted),
  };
}
