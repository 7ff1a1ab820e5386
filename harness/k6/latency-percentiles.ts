import type { LatencyPercentiles } from '../load/load-result.js';
import type { SummaryMetrics } from './summary-metrics.js';
import type { K6Metric } from './summary-model.js';

/** Each percentile and the trend statistics k6 may report it as, lowest first. */
const PERCENTILES = [
  ['p50', ['med', 'p(50)']],
  ['p90', ['p(90)']],
  ['p95', ['p(95)']],
  ['p99', ['p(99)']],
] as const;

/**
 * A trend's percentiles in milliseconds. k6 reports only the statistics in its
 * `summaryTrendStats` (by default no p(99)); a missing one is filled with the next higher one it
 * has, up to the max, which bounds it from above, and `warn` says so.
 */
export function latencyPercentiles(
  name: string,
  metric: K6Metric,
  metrics: SummaryMetrics,
  warn: (message: string) => void,
): LatencyPercentiles {
  const max = metrics.value(metric, 'max');
  const mean = metrics.value(metric, 'avg');
  const found = PERCENTILES.map(([, keys]) =>
    keys.map((key) => metric.values[key]).find((v) => v !== undefined),
  );
  const filled = found.map(
    (value, i) => value ?? found.slice(i + 1).find((v) => v !== undefined) ?? max,
  );
  const missing = PERCENTILES.filter((_, i) => found[i] === undefined).map(([p]) => p);
  if (missing.length > 0) {
    warn(
      `${name}: the summary has no ${missing.join(', ')}; shown as the next higher statistic it has (an upper bound). Add them to k6's --summary-trend-stats.`,
    );
  }
  const [p50 = max, p90 = max, p95 = max, p99 = max] = filled;
  return { p50, p90, p95, p99, max, mean };
}
