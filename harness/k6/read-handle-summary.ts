import { fieldPath, type JsonFields, type JsonObject } from './json-fields.js';
import type { K6Metric, K6MetricType, K6Summary, K6Threshold } from './summary-model.js';

const METRIC_TYPES: readonly K6MetricType[] = ['counter', 'gauge', 'rate', 'trend'];

function metricType(value: unknown, field: string, fields: JsonFields): K6MetricType {
  if (!(METRIC_TYPES as readonly unknown[]).includes(value))
    fields.fail(field, `expected one of ${METRIC_TYPES.join(', ')}, got ${JSON.stringify(value)}`);
  return value as K6MetricType;
}

/** `{ "p(95)<500": { "ok": true } }`: k6's own form, where ok means the threshold held. */
function thresholdsWithOk(value: unknown, field: string, fields: JsonFields): K6Threshold[] {
  if (value === undefined) return [];
  const object = fields.object(value, field, 'an object of expression: { ok }');
  return Object.entries(object).map(([expression, entry]) => {
    const at = fieldPath(field, expression);
    const ok = fields.object(entry, at, 'an object { ok: true|false }').ok;
    return { expression, ok: fields.boolean(ok, fieldPath(at, 'ok')) };
  });
}

/** A metric with `type` and `values`, as in handleSummary data and the machine-readable summary. */
export function readTypedMetric(raw: unknown, at: string, fields: JsonFields): K6Metric {
  const metric = fields.object(raw, at, 'a metric object { type, values }');
  const valuesAt = fieldPath(at, 'values');
  return {
    type: metricType(metric.type, fieldPath(at, 'type'), fields),
    values: fields.numbers(fields.object(metric.values, valuesAt), valuesAt),
    thresholds: thresholdsWithOk(metric.thresholds, fieldPath(at, 'thresholds'), fields),
    valuesAt,
  };
}

/** The `data` object k6 passes to `handleSummary(data)`, as a script writes it with JSON.stringify. */
export function readHandleSummary(root: JsonObject, fields: JsonFields): K6Summary {
  const metrics = new Map<string, K6Metric>();
  for (const [name, raw] of Object.entries(fields.object(root.metrics, 'metrics'))) {
    metrics.set(name, readTypedMetric(raw, fieldPath('metrics', name), fields));
  }
  let durationS: number | undefined;
  if (root.state !== undefined) {
    const state = fields.object(root.state, 'state');
    if (state.testRunDurationMs !== undefined)
      durationS = fields.number(state.testRunDurationMs, 'state.testRunDurationMs') / 1000;
  }
  return {
    file: fields.file,
    format: 'handle-summary',
    metrics,
    ...(durationS === undefined ? {} : { durationS }),
  };
}
