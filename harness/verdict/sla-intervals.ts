import type { RequestRecord } from '../metrics/request-record.js';
import { bootstrapCi, groupByModeAndPath, groupKey, wilsonInterval } from '../stats/index.js';
import { statisticNamed } from '../stats/statistics.js';
import type { CheckInterval, SlaCheck } from './sla.js';

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
  const groups = groupByModeAndPath(records);
  return checks.map((check, i) => {
    const group = groups.get(groupKey(check.mode, check.path)) ?? [];
    if (group.length < 2) return check;
    if (check.metric === 'success') {
      const w = wilsonInterval(group.filter((r) => r.success).length, group.length);
      const interval: CheckInterval = { low: w.low, high: w.high, confidence: w.confidence };
      return { ...check, interval };
    }
    const statistic = statisticNamed(check.stat);
    if (!statistic) return check;
    const values = group.map((r) => (check.metric === 'latency' ? r.latencyMs : r.costUsd));
    const ci = bootstrapCi(values, statistic, { seed: seed + i, resamples: 1_000 });
    return { ...check, interval: { low: ci.low, high: ci.high, confidence: ci.confidence } };
  });
}
