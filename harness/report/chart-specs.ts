import { type Mode, PATH_NAMES, type PathName } from '../../src/index.js';
import type { HistoryEntry } from './history.js';
import type { Report } from './report-schema.js';

/**
 * chart.js configurations built from a report: plain JSON (no functions), so the same spec draws
 * in the browser from the HTML report and on a server canvas for the PNGs. Each is aggregated
 * (quantiles, bins), so its size does not grow with the number of requests.
 */
export interface ChartSpec {
  id: string;
  title: string;
  config: {
    type: 'line' | 'bar';
    data: { labels?: Array<string | number>; datasets: Dataset[] };
    options: Record<string, unknown>;
  };
}

export interface Dataset {
  label: string;
  data: Array<number | { x: number; y: number }>;
  borderColor?: string;
  backgroundColor?: string;
  borderDash?: number[];
  pointRadius?: number;
  stepped?: boolean;
  borderWidth?: number;
  /** A second scale (`y1`) for a series in another unit. */
  yAxisID?: string;
}

const COLORS: Record<Mode, string> = { 'agno-only': '#8a5cf6', hybrid: '#0f766e' };
const CDF_POINTS = 41;
const BINS = 20;

/** `points` evenly spaced quantiles of sorted values, as (value, cumulative share) pairs. */
function cdf(values: number[], points = CDF_POINTS): Array<{ x: number; y: number }> {
  const s = Float64Array.from(values).sort();
  if (s.length === 0) return [];
  return Array.from({ length: points }, (_, i) => {
    const q = i / (points - 1);
    const index = Math.min(s.length - 1, Math.round(q * (s.length - 1)));
    return { x: Math.round((s[index] ?? 0) * 1000) / 1000, y: Math.round(q * 1000) / 10 };
  });
}

/** Counts of each series in `BINS` equal bins over their common range. */
function histogram(series: number[][]): { labels: string[]; counts: number[][] } {
  const all = series.flat();
  if (all.length === 0) return { labels: [], counts: series.map(() => []) };
  const min = all.reduce((m, v) => Math.min(m, v), Infinity);
  const max = all.reduce((m, v) => Math.max(m, v), -Infinity);
  const width = max > min ? (max - min) / BINS : 1;
  const counts = series.map((values) => {
    const bins = new Uint32Array(BINS);
    for (const v of values) {
      const bin = Math.min(BINS - 1, Math.floor((v - min) / width));
      bins[bin] = (bins[bin] ?? 0) + 1;
    }
    return [...bins];
  });
  return {
    labels: Array.from({ length: BINS }, (_, i) => min + (i + 0.5) * width).map(String),
    counts,
  };
}

type Records = Report['records'];

/** A path's values per mode (the records are that path's already). */
function byMode(records: Records, pick: (r: Records[number]) => number) {
  const out = new Map<Mode, number[]>();
  for (const r of records) {
    const list = out.get(r.mode) ?? [];
    list.push(pick(r));
    out.set(r.mode, list);
  }
  return out;
}

/** The records of each path, in one pass over the run. */
function recordsByPath(records: Records): Map<PathName, Records> {
  const out = new Map<PathName, Records>();
  for (const r of records) {
    const list = out.get(r.expectedPath) ?? [];
    list.push(r);
    out.set(r.expectedPath, list);
  }
  return out;
}

const axis = (title: string, extra: Record<string, unknown> = {}) => ({
  title: { display: true, text: title },
  ...extra,
});

function latencyCdf(report: Report, path: PathName, records: Records): ChartSpec | undefined {
  const series = byMode(records, (r) => r.latencyMs / 1000);
  if (series.size === 0) return undefined;
  const limit = report.sla.targets[path].latency;
  const limitS = limit.maxMs / 1000;
  const dataMax = [...series.values()].flat().reduce((m, v) => Math.max(m, v), 0);
  // Show the SLA line when it is near the data; a far-off line would squash every curve.
  const xMax = Math.max(dataMax * 1.1, Math.min(limitS * 1.05, dataMax * 3));
  const offScale = limitS > xMax;
  const datasets: Dataset[] = [...series].map(([mode, values]) => ({
    label: mode,
    data: cdf(values),
    borderColor: COLORS[mode],
    backgroundColor: COLORS[mode],
    pointRadius: 0,
    stepped: true,
    borderWidth: 2,
  }));
  datasets.push({
    label: `SLA ${limit.stat} < ${limitS} s${offScale ? ' (off the scale, to the right)' : ''}`,
    data: offScale
      ? []
      : [
          { x: limitS, y: 0 },
          { x: limitS, y: 100 },
        ],
    borderColor: '#b42318',
    borderDash: [6, 4],
    pointRadius: 0,
    borderWidth: 1,
  });
  return {
    id: `latency-cdf-${path}`,
    title: `${path}: latency distribution (CDF)`,
    config: {
      type: 'line',
      data: { datasets },
      options: {
        animation: false,
        responsive: false,
        parsing: true,
        scales: {
          x: axis('latency (s)', { type: 'linear', min: 0, max: Math.round(xMax * 1000) / 1000 }),
          y: axis('requests at or below (%)', { min: 0, max: 100 }),
        },
        plugins: { title: { display: true, text: `${path}: latency CDF` } },
      },
    },
  };
}

