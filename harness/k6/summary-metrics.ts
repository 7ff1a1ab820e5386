import { fieldPath } from './json-fields.js';
import { K6SummaryError } from './k6-errors.js';
import type { K6Metric, K6MetricType, K6Summary } from './summary-model.js';

/** Looks metrics and values up in a summary, failing with the field path of what is missing. */
export class SummaryMetrics {
  constructor(readonly summary: K6Summary) {}

  get(name: string, type?: K6MetricType): K6Metric | undefined {
    const metric = this.summary.metrics.get(name);
    if (metric === undefined || type === undefined || metric.type === type) return metric;
    throw new K6SummaryError(
      this.summary.file,
      metric.valuesAt,
      `expected ${name} to be a ${type} metric, got a ${metric.type}`,
    );
  }

  need(name: string, type: K6MetricType, why: string): K6Metric {
    const metric = this.get(name, type);
    if (metric === undefined) {
      const [field, problem] =
        this.summary.format === 'machine-readable-v1'
          ? ['results.metrics', `no metric named ${name}; expected ${why}`]
          : [fieldPath('metrics', name), `missing; expected ${why}`];
      throw new K6SummaryError(this.summary.file, field, problem);
    }
    return metric;
  }

  value(metric: K6Metric, key: string): number {
    const value = metric.values[key];
    if (value === undefined)
      throw new K6SummaryError(
        this.summary.file,
        fieldPath(metric.valuesAt, key),
        'missing; expected a number',
      );
    return value;
  }

  /**
   * How many samples of a rate metric were true (for http_req_failed: failed requests). k6
   * writes them as `passes`; when `rate` disagrees with passes ÷ (passes + fails), as in k6's
   * own hand-written example of the machine-readable summary, the rate decides and `warn` says so.
   */
  trues(name: string, metric: K6Metric, warn: (message: string) => void): number {
    const passes = this.value(metric, 'passes');
    const total = passes + this.value(metric, 'fails');
    const rate = metric.values.rate;
    if (rate === undefined || total === 0) return passes;
    const byRate = Math.round(rate * total);
    if (byRate === passes) return passes;
    warn(
      `${name}: rate ${rate} disagrees with passes ${passes} of ${total}; counted ${byRate} true by the rate`,
    );
    return byRate;
  }

  /** The false samples of a rate metric (for http_req_failed: requests that did not fail). */
  falses(name: string, metric: K6Metric, warn: (message: string) => void): number {
    return (
      this.value(metric, 'passes') + this.value(metric, 'fails') - this.trues(name, metric, warn)
    );
  }
}
