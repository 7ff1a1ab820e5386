import { z } from 'zod';
import { PATH_NAMES } from '../../routing/path.js';
import { DEPLOYMENT_DEFAULTS } from './defaults.js';
import { Duration, ServiceUrl, textRule } from './text-rules.js';

const d = DEPLOYMENT_DEFAULTS;

/** What an alert can watch; `*_rate` metrics are shares from 0 to 1. */
export const ALERT_METRICS = [
  'error_rate',
  'latency_p95_ms',
  'cost_per_request_usd',
  'breaker_open',
  'success_rate',
] as const;
export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const AlertSchema = z.strictObject({
  name: z.string().min(1),
  metric: z.enum(ALERT_METRICS),
  /** Only requests served on this path; absent: all requests. */
  path: z.enum(PATH_NAMES).optional(),
  threshold: z.number().nonnegative(),
  for: Duration.default(d.alertFor),
  severity: z.enum(ALERT_SEVERITIES).default(d.alertSeverity),
});

export const MonitoringSchema = z.strictObject({
  metrics: z
    .strictObject({
      enabled: z.boolean().default(true),
      path: textRule((p) => p.startsWith('/'), 'must start with /', 'e.g. /metrics').default(
        d.metricsPath,
      ),
    })
    .prefault({}),
  tracing: z
    .strictObject({
      enabled: z.boolean().default(false),
      /** Absent: the OpenTelemetry SDK's own default (OTEL_EXPORTER_OTLP_ENDPOINT). */
      otlpEndpoint: ServiceUrl.optional(),
      sampleRatio: z.number().min(0).max(1).default(d.tracingSampleRatio),
    })
    .prefault({}),
  logging: z.strictObject({ level: z.enum(LOG_LEVELS).default(d.logLevel) }).prefault({}),
  alerts: z.array(AlertSchema).default([]),
});
