import type { PathName } from '../../src/index.js';
import type { CostStat, LatencyStat } from '../scenario/index.js';
import type { PathSlaTargets } from '../verdict/index.js';
import { BENCH_METRICS, pathSubmetric } from './bench-metrics.js';

/** An SLA statistic as k6 names it in a threshold expression. */
const K6_STAT: Readonly<Record<LatencyStat | CostStat, string>> = {
  mean: 'avg',
  p50: 'med',
  p90: 'p(90)',
  p95: 'p(95)',
  p99: 'p(99)',
  max: 'max',
};

/**
 * k6 thresholds stating each path's SLA on the submetrics of its requests: latency on
 * `http_req_duration{path:…}`, cost on `cost_usd{path:…}`, the success floor on
 * `answered_ok{path:…}`, and the lowest floor on all checks. Only paths that have requests get
 * thresholds: k6 would fail a rate threshold on a submetric without samples.
 */
export function slaThresholds(
  paths: readonly PathName[],
  sla: Readonly<Record<PathName, PathSlaTargets>>,
): Record<string, string[]> {
  const thresholds: Record<string, string[]> = {};
  for (const path of paths) {
    const { latency, cost, success } = sla[path];
    thresholds[pathSubmetric('http_req_duration', path)] = [
      `${K6_STAT[latency.stat]}<${latency.maxMs}`,
    ];
    thresholds[pathSubmetric(BENCH_METRICS.cost, path)] = [`${K6_STAT[cost.stat]}<${cost.maxUsd}`];
    thresholds[pathSubmetric(BENCH_METRICS.answered, path)] = [`rate>=${success.minRate}`];
  }
  if (paths.length > 0) {
    const floor = Math.min(...paths.map((path) => sla[path].success.minRate));
    thresholds.checks = [`rate>=${floor}`];
  }
  return thresholds;
}
