export type { TelemetryOptions } from './create-telemetry.js';
export { createTelemetry } from './create-telemetry.js';
export type {
  Health,
  HealthCheck,
  HealthOptions,
  Readiness,
  ReadinessStatus,
} from './health.js';
export { createHealth } from './health.js';
export type { TelemetryHooks } from './log-sink.js';
export { createLogSink } from './log-sink.js';
export type { CreateLoggerOptions, Logger, LogLevel } from './logger.js';
export { createLogger, REDACT_PATHS } from './logger.js';
export type { MetricSample } from './parse-exposition.js';
export { parseExposition, sampleValue } from './parse-exposition.js';
export type { MetricsOptions, PrometheusMetrics } from './prometheus-metrics.js';
export {
  BREAKER_STATE_VALUE,
  createMetrics,
  MODEL_CALL_BUCKETS_S,
  REQUEST_BUCKETS_S,
} from './prometheus-metrics.js';
export { REDACTED, SECRET_KEY, scrubObject, scrubSecrets } from './scrub-secrets.js';
export type {
  ModelCallEndedEvent,
  RequestEndedEvent,
  SpanName,
  Telemetry,
} from './telemetry.js';
export { noTelemetry } from './telemetry.js';
export type { Tracing, TracingMode, TracingOptions } from './tracing.js';
export { createTracing, resolveOtlpEndpoint, TRACER_NAME } from './tracing.js';
