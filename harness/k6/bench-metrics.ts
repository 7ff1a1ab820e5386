import type { PathName } from '../../src/index.js';

/**
 * The metrics a generated script adds to k6's own, by name. `bench k6 ingest` reads them when
 * present and falls back to k6's built-in metrics (saying so) for summaries of other scripts.
 */
export const BENCH_METRICS = {
  /** Trend of `x-bench-cost-usd` per answer. */
  cost: 'cost_usd',
  /** Rate: a 200 with a non-empty answer. Tagged by path; its passes are the ok answers. */
  answered: 'answered_ok',
  /** Rate: answered, and under the path's latency and cost ceilings (counts towards goodput). */
  metSla: 'met_sla',
  /** Counter of requests that got no HTTP answer at all (k6 status 0). */
  transportErrors: 'transport_errors',
  /** Gauge: the arrival rate per second this k6 instance offers; 0 when the rate ramps. */
  targetRps: 'bench_target_rps',
  /** Trend, streaming only: time to the first byte of the event stream. */
  ttft: 'ttft_ms',
} as const;

/** A path's submetric as k6 names it in summaries: `http_req_duration{path:simple}`. */
export function pathSubmetric(metric: string, path: PathName): string {
  return `${metric}{path:${path}}`;
}
