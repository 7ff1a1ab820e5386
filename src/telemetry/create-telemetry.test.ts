import { trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { createTelemetry } from './create-telemetry.js';
import { createHealth } from './health.js';
import { createLogger, type LogLevel } from './logger.js';
import { parseExposition, sampleValue } from './parse-exposition.js';
import { createMetrics, type PrometheusMetrics } from './prometheus-metrics.js';
import { createTracing } from './tracing.js';

function capture(level: LogLevel) {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger({
    level,
    destination: {
      write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>),
    },
  });
  return { logger, lines };
}

const requestEnded = {
  mode: 'hybrid',
  servedBy: 'simple',
  outcome: 'ok',
  latencyMs: 900,
  costUsd: 0.001,
  reliabilityCostUsd: 0,
};

describe('createTelemetry', () => {
  it('logs retries and fallbacks at info, breaker transitions at warn, request ends at debug', () => {
    const { logger, lines } = capture('debug');
    const telemetry = createTelemetry({ logger });
    telemetry.retried({ model: 'm', attempt: 1, reason: 'rate_limited', delayMs: 250 });
    telemetry.fellBack({ kind: 'model', from: 'a', to: 'b', reason: 'circuit_open' });
    telemetry.breakerChanged({ key: 'openai/m', from: 'closed', to: 'open' });
    telemetry.requestEnded(requestEnded);
    telemetry.cacheLookup({ hit: true, model: 'm' });
    expect(lines.map((line) => [line.event, line.level])).toEqual([
      ['retry', 30],
      ['fallback', 30],
      ['breaker', 40],
      ['request_ended', 20],
    ]);
    expect(lines[0]).toMatchObject({
      model: 'm',
      attempt: 1,
      reason: 'rate_limited',
      delayMs: 250,
    });
    expect(lines[2]).toMatchObject({ breaker: 'openai/m', from: 'closed', to: 'open' });
  });

  it('writes nothing below the logger level', () => {
    const { logger, lines } = capture('warn');
    const telemetry = createTelemetry({ logger });
    telemetry.requestEnded(requestEnded);
    telemetry.retried({ model: 'm', attempt: 1, reason: 'timeout', delayMs: 1 });
    telemetry.rejected({ reason: 'rate_limited', scope: 'user' });
    expect(lines).toEqual([]);
  });

  it('feeds breaker transitions to health', async () => {
    const health = createHealth();
    const telemetry = createTelemetry({ health });
    telemetry.breakerChanged({ key: 'k', from: 'closed', to: 'open' });
    expect(await health.ready()).toMatchObject({ status: 'degraded', openBreakers: ['k'] });
  });

  it('never throws from a hook, reports the sink error and still reaches the other sinks', async () => {
    const broken = {
      requestEnded: () => {
        throw new Error('sink down');
      },
    } as unknown as PrometheusMetrics;
    const errors: string[] = [];
    const { logger, lines } = capture('debug');
    const telemetry = createTelemetry({
      metrics: broken,
      logger,
      onSinkError: (error, hook) => errors.push(`${hook}: ${(error as Error).message}`),
    });
    expect(() => telemetry.requestEnded(requestEnded)).not.toThrow();
    expect(errors).toEqual(['requestEnded: sink down']);
    expect(lines).toHaveLength(1);
  });

  it('survives an error handler that throws too', () => {
    const metrics = {
      retried: () => {
        throw new Error('sink down');
      },
    } as unknown as PrometheusMetrics;
    const telemetry = createTelemetry({
      metrics,
      onSinkError: () => {
        throw new Error('handler down');
      },
    });
    expect(() =>
      telemetry.retried({ model: 'm', attempt: 1, reason: 'timeout', delayMs: 1 }),
    ).not.toThrow();
  });

  it('updates metrics and opens spans through the same object', async () => {
    const metrics = createMetrics();
    const tracing = createTracing({ serviceName: 't', inMemory: true, env: {} });
    const telemetry = createTelemetry({ metrics, tracing });
    const result = await telemetry.span('request', { mode: 'hybrid' }, async () => {
      telemetry.requestEnded(requestEnded);
      return trace.getActiveSpan()?.isRecording();
    });
    expect(result).toBe(true);
    expect(tracing.finishedSpans().map((span) => span.name)).toEqual(['request']);
    expect(sampleValue(parseExposition(await metrics.text()), 'hybrid_requests_total')).toBe(1);
    await tracing.shutdown();
  });

  it('with no parts, passes spans through and ignores events', async () => {
    const telemetry = createTelemetry();
    expect(() => telemetry.requestEnded(requestEnded)).not.toThrow();
    await expect(telemetry.span('path', {}, async () => 'value')).resolves.toBe('value');
  });
});
