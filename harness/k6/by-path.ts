import { PATH_NAMES } from '../../src/index.js';
import type { LoadStep } from '../load/load-result.js';
import { BENCH_METRICS, pathSubmetric } from './bench-metrics.js';
import { latencyPercentiles } from './latency-percentiles.js';
import type { SummaryMetrics } from './summary-metrics.js';

/**
 * Per-path figures from the `{path:…}` submetrics a generated script's thresholds make k6
 * report. A script tags each request with its labelled path and pins it with the
 * `x-bench-path` request header, so the labelled path is the path that served it. `costUsd` is
 * the path's total spend in the step (mean cost × answers).
 */
export function byPath(
  metrics: SummaryMetrics,
  warn: (message: string) => void,
): LoadStep['byPath'] {
  const out: NonNullable<LoadStep['byPath']> = {};
  for (const path of PATH_NAMES) {
    const durationName = pathSubmetric('http_req_duration', path);
    const duration = metrics.get(durationName, 'trend');
    if (duration === undefined) continue;
    const answeredName = pathSubmetric(BENCH_METRICS.answered, path);
    const failedName = pathSubmetric('http_req_failed', path);
    const answered = metrics.get(answeredName, 'rate');
    const failed = metrics.get(failedName, 'rate');
    const ok = answered
      ? metrics.trues(answeredName, answered, warn)
      : failed
        ? metrics.falses(failedName, failed, warn)
        : undefined;
    if (ok === undefined) {
      warn(
        `${durationName} has no ${answeredName} or ${failedName} beside it: path ${path} left out of byPath`,
      );
      continue;
    }
    const costName = pathSubmetric(BENCH_METRICS.cost, path);
    const cost = metrics.get(costName, 'trend');
    if (cost === undefined) warn(`no ${costName} metric: cost of path ${path} shown as 0`);
    out[path] = {
      ok,
      latencyMs: latencyPercentiles(durationName, duration, metrics, warn),
      costUsd: cost ? metrics.value(cost, 'avg') * (cost.values.count ?? ok) : 0,
    };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
