import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { afterEach, describe, expect, it } from 'vitest';
import { createTracing, resolveOtlpEndpoint, type Tracing } from './tracing.js';

const NO_ENV = {};
const opened: Tracing[] = [];
function memoryTracing(sampleRatio?: number): Tracing {
  const tracing = createTracing({ serviceName: 'test', inMemory: true, sampleRatio, env: NO_ENV });
  opened.push(tracing);
  return tracing;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((tracing) => tracing.shutdown()));
});

function byName(spans: readonly ReadableSpan[], name: string): ReadableSpan {
  const span = spans.find((candidate) => candidate.name === name);
  if (!span) throw new Error(`no span named ${name}`);
  return span;
}

describe('createTracing', () => {
  it('is off, and spans are non-recording, when no endpoint is configured', async () => {
    const tracing = createTracing({ serviceName: 'test', env: NO_ENV });
    expect(tracing.mode).toBe('off');
    const recording = await tracing.span('request', {}, () =>
      Promise.resolve(trace.getActiveSpan()?.isRecording() ?? false),
    );
    expect(recording).toBe(false);
    expect(tracing.finishedSpans()).toEqual([]);
  });

  it('nests request → path → model_call / tool_call through async work', async () => {
    const tracing = memoryTracing();
    const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
    await tracing.span('request', { mode: 'hybrid' }, async () => {
      await tick();
      await tracing.span('path', { path: 'complex' }, async () => {
        await tracing.span('model_call', { model: 'gpt-4o' }, tick);
        await tracing.span('tool_call', { tool: 'lookup_order' }, tick);
      });
    });
    const spans = tracing.finishedSpans();
    const [request, path, call, tool] = ['request', 'path', 'model_call', 'tool_call'].map((name) =>
      byName(spans, name),
    );
    expect(request?.parentSpanContext).toBeUndefined();
    expect(path?.parentSpanContext?.spanId).toBe(request?.spanContext().spanId);
    expect(call?.parentSpanContext?.spanId).toBe(path?.spanContext().spanId);
    expect(tool?.parentSpanContext?.spanId).toBe(path?.spanContext().spanId);
    expect(new Set(spans.map((span) => span.spanContext().traceId)).size).toBe(1);
  });

  it('records the attributes a span was opened with', async () => {
    const tracing = memoryTracing();
    await tracing.span('model_call', { model: 'gpt-4o', attempt: 2, cached: false }, async () => 1);
    expect(byName(tracing.finishedSpans(), 'model_call').attributes).toMatchObject({
      model: 'gpt-4o',
      attempt: 2,
      cached: false,
    });
  });

  it('marks a thrown error ERROR with its code, rethrows it and scrubs the exception text', async () => {
    const tracing = memoryTracing();
    const error = Object.assign(new Error('bad key sk-ant-api03-secretsecret'), { code: 'HB_X' });
    await expect(tracing.span('request', {}, () => Promise.reject(error))).rejects.toBe(error);
    const span = byName(tracing.finishedSpans(), 'request');
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'HB_X' });
    expect(span.attributes['error.type']).toBe('HB_X');
    const exception = JSON.stringify(span.events);
    expect(exception).toContain('bad key');
    expect(exception).not.toContain('secretsecret');
  });

  it('marks a failure returned as a value ERROR with its code, and passes the value on', async () => {
    const tracing = memoryTracing();
    const outcome = { state: 'error', error: { code: 'rate_limited' } } as const;
    await expect(tracing.span('model_call', {}, async () => outcome)).resolves.toBe(outcome);
    const span = byName(tracing.finishedSpans(), 'model_call');
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes['error.type']).toBe('rate_limited');
  });

  it('leaves successful spans unset', async () => {
    const tracing = memoryTracing();
    await tracing.span('path', {}, async () => ({ state: 'ok' }));
    expect(byName(tracing.finishedSpans(), 'path').status.code).toBe(SpanStatusCode.UNSET);
  });

  it('records no spans at sample ratio 0', async () => {
    const tracing = memoryTracing(0);
    await tracing.span('request', {}, () => tracing.span('path', {}, async () => 1));
    expect(tracing.finishedSpans()).toEqual([]);
  });

  it('keeps the spans of two instances apart', async () => {
    const first = memoryTracing();
    const second = memoryTracing();
    await first.span('request', {}, async () => 1);
    expect(first.finishedSpans()).toHaveLength(1);
    expect(second.finishedSpans()).toHaveLength(0);
  });

  it('exports over OTLP/HTTP and flushes on shutdown', async () => {
    const bodies: string[] = [];
    const server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        body += chunk;
      });
      req.on('end', () => {
        bodies.push(`${req.method} ${req.url} ${body}`);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const tracing = createTracing({
        serviceName: 'bridge-under-test',
        env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}/` },
      });
      expect(tracing.mode).toBe('otlp');
      expect(tracing.endpoint).toBe(`http://127.0.0.1:${port}/v1/traces`);
      await tracing.span('request', { mode: 'hybrid' }, async () => 1);
      expect(bodies).toEqual([]); // batched, not sent per span
      await tracing.shutdown();
      expect(bodies).toHaveLength(1);
      expect(bodies[0]).toMatch(/^POST \/v1\/traces /);
      expect(bodies[0]).toContain('bridge-under-test');
      expect(bodies[0]).toContain('"request"');
    } finally {
      server.close();
    }
  });
});

describe('resolveOtlpEndpoint', () => {
  it('prefers the option, then the traces variable, then the base variable', () => {
    const env = {
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://t:4318/custom',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://b:4318',
    };
    const base = { serviceName: 's' };
    expect(resolveOtlpEndpoint({ ...base, otlpEndpoint: 'http://o/v1/traces', env })).toBe(
      'http://o/v1/traces',
    );
    expect(resolveOtlpEndpoint({ ...base, env })).toBe('http://t:4318/custom');
    expect(
      resolveOtlpEndpoint({ ...base, env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://b:4318' } }),
    ).toBe('http://b:4318/v1/traces');
    expect(
      resolveOtlpEndpoint({ ...base, env: { OTEL_EXPORTER_OTLP_ENDPOINT: ' ' } }),
    ).toBeUndefined();
  });

  it('is off when OTEL_SDK_DISABLED is true, unless an endpoint is configured explicitly', () => {
    const env = { OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://b:4318' };
    expect(resolveOtlpEndpoint({ serviceName: 's', env })).toBeUndefined();
    expect(resolveOtlpEndpoint({ serviceName: 's', env, otlpEndpoint: 'http://o' })).toBe(
      'http://o',
    );
  });
});