function distribution(
  path: PathName,
  records: Records,
  kind: 'latency' | 'cost',
): ChartSpec | undefined {
  const series = byMode(records, (r) =>
    kind === 'latency' ? r.latencyMs / 1000 : r.costUsd * 1000,
  );
  if (series.size === 0) return undefined;
  const modes = [...series.keys()];
  const { labels, counts } = histogram([...series.values()]);
  const unit = kind === 'latency' ? 's' : '$ per 1k';
  const digits = kind === 'latency' ? 2 : 3;
  return {
    id: `${kind}-histogram-${path}`,
    title: `${path}: ${kind} per request`,
    config: {
      type: 'bar',
      data: {
        labels: labels.map((l) => Number(l).toFixed(digits)),
        datasets: modes.map((mode, i) => ({
          label: mode,
          data: counts[i] ?? [],
          backgroundColor: `${COLORS[mode]}b3`,
        })),
      },
      options: {
        animation: false,
        responsive: false,
        scales: {
          x: axis(`${kind} (${unit}, bin centre)`),
          y: axis('requests', { beginAtZero: true }),
        },
        plugins: { title: { display: true, text: `${path}: ${kind} per request` } },
      },
    },
  };
}

function costBenefit(report: Report): ChartSpec | undefined {
  const summaries = report.summaries;
  if (summaries.length === 0) return undefined;
  const paths = PATH_NAMES.filter((p) => summaries.some((s) => s.path === p));
  const modes = (['agno-only', 'hybrid'] as const).filter((m) =>
    summaries.some((s) => s.mode === m),
  );
  return {
    id: 'cost-per-1k',
    title: 'Cost per 1,000 requests',
    config: {
      type: 'bar',
      data: {
        labels: [...paths],
        datasets: modes.map((mode) => ({
          label: mode,
          data: paths.map((p) => {
            const s = summaries.find((x) => x.mode === mode && x.path === p);
            return s ? Math.round(s.costUsd.mean * 1000 * 1e4) / 1e4 : 0;
          }),
          backgroundColor: COLORS[mode],
        })),
      },
      options: {
        animation: false,
        responsive: false,
        scales: { y: axis('USD per 1,000 requests', { beginAtZero: true }) },
        plugins: { title: { display: true, text: 'Cost per 1,000 requests, by path' } },
      },
    },
  };
}

const PATH_COLORS: Record<PathName, string> = {
  simple: '#2563eb',
  complex: '#d97706',
  full: '#b42318',
};

/** One line per path over the runs of `trend` (oldest first, this run last). */
function trendChart(
  trend: readonly HistoryEntry[],
  id: string,
  title: string,
  unit: string,
  pick: (figures: NonNullable<HistoryEntry['paths'][PathName]>) => number,
): ChartSpec | undefined {
  if (trend.length < 2) return undefined;
  return {
    id,
    title,
    config: {
      type: 'line',
      data: {
        labels: trend.map((entry) => entry.createdAt.slice(5, 19).replace('T', ' ')),
        datasets: PATH_NAMES.filter((path) => trend.some((e) => e.paths[path])).map((path) => ({
          label: path,
          data: trend.map((e) => {
            const figures = e.paths[path];
            return figures ? Math.round(pick(figures) * 1000) / 1000 : Number.NaN;
          }),
          borderColor: PATH_COLORS[path],
          backgroundColor: PATH_COLORS[path],
          pointRadius: 3,
          borderWidth: 2,
        })),
      },
      options: {
        animation: false,
        responsive: false,
        spanGaps: true,
        scales: { x: axis('run (UTC)'), y: axis(unit, { beginAtZero: true }) },
        plugins: { title: { display: true, text: title } },
      },
    },
  };
}

/**
 * Every chart of a report, in the order the report shows them. `trend`: earlier runs of the
 * same suite and this one, oldest first (no trend charts with fewer than two).
 */
export function chartSpecs(report: Report, trend: readonly HistoryEntry[] = []): ChartSpec[] {
  const specs: Array<ChartSpec | undefined> = [
    costBenefit(report),
    trendChart(
      trend,
      'trend-p95',
      'Trend: p95 latency per path',
      'p95 latency (s)',
      (f) => f.latencyP95Ms / 1000,
    ),
    trendChart(
      trend,
      'trend-cost',
      'Trend: cost per 1,000 requests per path',
      'USD per 1k',
      (f) => f.costPer1kUsd,
    ),
  ];
  const byPath = recordsByPath(report.records);
  for (const path of PATH_NAMES) {
    const records = byPath.get(path) ?? [];
    specs.push(
      latencyCdf(report, path, records),
      distribution(path, records, 'latency'),
      distribution(path, records, 'cost'),
    );
  }
  return specs.filter((s): s is ChartSpec => s !== undefined);
}
