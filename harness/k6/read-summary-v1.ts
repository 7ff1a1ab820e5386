import { fieldPath, type JsonFields, type JsonObject } from './json-fields.js';
import { readTypedMetric } from './read-handle-summary.js';
import type { K6Metric, K6Summary } from './summary-model.js';

/**
 * k6's machine-readable summary (v1.0.0 of its schema): metrics are an array of
 * `{ name, type, contains, category, values }` and the run's length is `config.duration` in
 * seconds. Checks are left alone: their shape differs between k6's example and its schema.
 */
export function readSummaryV1(root: JsonObject, fields: JsonFields): K6Summary {
  const results = fields.object(root.results, 'results');
  const metrics = new Map<string, K6Metric>();
  fields.array(results.metrics, 'results.metrics').forEach((raw, index) => {
    const at = fieldPath('results.metrics', index);
    const name = fields.string(fields.object(raw, at).name, fieldPath(at, 'name'));
    metrics.set(name, readTypedMetric(raw, at, fields));
  });
  let durationS: number | undefined;
  if (root.config !== undefined) {
    const config = fields.object(root.config, 'config');
    if (config.duration !== undefined)
      durationS = fields.number(config.duration, 'config.duration');
  }
  return {
    file: fields.file,
    format: 'machine-readable-v1',
    metrics,
    ...(durationS === undefined ? {} : { durationS }),
  };
}
