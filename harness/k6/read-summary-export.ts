import { fieldPath, type JsonFields, type JsonObject } from './json-fields.js';
import type { K6Metric, K6MetricType, K6Summary, K6Threshold } from './summary-model.js';

/** The legacy export drops `type`; each kind has its own set of value keys. */
function inferType(values: Record<string, number>): K6MetricType | undefined {
  const has = (key: string) => key in values;
  if (has('passes') && has('fails')) return 'rate';
  if (has('avg') || has('med') || Object.keys(values).some((k) => /^p\(/.test(k))) return 'trend';
  if (has('count') && has('rate')) return 'counter';
  if (has('value') && has('min') && has('max')) return 'gauge';
  return undefined;
}

/** `{ "p(90) < 400": true }`: here true means the threshold was crossed, i.e. it failed. */
function thresholdsCrossed(value: unknown, field: string, fields: JsonFields): K6Threshold[] {
  if (value === undefined) return [];
  const object = fields.object(value, field, 'an object of expression: crossed (true|false)');
  return Object.entries(object).map(([expression, crossed]) => ({
    expression,
    ok: !fields.boolean(crossed, fieldPath(field, expression)),
  }));
}

/** passes, fails and the share of passes; the export's `value` is dropped (see below). */
function rateValues(values: Record<string, number>): Record<string, number> {
  const passes = values.passes ?? 0;
  const fails = values.fails ?? 0;
  return { passes, fails, rate: passes + fails > 0 ? passes / (passes + fails) : 0 };
}

/**
 * `k6 run --summary-export FILE`: each metric's values sit on the metric itself. A rate's `rate`
 * is called `value` there, and files from older k6 versions hold values there that disagree
 * with their passes and fails (a check metric with 29 passes, 0 fails and value 0), so the rate
 * is worked out from the counts.
 */
export function readSummaryExport(root: JsonObject, fields: JsonFields): K6Summary {
  const metrics = new Map<string, K6Metric>();
  for (const [name, raw] of Object.entries(fields.object(root.metrics, 'metrics'))) {
    const at = fieldPath('metrics', name);
    const values = fields.numbers(fields.object(raw, at), at, ['thresholds']);
    const type = inferType(values);
    if (type === undefined)
      fields.fail(
        at,
        'expected the values of a counter (count, rate), gauge (value, min, max), rate (passes, fails) or trend (avg, med, max, p(N)), got ' +
          (Object.keys(values).join(', ') || 'none'),
      );
    const thresholds = thresholdsCrossed(
      (raw as JsonObject).thresholds,
      fieldPath(at, 'thresholds'),
      fields,
    );
    metrics.set(name, {
      type,
      values: type === 'rate' ? rateValues(values) : values,
      thresholds,
      valuesAt: at,
    });
  }
  return { file: fields.file, format: 'summary-export', metrics };
}
