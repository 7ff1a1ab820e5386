import { describe, expect, it } from 'vitest';
import type { LoadStep } from '../load/load-result.js';
import { parseK6Summary } from './read-k6-summary.js';
import { loadStepFromSummary } from './summary-to-load-step.js';
import { benchHandleSummary, benchSummaryExport, benchSummaryV1 } from './testing.js';

const ingest = (value: unknown, file = 'summary.json') =>
  loadStepFromSummary(parseK6Summary(value, file));

const EXPECTED: LoadStep = {
  engine: 'k6',
  loop: 'open',
  targetRps: 10,
  connections: 40,
  durationS: 60,
  sent: 600,
  ok: 590,
  non2xx: 6,
  errors: 4,
  throughputRps: 596 / 60,
  goodputRps: 560 / 60,
  latencyMs: { p50: 900, p90: 9000, p95: 14_000, p99: 30_000, max: 41_000, mean: 1800 },
  byPath: {
    simple: {
      ok: 358,
      latencyMs: { p50: 400, p90: 1500, p95: 2100, p99: 2900, max: 3300, mean: 600 },
      costUsd: 0.004 * 358,
    },
    complex: {
      ok: 155,
      latencyMs: { p50: 4000, p90: 9000, p95: 12_000, p99: 14_500, max: 16_000, mean: 5000 },
      costUsd: 0.02 * 155,
    },
    full: {
      ok: 77,
      latencyMs: { p50: 20_000, p90: 38_000, p95: 46_000, p99: 50_000, max: 52_000, mean: 22_000 },
      costUsd: 0.07 * 77,
    },
  },
  thresholds: [
    { metric: 'http_req_duration{path:simple}', expression: 'p(95)<3000', ok: true },
    { metric: 'http_req_duration{path:complex}', expression: 'p(95)<15000', ok: true },
    { metric: 'http_req_duration{path:full}', expression: 'p(95)<45000', ok: false },
    { metric: 'answered_ok{path:simple}', expression: 'rate>=0.95', ok: true },
    { metric: 'answered_ok{path:complex}', expression: 'rate>=0.95', ok: true },
    { metric: 'answered_ok{path:full}', expression: 'rate>=0.9', ok: true },
    { metric: 'cost_usd{path:simple}', expression: 'avg<0.007', ok: true },
    { metric: 'cost_usd{path:complex}', expression: 'avg<0.025', ok: true },
    { metric: 'cost_usd{path:full}', expression: 'avg<0.065', ok: false },
    { metric: 'checks', expression: 'rate>=0.9', ok: true },
  ],
};

describe('loadStepFromSummary of a generated script', () => {
  it('fills every field from handleSummary data, with nothing assumed', () => {
    const { step, warnings, format } = ingest(benchHandleSummary());
    expect(format).toBe('handle-summary');
    expect(step).toEqual(EXPECTED);
    expect(warnings).toEqual([]);
  });

  it('gives the same step from the --summary-export of the same run (duration from the rate)', () => {
    const { step, warnings } = ingest(benchSummaryExport());
    expect(step).toEqual(EXPECTED);
    expect(warnings).toEqual([]);
  });

  it('gives the same step from the machine-readable summary, which has no thresholds', () => {
    const { thresholds: _, ...rest } = EXPECTED;
    expect(ingest(benchSummaryV1()).step).toEqual(rest);
  });

  it('reads first-byte times of a streamed run', () => {
    const data = benchHandleSummary();
    data.metrics.ttft_ms = {
      type: 'trend',
      contains: 'time',
      values: {
        avg: 700,
        min: 50,
        med: 500,
        max: 9000,
        'p(90)': 1200,
        'p(95)': 2000,
        'p(99)': 6000,
      },
    };
    expect(ingest(data).step.ttftMs).toEqual({
      p50: 500,
      p90: 1200,
      p95: 2000,
      p99: 6000,
      max: 9000,
      mean: 700,
    });
  });

  it('takes a run without the target gauge and with dropped iterations as open, rate unknown', () => {
    const data = benchHandleSummary();
    delete data.metrics.bench_target_rps;
    data.metrics.dropped_iterations = {
      type: 'counter',
      contains: 'default',
      values: { count: 3, rate: 0.05 },
    };
    const { step } = ingest(data);
    expect(step.loop).toBe('open');
    expect(step.targetRps).toBeUndefined();
  });

  it('takes a closed-loop generated run (no target gauge) as closed without a warning', () => {
    const data = benchHandleSummary();
    delete data.metrics.bench_target_rps;
    const { step, warnings } = ingest(data);
    expect(step.loop).toBe('closed');
    expect(warnings).toEqual([]);
  });
});

