import type { Logger } from 'pino';
import type { Health } from './health.js';
import { createLogSink, type TelemetryHooks } from './log-sink.js';
import type { PrometheusMetrics } from './prometheus-metrics.js';
import { noTelemetry, type Telemetry } from './telemetry.js';
import type { Tracing } from './tracing.js';

export interface TelemetryOptions {
  metrics?: PrometheusMetrics;
  tracing?: Tracing;
  logger?: Logger;
  /** Receives breaker transitions, so readiness reports open breakers. */
  health?: Pick<Health, 'breakerChanged'>;
  /** Told when a sink threw inside a hook (the hook itself never throws). Default: ignore. */
  onSinkError?: (error: unknown, hook: keyof TelemetryHooks) => void;
}

const HOOKS = [
  'requestEnded',
  'modelCallEnded',
  'retried',
  'fellBack',
  'breakerChanged',
  'cacheLookup',
  'rejected',
  'agentTurnEnded',
  'handedOff',
] as const satisfies ReadonlyArray<keyof TelemetryHooks>;

type AnyHook = (event: unknown) => void;

function fanOut(
  hook: keyof TelemetryHooks,
  sinks: ReadonlyArray<Partial<TelemetryHooks>>,
  onSinkError: (error: unknown, hook: keyof TelemetryHooks) => void,
): AnyHook {
  const targets = sinks.flatMap((sink) => {
    const target = sink[hook] as AnyHook | undefined;
    return target ? [target] : [];
  });
  const report = (error: unknown) => {
    try {
      onSinkError(error, hook);
    } catch {
      // The error handler failing must not reach the request either.
    }
  };
  if (targets.length === 0) return () => undefined;
  return (event) => {
    for (const target of targets) {
      try {
        target(event);
      } catch (error) {
        report(error);
      }
    }
  };
}

/**
 * The runtime's {@link Telemetry}: each hook updates the metrics, writes a log line at the
 * event's level, feeds health, and `span()` opens an OpenTelemetry span. Every part is
 * optional; with none it behaves like {@link noTelemetry}. Hooks never throw.
 *
 * @example
 * const metrics = createMetrics();
 * const tracing = createTracing({ serviceName: 'bridge' }); // off unless OTEL_EXPORTER_OTLP_* is set
 * const health = createHealth();
 * const telemetry = createTelemetry({ metrics, tracing, health, logger: createLogger({ level: 'info' }) });
 * const bridge = createBridge({ ...options, telemetry });
 */
export function createTelemetry(options: TelemetryOptions = {}): Telemetry {
  const sinks: Array<Partial<TelemetryHooks>> = [];
  if (options.metrics) sinks.push(options.metrics);
  if (options.logger) sinks.push(createLogSink(options.logger));
  if (options.health) {
    const health = options.health;
    sinks.push({ breakerChanged: (event) => health.breakerChanged(event) });
  }
  const onSinkError = options.onSinkError ?? (() => undefined);
  const hooks = Object.fromEntries(
    HOOKS.map((hook) => [hook, fanOut(hook, sinks, onSinkError)]),
  ) as unknown as TelemetryHooks;
  return { ...hooks, span: options.tracing?.span ?? noTelemetry.span };
}
