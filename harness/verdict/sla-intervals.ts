import type { RequestRecord } from '../metrics/request-record.js';
import { bootstrapCi, type Statistic, wilsonInterval } from '../stats/index.js';
import { mean, quantile } from '../stats/statistics.js';
import type { CheckInterval, SlaCheck } from './sla.js';

function statisticOf(stat: string): Statistic | undefined {
  if (stat === 'mean') return mean;
  if (stat === 'max') return undefined; // a bootstrap says nothing useful about a maximum
  const q = Number(stat.slice(1)) / 100;
  return Number.isFinite(q) ? quantile(q) : undefined;
}

/**
 * Each SLA check with a 95 % interval around its value: percentile bootstrap for latency and
 * cost statistics (seeded, so a report renders the same every time), Wilson for the success
 * rate. A check over fewer than two requests, or on a maximum, gets none.
 */
export function withIntervals(
  checks: readonly SlaCheck[],
  records: readonly RequestRecord[],
  seed = 1,
): SlaCheck[] {
  return checks.map((check, i) => {
    const group = records.filter((r) => r.mode === check.mode && r.expectedPath === check.path);
    if (group.length < 2) return check;
    if (check.metric === 'success') {
      const w = wilsonInterval(group.filter((r) => r.success).length, group.length);
      const interval: CheckInterval = { low: w.low, high: w.high, confidence: w.confidence };
      return { ...check, interval };
    }
    const statistic = statisticOf(check.stat);
    if (!statistic) return check;
    const values = group.map((r) => (check.metric === 'latency' ? r.latencyMs : r.costUsd));
    const ci = bootstrapCi(values, statistic, { seed: seed + i, resamples: 1_000 });
    return { ...check, interval: { low: ci.low, high: ci.high, confidence: ci.confidence } };
  });
}
