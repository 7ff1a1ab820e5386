/**
 * Summaries of one run of a generated script, written for tests in k6's formats: 600 requests
 * at 10/s for 60 s; 590 answered, 6 answered 503, 4 never answered; 560 met their SLA.
 */

type Values = Record<string, number>;
interface Metric {
  type: 'counter' | 'gauge' | 'rate' | 'trend';
  contains: 'default' | 'time' | 'data';
  values: Values;
  thresholds?: Record<string, { ok: boolean }>;
}

const trend = (values: Values, thresholds?: Metric['thresholds']): Metric => ({
  type: 'trend',
  contains: 'time',
  values,
  ...(thresholds ? { thresholds } : {}),
});
const rate = (passes: number, fails: number, thresholds?: Metric['thresholds']): Metric => ({
  type: 'rate',
  contains: 'default',
  values: { rate: passes / (passes + fails), passes, fails },
  ...(thresholds ? { thresholds } : {}),
});
const latency = (med: number, p90: number, p95: number, p99: number, max: number, avg: number) => ({
  avg,
  min: 80,
  med,
  max,
  'p(90)': p90,
  'p(95)': p95,
  'p(99)': p99,
});
const cost = (avg: number, count: number, limit: number, ok: boolean): Metric => ({
  type: 'trend',
  contains: 'default',
  values: {
    avg,
    min: avg / 2,
    med: avg,
    max: avg * 3,
    'p(90)': avg * 2,
    'p(95)': avg * 2,
    'p(99)': avg * 3,
    count,
  },
  thresholds: { [`avg<${limit}`]: { ok } },
});

/** The `data` object k6 hands to handleSummary after the run. */
export function benchHandleSummary(): {
  root_group: unknown;
  options: unknown;
  state: unknown;
  metrics: Record<string, Metric>;
} {
  return {
    root_group: {
      name: '',
      path: '',
      id: 'd41d8cd98f00b204e9800998ecf8427e',
      groups: [],
      checks: [
        { name: 'status is 200', path: '::status is 200', id: 'a', passes: 590, fails: 10 },
        {
          name: 'answer is not empty',
          path: '::answer is not empty',
          id: 'b',
          passes: 590,
          fails: 10,
        },
      ],
    },
    options: {
      summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'],
      summaryTimeUnit: '',
      noColor: false,
    },
    state: { isStdOutTTY: false, isStdErrTTY: false, testRunDurationMs: 60_000 },
    metrics: {
      http_reqs: { type: 'counter', contains: 'default', values: { count: 600, rate: 10 } },
      http_req_failed: rate(10, 590),
      http_req_duration: trend({ ...latency(900, 9000, 14_000, 30_000, 41_000, 1800), count: 600 }),
      'http_req_duration{path:simple}': trend(
        { ...latency(400, 1500, 2100, 2900, 3300, 600), count: 360 },
        { 'p(95)<3000': { ok: true } },
      ),
      'http_req_duration{path:complex}': trend(
        { ...latency(4000, 9000, 12_000, 14_500, 16_000, 5000), count: 160 },
        { 'p(95)<15000': { ok: true } },
      ),
      'http_req_duration{path:full}': trend(
        { ...latency(20_000, 38_000, 46_000, 50_000, 52_000, 22_000), count: 80 },
        { 'p(95)<45000': { ok: false } },
      ),
      answered_ok: rate(590, 10),
      'answered_ok{path:simple}': rate(358, 2, { 'rate>=0.95': { ok: true } }),
      'answered_ok{path:complex}': rate(155, 5, { 'rate>=0.95': { ok: true } }),
      'answered_ok{path:full}': rate(77, 3, { 'rate>=0.9': { ok: true } }),
      cost_usd: trend({ avg: 0.01, min: 0.001, med: 0.005, max: 0.09, count: 590 }),
      'cost_usd{path:simple}': cost(0.004, 358, 0.007, true),
      'cost_usd{path:complex}': cost(0.02, 155, 0.025, true),
      'cost_usd{path:full}': cost(0.07, 77, 0.065, false),
      met_sla: rate(560, 40),
      transport_errors: {
        type: 'counter',
        contains: 'default',
        values: { count: 4, rate: 4 / 60 },
      },
      bench_target_rps: {
        type: 'gauge',
        contains: 'default',
        values: { value: 10, min: 10, max: 10 },
      },
      checks: rate(1180, 20, { 'rate>=0.9': { ok: true } }),
      vus: { type: 'gauge', contains: 'default', values: { value: 3, min: 1, max: 38 } },
      vus_max: { type: 'gauge', contains: 'default', values: { value: 40, min: 40, max: 40 } },
      iterations: { type: 'counter', contains: 'default', values: { count: 600, rate: 10 } },
      data_received: {
        type: 'counter',
        contains: 'data',
        values: { count: 912_000, rate: 15_200 },
      },
    },
  };
}

/**
 * The same run as `k6 run --summary-export` writes it: values on the metric, a rate's `rate`
 * named `value`, no type, thresholds as expression → crossed, groups and checks keyed by name.
 */
export function benchSummaryExport(): { metrics: Record<string, unknown>; root_group: unknown } {
  const data = benchHandleSummary();
  const metrics: Record<string, unknown> = {};
  for (const [name, metric] of Object.entries(data.metrics)) {
    const { rate: rateValue, ...rest } = metric.values;
    const values: Record<string, unknown> =
      metric.type === 'rate' ? { ...rest, value: rateValue } : { ...metric.values };
    if (metric.thresholds)
      values.thresholds = Object.fromEntries(
        Object.entries(metric.thresholds).map(([expression, t]) => [expression, !t.ok]),
      );
    metrics[name] = values;
  }
  return {
    metrics,
    root_group: {
      name: '',
      path: '',
      id: 'd41d8cd98f00b204e9800998ecf8427e',
      groups: {},
      checks: {},
    },
  };
}

/** The same run as k6's machine-readable summary (v1): metrics in an array, no thresholds. */
export function benchSummaryV1(): Record<string, unknown> {
  const data = benchHandleSummary();
  return {
    version: '1.0.0',
    metadata: { generatedAt: '2025-06-01T12:00:00Z', k6Version: '1.2.0' },
    config: { execution: 'local', script: 'script.ts', duration: 60 },
    results: {
      passed: false,
      metrics: Object.entries(data.metrics).map(([name, metric]) => ({
        name,
        type: metric.type,
        contains: metric.contains,
        category: name.startsWith('http_') ? 'http' : 'custom',
        values: metric.values,
      })),
    },
  };
}
