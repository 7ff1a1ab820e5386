import type { LoadStep, LoadThreshold } from '../load/load-result.js';
import { answerCounts } from './answer-counts.js';
import { BENCH_METRICS } from './bench-metrics.js';
import { byPath } from './by-path.js';
import { K6SummaryError } from './k6-errors.js';
import { latencyPercentiles } from './latency-percentiles.js';
import { SummaryMetrics } from './summary-metrics.js';
import type { K6Summary, K6SummaryFormat } from './summary-model.js';

export interface IngestedStep {
  file: string;
  format: K6SummaryFormat;
  step: LoadStep;
  /** What had to be assumed or left out, one sentence each. */
  warnings: string[];
}

/** Request counters of protocols other than HTTP, to say why such a summary is refused. */
const OTHER_PROTOCOLS = ['grpc_reqs', 'ws_sessions', 'browser_http_req_duration'];

/** The run's length: stated by the format, else a counter's count over its per-second rate. */
function runSeconds(summary: K6Summary, metrics: SummaryMetrics): number {
  if (summary.durationS !== undefined && summary.durationS > 0) return summary.durationS;
  for (const name of ['http_reqs', 'iterations']) {
    const counter = metrics.get(name, 'counter');
    const rate = counter?.values.rate;
    const count = counter?.values.count;
    if (rate !== undefined && count !== undefined && rate > 0) return count / rate;
  }
  throw new K6SummaryError(
    summary.file,
    'state.testRunDurationMs',
    'missing, and no http_reqs or iterations rate to work the duration out from',
  );
}

/** Open loop when the script says so (its target-rate gauge) or k6 dropped iterations. */
function loopOf(metrics: SummaryMetrics, warn: (message: string) => void) {
  const target = metrics.get(BENCH_METRICS.targetRps, 'gauge');
  if (target !== undefined) {
    const rps = metrics.value(target, 'value');
    return rps > 0 ? { loop: 'open' as const, targetRps: rps } : { loop: 'open' as const };
  }
  if (metrics.get('dropped_iterations') !== undefined) return { loop: 'open' as const };
  if (metrics.get(BENCH_METRICS.answered) === undefined)
    warn('the summary does not say how load was offered: taken as a closed loop (fixed VUs)');
  return { loop: 'closed' as const };
}

function thresholdsOf(summary: K6Summary): LoadThreshold[] {
  return [...summary.metrics].flatMap(([metric, m]) =>
    m.thresholds.map((t) => ({ metric, expression: t.expression, ok: t.ok })),
  );
}

/** One k6 run's summary as a load step, with what had to be assumed on the way. */
export function loadStepFromSummary(summary: K6Summary): IngestedStep {
  const metrics = new SummaryMetrics(summary);
  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);
  const other = OTHER_PROTOCOLS.find((name) => summary.metrics.has(name));
  const httpReqs = metrics.need(
    'http_reqs',
    'counter',
    `the counter of HTTP requests${other ? ` (this summary has ${other}: only HTTP tests become load steps)` : ''}`,
  );
  const sent = metrics.value(httpReqs, 'count');
  const durationS = runSeconds(summary, metrics);
  const counts = answerCounts(metrics, sent, warn);
  const vus = metrics.get('vus_max', 'gauge') ?? metrics.need('vus', 'gauge', 'the VU gauge');
  const duration = metrics.need('http_req_duration', 'trend', 'the trend of HTTP request times');
  const met = metrics.get(BENCH_METRICS.metSla, 'rate');
  if (met === undefined)
    warn(`no ${BENCH_METRICS.metSla} metric: goodput counts every 2xx answer (an upper bound)`);
  const ttft = metrics.get(BENCH_METRICS.ttft, 'trend');
  const paths = byPath(metrics, warn);
  const thresholds = thresholdsOf(summary);
  const step: LoadStep = {
    engine: 'k6',
    ...loopOf(metrics, warn),
    connections: metrics.value(vus, 'max'),
    durationS,
    sent,
    ...counts,
    throughputRps: (sent - counts.errors) / durationS,
    goodputRps: (met ? metrics.trues(BENCH_METRICS.metSla, met, warn) : counts.ok) / durationS,
    latencyMs: latencyPercentiles('http_req_duration', duration, metrics, warn),
    ...(ttft ? { ttftMs: latencyPercentiles(BENCH_METRICS.ttft, ttft, metrics, warn) } : {}),
    ...(paths ? { byPath: paths } : {}),
    ...(thresholds.length > 0 ? { thresholds } : {}),
  };
  return { file: summary.file, format: summary.format, step, warnings };
}
