import { describe } from '../stats/index.js';
import type { LatencyPercentiles } from './load-result.js';

/** Percentiles of no values: zeros, so a step with no answers still has a well-formed figure. */
export const NO_LATENCIES: LatencyPercentiles = { p50: 0, p90: 0, p95: 0, p99: 0, max: 0, mean: 0 };

/**
 * The percentiles a load step reports, by the project's quantile definition (`describe`:
 * linear interpolation, numpy's default), rounded to microseconds.
 */
export function percentilesOf(valuesMs: readonly number[]): LatencyPercentiles {
  const d = describe(valuesMs);
  if (!d) return { ...NO_LATENCIES };
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    p50: round(d.p50),
    p90: round(d.p90),
    p95: round(d.p95),
    p99: round(d.p99),
    max: round(d.max),
    mean: round(d.mean),
  };
}
