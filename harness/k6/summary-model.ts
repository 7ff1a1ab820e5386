/** The metric kinds k6 has; the legacy export leaves the kind out, so it is inferred there. */
export type K6MetricType = 'counter' | 'gauge' | 'rate' | 'trend';

export type K6SummaryFormat = 'handle-summary' | 'summary-export' | 'machine-readable-v1';

export interface K6Threshold {
  /** As written in the script's `thresholds`, e.g. `p(95)<3000`. */
  expression: string;
  ok: boolean;
}

/**
 * One metric of a k6 end-of-test summary, the same whichever format it came in. Times are in
 * milliseconds, as k6 reports them in every summary format.
 */
export interface K6Metric {
  type: K6MetricType;
  /** Trend: avg, min, med, max, p(N), count; counter: count, rate; rate: rate, passes, fails; gauge: value, min, max. */
  values: Readonly<Record<string, number>>;
  thresholds: K6Threshold[];
  /** Where its values are in the file, for messages: `metrics.http_reqs.values`, `metrics.vus`. */
  valuesAt: string;
}

export interface K6Summary {
  file: string;
  format: K6SummaryFormat;
  /** The test run's length, when the format states it. */
  durationS?: number;
  /** By name as k6 writes it, submetrics included: `http_req_duration{path:simple}`. */
  metrics: ReadonlyMap<string, K6Metric>;
}

/** A metric name split into its base and submetric tags: `a{path:simple}` → `a`, `{path: 'simple'}`. */
export function splitMetricName(name: string): { base: string; tags: Record<string, string> } {
  const open = name.indexOf('{');
  if (open < 0 || !name.endsWith('}')) return { base: name, tags: {} };
  const tags: Record<string, string> = {};
  for (const pair of name.slice(open + 1, -1).split(',')) {
    const colon = pair.indexOf(':');
    if (colon > 0) tags[pair.slice(0, colon).trim()] = pair.slice(colon + 1).trim();
  }
  return { base: name.slice(0, open), tags };
}
