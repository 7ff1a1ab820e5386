import { PATH_NAMES } from '../../src/index.js';
import type { ChartSpec, Dataset } from './chart-specs.js';
import type { LoadResults } from './load-report-schema.js';

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

const axis = (title: string, extra: Record<string, unknown> = {}) => ({
  title: { display: true, text: title },
  ...extra,
});

const line = (
  label: string,
  color: string,
  data: Array<{ x: number; y: number }>,
  extra: Partial<Dataset> = {},
): Dataset => ({
  label,
  data,
  borderColor: color,
  backgroundColor: color,
  pointRadius: 3,
  borderWidth: 2,
  ...extra,
});

/**
 * Throughput against latency over a sweep's steps: offered rate on x, the corrected latency
 * percentiles (ms) on the left scale, goodput (answers/s within SLA) on the right one, and the
 * strictest path's SLA limit dashed when it is near the data.
 */
function sweepChart(load: LoadResults): ChartSpec | undefined {
  const steps = load.steps.filter((s) => s.targetRps !== undefined);
  if (load.kind !== 'sweep' || steps.length === 0) return undefined;
  const point = (pick: (s: (typeof steps)[number]) => number) =>
    steps.map((s) => ({ x: s.targetRps as number, y: round(pick(s)) }));
  const latency = (s: (typeof steps)[number]) => s.correctedLatencyMs ?? s.latencyMs;
  const served = PATH_NAMES.filter((p) => steps.some((s) => s.byPath?.[p]));
  const strictest = served
    .map((p) => ({ path: p, ...load.sla[p] }))
    .sort((a, b) => a.maxMs - b.maxMs)[0];
  const dataMax = Math.max(...steps.map((s) => latency(s).p99));
  const datasets: Dataset[] = [
    line(
      'p50 (corrected)',
      '#2563eb',
      point((s) => latency(s).p50),
    ),
    line(
      'p95 (corrected)',
      '#d97706',
      point((s) => latency(s).p95),
    ),
    line(
      'p99 (corrected)',
      '#b42318',
      point((s) => latency(s).p99),
    ),
    line(
      'goodput (answers/s within SLA)',
      '#0f766e',
      point((s) => s.goodputRps),
      { yAxisID: 'y1', borderDash: [2, 2] },
    ),
  ];
  if (strictest && strictest.maxMs <= dataMax * 3) {
    const rates = steps.map((s) => s.targetRps as number);
    datasets.push(
      line(
        `SLA ${strictest.path} ${strictest.stat} < ${strictest.maxMs} ms`,
        '#6b7280',
        [
          { x: Math.min(...rates), y: strictest.maxMs },
          { x: Math.max(...rates), y: strictest.maxMs },
        ],
        { borderDash: [6, 4], pointRadius: 0, borderWidth: 1 },
      ),
    );
  }
  return {
    id: 'load-sweep',
    title: 'Sweep: latency and goodput by offered rate',
    config: {
      type: 'line',
      data: { datasets },
      options: {
        animation: false,
        responsive: false,
        scales: {
          x: axis('offered rate (requests/s)', { type: 'linear' }),
          y: axis('corrected latency (ms)', { beginAtZero: true, position: 'left' }),
          y1: axis('goodput (requests/s)', {
            beginAtZero: true,
            position: 'right',
            grid: { drawOnChartArea: false },
          }),
        },
        plugins: { title: { display: true, text: 'Sweep: latency and goodput by offered rate' } },
      },
    },
  };
}

/** The server process over a soak: RSS and heap (MB, left), event-loop delay p99 (ms, right). */
function soakChart(load: LoadResults): ChartSpec | undefined {
  const samples = load.soak?.samples ?? [];
  if (samples.length === 0) return undefined;
  const mb = (bytes: number) => round(bytes / 1_048_576, 1);
  return {
    id: 'load-soak',
    title: 'Soak: server memory and event-loop delay',
    config: {
      type: 'line',
      data: {
        datasets: [
          line(
            'RSS (MB)',
            '#8a5cf6',
            samples.map((s) => ({ x: s.atS, y: mb(s.rssBytes) })),
            { pointRadius: 0 },
          ),
          line(
            'heap used (MB)',
            '#0f766e',
            samples.map((s) => ({ x: s.atS, y: mb(s.heapUsedBytes) })),
            { pointRadius: 0 },
          ),
          line(
            'event-loop delay p99 (ms)',
            '#b42318',
            samples.map((s) => ({ x: s.atS, y: round(s.eventLoopP99Ms, 2) })),
            { pointRadius: 0, yAxisID: 'y1', borderWidth: 1 },
          ),
        ],
      },
      options: {
        animation: false,
        responsive: false,
        scales: {
          x: axis('time since the load started (s)', { type: 'linear' }),
          y: axis('MB', { beginAtZero: true, position: 'left' }),
          y1: axis('event-loop delay p99 (ms)', {
            beginAtZero: true,
            position: 'right',
            grid: { drawOnChartArea: false },
          }),
        },
        plugins: { title: { display: true, text: 'Soak: server memory and event-loop delay' } },
      },
    },
  };
}

/** The charts of a load run, in the order the page shows them. */
export function loadChartSpecs(load: LoadResults): ChartSpec[] {
  return [sweepChart(load), soakChart(load)].filter((s): s is ChartSpec => s !== undefined);
}
