import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { K6SummaryError } from './k6-errors.js';
import { parseK6Summary, readK6Summary } from './read-k6-summary.js';
import { benchHandleSummary, benchSummaryExport, benchSummaryV1 } from './testing.js';

function problem(value: unknown): K6SummaryError {
  try {
    parseK6Summary(value, 'summary.json');
  } catch (error) {
    if (error instanceof K6SummaryError) return error;
    throw error;
  }
  throw new Error('expected a K6SummaryError');
}

describe('parseK6Summary', () => {
  it('reads handleSummary data: types, values, thresholds with ok, run length from state', () => {
    const summary = parseK6Summary(benchHandleSummary(), 'summary.json');
    expect(summary.format).toBe('handle-summary');
    expect(summary.durationS).toBe(60);
    expect(summary.metrics.get('http_req_duration{path:full}')).toEqual({
      type: 'trend',
      values: expect.objectContaining({ 'p(95)': 46_000, count: 80 }),
      thresholds: [{ expression: 'p(95)<45000', ok: false }],
      valuesAt: 'metrics["http_req_duration{path:full}"].values',
    });
  });

  it('reads --summary-export: infers types, renames value to rate, inverts crossed thresholds', () => {
    const summary = parseK6Summary(benchSummaryExport(), 'export.json');
    expect(summary.format).toBe('summary-export');
    expect(summary.durationS).toBeUndefined();
    const failed = summary.metrics.get('http_req_failed');
    expect(failed?.type).toBe('rate');
    expect(failed?.values).toEqual({ passes: 10, fails: 590, rate: 10 / 600 });
    expect(summary.metrics.get('http_reqs')?.type).toBe('counter');
    expect(summary.metrics.get('vus_max')?.type).toBe('gauge');
    expect(summary.metrics.get('cost_usd{path:full}')).toMatchObject({
      type: 'trend',
      thresholds: [{ expression: 'avg<0.065', ok: false }],
    });
    expect(summary.metrics.get('checks')?.thresholds).toEqual([
      { expression: 'rate>=0.9', ok: true },
    ]);
  });

  it('works a legacy rate out from passes and fails when its value disagrees', () => {
    const summary = parseK6Summary(
      { metrics: { checks: { passes: 29, fails: 0, value: 0 } } },
      'old.json',
    );
    expect(summary.metrics.get('checks')?.values.rate).toBe(1);
  });

  it('reads the machine-readable summary (v1): metrics array, duration in seconds', () => {
    const summary = parseK6Summary(benchSummaryV1(), 'v1.json');
    expect(summary.format).toBe('machine-readable-v1');
    expect(summary.durationS).toBe(60);
    expect(summary.metrics.get('answered_ok{path:simple}')?.values.passes).toBe(358);
    expect(summary.metrics.get('http_reqs')?.valuesAt).toBe('results.metrics[0].values');
  });

  it('takes handleSummary data without state or options by its typed metrics', () => {
    const { metrics } = benchHandleSummary();
    expect(parseK6Summary({ metrics }, 'bare.json').format).toBe('handle-summary');
  });
});

describe('parseK6Summary errors name the file, the field and what was expected', () => {
  it.each([
    [[], 'summary.json: (top level): expected a k6 end-of-test summary'],
    [{ requests: 1 }, 'summary.json: metrics: missing; expected a k6 end-of-test summary'],
    [{ metrics: [] }, 'summary.json: metrics: expected an object, got an array'],
    [
      { state: {}, metrics: { vus: { type: 'histogram', values: {} } } },
      'summary.json: metrics.vus.type: expected one of counter, gauge, rate, trend, got "histogram"',
    ],
    [
      { state: {}, metrics: { http_reqs: { type: 'counter', values: { count: '600' } } } },
      'summary.json: metrics.http_reqs.values.count: expected a number, got the string "600"',
    ],
    [
      {
        state: {},
        metrics: {
          checks: { type: 'rate', values: { rate: 1 }, thresholds: { 'rate>0.9': true } },
        },
      },
      'summary.json: metrics.checks.thresholds["rate>0.9"]: expected an object { ok: true|false }, got boolean true',
    ],
    [
      { metrics: { http_req_duration: { avg: 1, thresholds: { 'p(95)<1': 'no' } } } },
      'summary.json: metrics.http_req_duration.thresholds["p(95)<1"]: expected true or false, got the string "no"',
    ],
    [
      { metrics: { mystery: { total: 3 } } },
      'summary.json: metrics.mystery: expected the values of a counter (count, rate), gauge',
    ],
    [
      { version: '1.0.0', results: { metrics: [{ type: 'counter', values: {} }] } },
      'summary.json: results.metrics[0].name: expected a string, got nothing',
    ],
    [
      { state: { testRunDurationMs: 'long' }, metrics: {} },
      'summary.json: state.testRunDurationMs: expected a number, got the string "long"',
    ],
  ])('%j', (value, message) => {
    const error = problem(value);
    expect(error.message).toContain(message);
    expect(error.isUserError).toBe(true);
  });
});

describe('readK6Summary', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hb-k6-read-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file', async () => {
    const file = join(dir, 'summary.json');
    await writeFile(file, JSON.stringify(benchHandleSummary()));
    expect((await readK6Summary(file)).metrics.size).toBeGreaterThan(10);
  });

  it('says a missing file is missing', async () => {
    await expect(readK6Summary(join(dir, 'nope.json'))).rejects.toThrow(
      /nope\.json: no such file \(check the path\)/,
    );
  });

  it('says a k6 --out json sample stream is not a summary, and what to use instead', async () => {
    const file = join(dir, 'samples.jsonl');
    const lines = [
      { type: 'Metric', data: { type: 'counter', contains: 'default' }, metric: 'http_reqs' },
      {
        type: 'Point',
        data: { time: '2025-01-01T00:00:00Z', value: 1, tags: {} },
        metric: 'http_reqs',
      },
    ];
    await writeFile(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    await expect(readK6Summary(file)).rejects.toThrow(
      /samples\.jsonl: this is `k6 run --out json` output .* run k6 with --summary-export FILE/,
    );
  });

  it('says text that is not JSON is not JSON', async () => {
    const file = join(dir, 'out.csv');
    await writeFile(file, 'metric_name,timestamp,metric_value\nhttp_reqs,1,1\n');
    await expect(readK6Summary(file)).rejects.toThrow(/out\.csv: expected JSON/);
  });
});
