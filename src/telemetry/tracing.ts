import { context, type Span, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  InMemorySpanExporter,
  ParentBasedSampler,
  type ReadableSpan,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { scrubSecrets } from './scrub-secrets.js';
import type { Telemetry } from './telemetry.js';

export const TRACER_NAME = 'hybrid-bench';

/** `off`: no spans at all (near-zero cost); `otlp`: batched to a collector; `memory`: for tests. */
export type TracingMode = 'off' | 'otlp' | 'memory';

export interface TracingOptions {
  serviceName: string;
  /**
   * The OTLP/HTTP traces URL (`http://collector:4318/v1/traces`). Without it the standard
   * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, then `OTEL_EXPORTER_OTLP_ENDPOINT` (+ `/v1/traces`),
   * are used; with none of them, tracing is off.
   */
  otlpEndpoint?: string;
  /** Fraction of new traces recorded, 0…1 (default 1); a child follows its parent's decision. */
  sampleRatio?: number;
  /** Keep finished spans in memory (see {@link Tracing.finishedSpans}) instead of exporting. */
  inMemory?: boolean;
  /** Where the `OTEL_*` variables are read. Default: `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface Tracing {
  readonly mode: TracingMode;
  /** The OTLP URL spans go to (`otlp` mode only). */
  readonly endpoint?: string;
  span: Telemetry['span'];
  /** Spans ended so far (`memory` mode; empty otherwise). */
  finishedSpans(): readonly ReadableSpan[];
  /** Exports what is buffered. */
  forceFlush(): Promise<void>;
  /** Exports what is buffered and stops; spans started afterwards are not recorded. */
  shutdown(): Promise<void>;
}

/** Where spans go given the options and environment, or `undefined` for nowhere. */
export function resolveOtlpEndpoint(options: TracingOptions): string | undefined {
  const env = options.env ?? process.env;
  const nonEmpty = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  if (nonEmpty(options.otlpEndpoint)) return nonEmpty(options.otlpEndpoint);
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return undefined;
  const traces = nonEmpty(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  if (traces) return traces;
  const base = nonEmpty(env.OTEL_EXPORTER_OTLP_ENDPOINT);
  return base ? `${base.replace(/\/+$/, '')}/v1/traces` : undefined;
}

let contextManagerRegistered = false;

/**
 * Nested spans find their parent through the active context, which needs a context manager.
 * The API allows one per process; if the host application registered its own first, that one
 * (normally also AsyncLocalStorage-based) is used.
 */
function ensureContextManager(): void {
  if (contextManagerRegistered) return;
  const manager = new AsyncLocalStorageContextManager().enable();
  if (!context.setGlobalContextManager(manager)) manager.disable();
  contextManagerRegistered = true;
}

const OFF: Tracing = {
  mode: 'off',
  span: (_name, _attributes, fn) => fn(),
  finishedSpans: () => [],
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

/**
 * Sets up OpenTelemetry tracing for one bridge. Spans come from this provider's own tracer (not
 * a global one), so two bridges or tests in one process keep their spans apart; the context
 * manager is the process's, so nested `span()` calls become parent and child.
 *
 * @example
 * const tracing = createTracing({ serviceName: 'bridge', otlpEndpoint: 'http://127.0.0.1:4318/v1/traces' });
 * const telemetry = createTelemetry({ tracing });
 * // on exit:
 * await tracing.shutdown();
 */
export function createTracing(options: TracingOptions): Tracing {
  const endpoint = options.inMemory ? undefined : resolveOtlpEndpoint(options);
  if (!options.inMemory && endpoint === undefined) return OFF;
  ensureContextManager();

  const memory = options.inMemory ? new InMemorySpanExporter() : undefined;
  const processor = memory
    ? new SimpleSpanProcessor({ exporter: memory })
    : new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: endpoint }) });
  const ratio = Math.min(1, Math.max(0, options.sampleRatio ?? 1));
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) }),
    spanProcessors: [processor],
  });
  const tracer = provider.getTracer(TRACER_NAME);

  return {
    mode: memory ? 'memory' : 'otlp',
    ...(endpoint === undefined ? {} : { endpoint }),
    span: (name, attributes, fn) => runInSpan(tracer, name, attributes, fn),
    finishedSpans: () => memory?.getFinishedSpans() ?? [],
    forceFlush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}

function runInSpan<T>(
  tracer: Tracer,
  name: string,
  attributes: Readonly<Record<string, string | number | boolean>>,
  fn: () => Promise<T>,
): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      const result = await fn();
      const code = failureCodeOf(result);
      if (code !== undefined) markFailed(span, code);
      return result;
    } catch (error) {
      markFailed(span, thrownCodeOf(error));
      if (error instanceof Error) {
        span.recordException({
          name: error.name,
          message: scrubSecrets(error.message),
          ...(error.stack === undefined ? {} : { stack: scrubSecrets(error.stack) }),
        });
      }
      throw error;
    } finally {
      span.end();
    }
  });
}

function markFailed(span: Span, code: string): void {
  span.setAttribute('error.type', code);
  span.setStatus({ code: SpanStatusCode.ERROR, message: code });
}

/** Expected failures come back as values (`{ state: 'error', error: { code } }`), not throws. */
function failureCodeOf(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const { state, error } = result as { state?: unknown; error?: { code?: unknown } };
  // Paths answer `error`, an agent's run `failed`.
  if (state !== 'error' && state !== 'failed') return undefined;
  return typeof error?.code === 'string' ? error.code : 'error';
}

function thrownCodeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    if (typeof error.code === 'string') return error.code;
  }
  return error instanceof Error ? error.name : 'error';
}