describe('loadStepFromSummary of other scripts says what it assumed', () => {
  const foreign = () => {
    const { metrics } = benchHandleSummary();
    const keep = [
      'http_reqs',
      'http_req_failed',
      'http_req_duration',
      'vus',
      'vus_max',
      'iterations',
    ];
    return {
      state: { testRunDurationMs: 30_000 },
      metrics: Object.fromEntries(Object.entries(metrics).filter(([name]) => keep.includes(name))),
    };
  };

  it('counts all failures as non-2xx, goodput as every ok answer, and the loop as closed', () => {
    const { step, warnings } = ingest(foreign());
    expect(step).toMatchObject({ loop: 'closed', ok: 590, non2xx: 10, errors: 0, durationS: 30 });
    expect(step.goodputRps).toBe(590 / 30);
    expect(step.byPath).toBeUndefined();
    expect(step.thresholds).toBeUndefined();
    expect(warnings).toEqual([
      expect.stringMatching(/10 failed requests: .* all are counted as non-2xx/),
      expect.stringMatching(
        /no met_sla metric: goodput counts every 2xx answer \(an upper bound\)/,
      ),
      expect.stringMatching(/does not say how load was offered: taken as a closed loop/),
    ]);
  });

  it('fills a missing p(99) with the next statistic up and says so', () => {
    const data = foreign();
    const duration = data.metrics.http_req_duration;
    if (duration === undefined) throw new Error('fixture');
    const { 'p(99)': _, count: __, ...values } = duration.values;
    data.metrics.http_req_duration = { ...duration, values };
    const { step, warnings } = ingest(data);
    expect(step.latencyMs.p99).toBe(41_000);
    expect(warnings).toContainEqual(
      expect.stringMatching(/^http_req_duration: the summary has no p99; .*--summary-trend-stats/),
    );
  });

  it('trusts a rate over passes that contradict it, and says so', () => {
    const data = foreign();
    data.metrics.http_req_failed = {
      type: 'rate',
      contains: 'default',
      values: { rate: 10 / 600, passes: 590, fails: 10 },
    };
    const { step, warnings } = ingest(data);
    expect(step.ok).toBe(590);
    expect(warnings[0]).toMatch(/http_req_failed: rate 0\.01\d+ disagrees with passes 590 of 600/);
  });

  it('counts every request as ok when k6 is too old to report http_req_failed', () => {
    const data = foreign();
    delete data.metrics.http_req_failed;
    const { step, warnings } = ingest(data);
    expect(step).toMatchObject({ ok: 600, non2xx: 0, errors: 0 });
    expect(warnings[0]).toMatch(/no http_req_failed metric \(k6 before v0\.31\)/);
  });
});

describe('loadStepFromSummary refuses what cannot be a load step', () => {
  it('names a gRPC summary for what it is', () => {
    const summary = {
      state: { testRunDurationMs: 1000 },
      metrics: {
        grpc_reqs: { type: 'counter', contains: 'default', values: { count: 5, rate: 5 } },
      },
    };
    expect(() => ingest(summary, 'grpc.json')).toThrow(
      'grpc.json: metrics.http_reqs: missing; expected the counter of HTTP requests (this summary has grpc_reqs: only HTTP tests become load steps)',
    );
  });

  it('names a metric missing from the machine-readable summary', () => {
    const v1 = benchSummaryV1() as { results: { metrics: { name: string }[] } };
    v1.results.metrics = v1.results.metrics.filter((m) => m.name !== 'http_req_duration');
    expect(() => ingest(v1, 'v1.json')).toThrow(
      'v1.json: results.metrics: no metric named http_req_duration; expected the trend of HTTP request times',
    );
  });

  it('names a metric of the wrong kind', () => {
    const data = benchHandleSummary();
    data.metrics.vus_max = { type: 'counter', contains: 'default', values: { count: 1, rate: 1 } };
    expect(() => ingest(data)).toThrow(
      'summary.json: metrics.vus_max.values: expected vus_max to be a gauge metric, got a counter',
    );
  });

  it('names a missing statistic with its field path', () => {
    const data = benchHandleSummary();
    data.metrics.http_req_duration = {
      type: 'trend',
      contains: 'time',
      values: { med: 1, max: 2 },
    };
    expect(() => ingest(data)).toThrow(
      'summary.json: metrics.http_req_duration.values.avg: missing; expected a number',
    );
  });

  it('needs some way to tell how long the run was', () => {
    const data = benchHandleSummary();
    data.metrics.http_reqs = {
      type: 'counter',
      contains: 'default',
      values: { count: 600, rate: 0 },
    };
    data.metrics.iterations = {
      type: 'counter',
      contains: 'default',
      values: { count: 600, rate: 0 },
    };
    expect(() => ingest({ metrics: data.metrics })).toThrow(
      'summary.json: state.testRunDurationMs: missing, and no http_reqs or iterations rate',
    );
  });
});
