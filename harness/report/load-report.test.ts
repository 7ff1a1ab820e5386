import { describe, expect, it } from 'vitest';
import { fakeRecord } from '../../test/support/records.js';
import type { LatencyPercentiles, LoadStep } from '../load/load-result.js';
import type { Suite } from '../scenario/index.js';
import { buildReport } from './build-report.js';
import { loadChartSpecs } from './load-chart-specs.js';
import { buildLoadReport } from './load-report.js';
import { LoadReportSchema, type LoadResults } from './load-report-schema.js';
import { renderHtml } from './render-html.js';
import { renderLoadHtml } from './render-load-html.js';
import { ReportSchema } from './report-schema.js';

const HOSTILE = '<script>window.__pwned = 1</script>';
const suite: Suite = {
  file: 'scenarios/s.yaml',
  name: 's',
  version: '1',
  sla: {},
  repetitions: 1,
  requests: [{ id: 'faq' } as Suite['requests'][number]],
};
const flat = (ms: number): LatencyPercentiles => ({
  p50: ms,
  p90: ms,
  p95: ms,
  p99: ms,
  max: ms,
  mean: ms,
});
const step = (rate: number, p95: number): LoadStep => ({
  engine: 'autocannon',
  loop: 'open',
  targetRps: rate,
  connections: 8,
  durationS: 10,
  warmupS: 2,
  sent: rate * 10,
  ok: rate * 10,
  non2xx: 0,
  errors: 0,
  dropped: 0,
  throughputRps: rate,
  goodputRps: rate,
  latencyMs: flat(p95 / 2),
  correctedLatencyMs: flat(p95),
  sendLagMs: flat(0),
  byPath: {
    simple: {
      ok: rate * 10,
      latencyMs: flat(p95 / 2),
      correctedLatencyMs: flat(p95),
      costUsd: 0.5,
    },
  },
  thresholds: [{ metric: 'corrected_latency_ms{path:simple}', expression: 'p(95)<3000', ok: true }],
});
const sla = {
  simple: { stat: 'p95', maxMs: 3000 },
  complex: { stat: 'p95', maxMs: 15000 },
  full: { stat: 'p95', maxMs: 45000 },
} as const;

const sweepLoad: LoadResults = {
  kind: 'sweep',
  target: {
    kind: 'child',
    url: 'http://127.0.0.1:1/v1',
    backend: 'mock-server',
    latency: 'zero',
    seed: 42,
  },
  stream: false,
  sla,
  steps: [step(50, 5), step(100, 8), step(150, 4000)],
  sweep: {
    rules: { minThroughputRatio: 0.9, maxErrorRate: 0.01, latency: 'every path keeps its SLA' },
    steps: [
      { targetRps: 50, saturated: false, reasons: [] },
      { targetRps: 100, saturated: false, reasons: [] },
      { targetRps: 150, saturated: true, reasons: [`simple: too slow ${HOSTILE}`] },
    ],
    best: { stepIndex: 1, targetRps: 100, goodputRps: 100 },
    brokeAt: { stepIndex: 2, targetRps: 150, reasons: [`simple: too slow ${HOSTILE}`] },
  },
  soak: {
    intervalS: 5,
    warmupS: 0,
    samples: [0, 5, 10].map((atS) => ({
      atS,
      rssBytes: 100 * 1_048_576,
      heapUsedBytes: 50 * 1_048_576,
      eventLoopP99Ms: 11,
    })),
    steadyRssBytes: 100 * 1_048_576,
    rssGrowthPct: 0,
    heapGrowthPct: 0,
    maxEventLoopP99Ms: 11,
    failedScrapes: 0,
    notes: [],
  },
  interrupted: false,
  notes: [HOSTILE],
};

const loadReport = () =>
  buildLoadReport({
    runId: '20261125-090000-s-load-sweep',
    createdAt: new Date('2026-11-25T09:00:00Z'),
    toolVersion: '0.1.0',
    suite,
    wallTimeMs: 40_000,
    load: sweepLoad,
  });

describe('load report', () => {
  it('is valid against its schema, and a run report may carry it', () => {
    expect(() => LoadReportSchema.parse(loadReport())).not.toThrow();
    const run = buildReport({
      runId: 'r',
      createdAt: new Date('2026-11-25T09:00:00Z'),
      toolVersion: '0.1.0',
      suite,
      options: {
        modes: ['hybrid'],
        backend: 'mock',
        latency: 'zero',
        sharedState: 'memory',
        seed: 42,
        concurrency: 4,
        repetitions: 1,
      },
      records: [fakeRecord()],
      wallTimeMs: 1_000,
      interrupted: false,
      counts: { planned: 1, sent: 1, droppedByInterruption: 0 },
    });
    expect(() => ReportSchema.parse({ ...run, load: sweepLoad })).not.toThrow();
    const html = renderHtml({ ...run, load: sweepLoad }, { chartJs: '/* chart.js */' });
    expect(html).toContain('<h2>Load results</h2>');
    expect(html).toContain('data-chart="load-sweep"');
    expect(renderHtml(run)).not.toContain('Load results');
  });

  it('charts latency and goodput by offered rate, and the soak over time', () => {
    const [sweep, soak] = loadChartSpecs(sweepLoad);
    expect(sweep?.id).toBe('load-sweep');
    const datasets = sweep?.config.data.datasets ?? [];
    expect(datasets.map((d) => d.label)).toEqual([
      'p50 (corrected)',
      'p95 (corrected)',
      'p99 (corrected)',
      'goodput (answers/s within SLA)',
      'SLA simple p95 < 3000 ms',
    ]);
    expect(datasets[1]?.data).toEqual([
      { x: 50, y: 5 },
      { x: 100, y: 8 },
      { x: 150, y: 4000 },
    ]);
    expect(datasets[3]?.yAxisID).toBe('y1');
    expect(soak?.id).toBe('load-soak');
    expect(soak?.config.data.datasets[0]?.data[0]).toEqual({ x: 0, y: 100 });
    expect(loadChartSpecs({ ...sweepLoad, kind: 'step', soak: undefined })).toEqual([]);
  });

  it('renders a self-contained page that escapes every text it did not write', () => {
    const html = renderLoadHtml(loadReport(), { chartJs: '/* chart.js */' });
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(html).toMatch(/Highest goodput that still met the SLA: <strong>100\/s<\/strong>/);
    expect(html).toContain('Saturated at 150/s');
    expect(html).toContain('id="load-soak"');
    expect(html).toContain('<script type="application/json" id="chart-specs">');
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(renderLoadHtml(loadReport())).not.toContain('chart-specs');
  });
});
