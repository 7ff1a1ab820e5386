import { register as globalRegistry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createTelemetry } from './create-telemetry.js';
import { type MetricSample, parseExposition, sampleValue } from './parse-exposition.js';
import { createMetrics } from './prometheus-metrics.js';
import type { ModelCallEndedEvent, RequestEndedEvent } from './telemetry.js';

const request = (over: Partial<RequestEndedEvent> = {}): RequestEndedEvent => ({
  mode: 'hybrid',
  servedBy: 'simple',
  outcome: 'ok',
  latencyMs: 1200,
  costUsd: 0.002,
  reliabilityCostUsd: 0,
  ...over,
});

const call = (over: Partial<ModelCallEndedEvent> = {}): ModelCallEndedEvent => ({
  provider: 'openai',
  model: 'gpt-4o-mini',
  outcome: 'ok',
  latencyMs: 400,
  inputTokens: 100,
  outputTokens: 20,
  costUsd: 0.001,
  cached: false,
  ...over,
});

async function scrape(metrics: ReturnType<typeof createMetrics>): Promise<MetricSample[]> {
  return parseExposition(await metrics.text());
}

describe('createMetrics', () => {
  it('counts requests and observes their latency per mode, served_by and outcome', async () => {
    const metrics = createMetrics();
    const telemetry = createTelemetry({ metrics });
    telemetry.requestEnded(request({ latencyMs: 1200 }));
    telemetry.requestEnded(request({ latencyMs: 2500 }));
    telemetry.requestEnded(request({ servedBy: 'complex', outcome: 'timeout', latencyMs: 16_000 }));
    const samples = await scrape(metrics);

    const simpleOk = { mode: 'hybrid', served_by: 'simple', outcome: 'ok' };
    expect(sampleValue(samples, 'hybrid_requests_total', simpleOk)).toBe(2);
    expect(sampleValue(samples, 'hybrid_requests_total', { outcome: 'timeout' })).toBe(1);
    expect(sampleValue(samples, 'hybrid_request_duration_seconds_count', simpleOk)).toBe(2);
    expect(sampleValue(samples, 'hybrid_request_duration_seconds_sum', simpleOk)).toBeCloseTo(3.7);
    const bucket = (le: string) =>
      sampleValue(samples, 'hybrid_request_duration_seconds_bucket', { ...simpleOk, le });
    expect([bucket('1'), bucket('2'), bucket('3'), bucket('+Inf')]).toEqual([0, 1, 2, 2]);
    const timeoutBucket = (le: string) =>
      sampleValue(samples, 'hybrid_request_duration_seconds_bucket', { outcome: 'timeout', le });
    expect([timeoutBucket('15'), timeoutBucket('20')]).toEqual([0, 1]);
  });

  it('splits cost into success and reliability, per mode and served_by, and counts experiment arms', async () => {
    const metrics = createMetrics();
    metrics.requestEnded(
      request({ costUsd: 0.004, reliabilityCostUsd: 0.001, experimentArm: 'b' }),
    );
    metrics.requestEnded(request({ costUsd: 0.006, reliabilityCostUsd: 0, experimentArm: 'b' }));
    metrics.requestEnded(request({ costUsd: 0.001 }));
    const samples = await scrape(metrics);
    const simple = { mode: 'hybrid', served_by: 'simple' };
    expect(
      sampleValue(samples, 'hybrid_cost_usd_total', { ...simple, kind: 'success' }),
    ).toBeCloseTo(0.011);
    expect(
      sampleValue(samples, 'hybrid_cost_usd_total', { ...simple, kind: 'reliability' }),
    ).toBeCloseTo(0.001);
    expect(sampleValue(samples, 'hybrid_experiment_requests_total', { arm: 'b' })).toBe(2);
    expect(sampleValue(samples, 'hybrid_experiment_requests_total')).toBe(2);
  });

  it('adds a request’s cost to the series of the path that served it, and only to that', async () => {
    const metrics = createMetrics();
    metrics.requestEnded(request({ costUsd: 0.002 }));
    metrics.requestEnded(
      request({ servedBy: 'complex', costUsd: 0.02, reliabilityCostUsd: 0.005 }),
    );
    metrics.requestEnded(request({ mode: 'agno-only', servedBy: 'prototype', costUsd: 0.03 }));
    const samples = await scrape(metrics);
    const cost = (labels: Record<string, string>) =>
      sampleValue(samples, 'hybrid_cost_usd_total', labels);
    const complex = { mode: 'hybrid', served_by: 'complex' };
    expect(cost({ ...complex, kind: 'success' })).toBeCloseTo(0.02);
    expect(cost({ ...complex, kind: 'reliability' })).toBeCloseTo(0.005);
    expect(cost({ mode: 'hybrid', served_by: 'simple' })).toBeCloseTo(0.002);
    expect(cost({ served_by: 'full' })).toBe(0);
    expect(cost({ mode: 'agno-only', served_by: 'prototype', kind: 'success' })).toBeCloseTo(0.03);
    expect(cost({ mode: 'hybrid' })).toBeCloseTo(0.027);
    // Cost per request of a path: its cost over its requests, with the same labels.
    const requests = (labels: Record<string, string>) =>
      sampleValue(samples, 'hybrid_requests_total', labels);
    expect(cost(complex) / requests(complex)).toBeCloseTo(0.025);
    for (const sample of samples.filter((s) => s.name === 'hybrid_cost_usd_total')) {
      expect(Object.keys(sample.labels).sort()).toEqual(['kind', 'mode', 'served_by']);
    }
  });

  it('starts the cost of each hybrid path and kind at zero, before any request', async () => {
    const samples = (await scrape(createMetrics())).filter(
      (s) => s.name === 'hybrid_cost_usd_total',
    );
    expect(samples.map((s) => `${s.labels.served_by} ${s.labels.kind} ${s.value}`).sort()).toEqual([
      'complex reliability 0',
      'complex success 0',
      'full reliability 0',
      'full success 0',
      'simple reliability 0',
      'simple success 0',
    ]);
    for (const sample of samples) expect(sample.labels.mode).toBe('hybrid');
  });

  it('observes model calls, tokens and per-model cost, leaving cached calls out', async () => {
    const metrics = createMetrics();
    const telemetry = createTelemetry({ metrics });
    telemetry.modelCallEnded(call({ latencyMs: 300 }));
    telemetry.modelCallEnded(call({ latencyMs: 700, outcome: 'rate_limited', outputTokens: 0 }));
    telemetry.modelCallEnded(call({ latencyMs: 1, cached: true, inputTokens: 999, costUsd: 0 }));
    telemetry.cacheLookup({ hit: true, model: 'gpt-4o-mini' });
    telemetry.cacheLookup({ hit: false, model: 'gpt-4o-mini' });
    telemetry.cacheLookup({ hit: false, model: 'gpt-4o' });
    const samples = await scrape(metrics);

    const model = { provider: 'openai', model: 'gpt-4o-mini' };
    expect(sampleValue(samples, 'hybrid_model_call_duration_seconds_count', model)).toBe(2);
    expect(sampleValue(samples, 'hybrid_model_call_duration_seconds_sum', model)).toBeCloseTo(1);
    expect(
      sampleValue(samples, 'hybrid_model_call_duration_seconds_count', { outcome: 'rate_limited' }),
    ).toBe(1);
    expect(sampleValue(samples, 'hybrid_tokens_total', { direction: 'input' })).toBe(200);
    expect(sampleValue(samples, 'hybrid_tokens_total', { direction: 'output' })).toBe(20);
    expect(sampleValue(samples, 'hybrid_model_cost_usd_total', model)).toBeCloseTo(0.002);
    expect(sampleValue(samples, 'hybrid_cache_lookups_total', { result: 'hit' })).toBe(1);
    expect(sampleValue(samples, 'hybrid_cache_lookups_total', { result: 'miss' })).toBe(2);
  });

  it('counts retries, fallbacks and rejections with their labels', async () => {
    const metrics = createMetrics();
    const telemetry = createTelemetry({ metrics });
    telemetry.retried({ model: 'm', attempt: 1, reason: 'rate_limited', delayMs: 100 });
    telemetry.retried({ model: 'm', attempt: 2, reason: 'rate_limited', delayMs: 200 });
    telemetry.retried({ model: 'm', attempt: 1, reason: 'server_error', delayMs: 100 });
    telemetry.fellBack({ kind: 'model', from: 'a', to: 'b', reason: 'circuit_open' });
    telemetry.fellBack({ kind: 'path', from: 'complex', to: 'simple', reason: 'timeout' });
    telemetry.rejected({ reason: 'rate_limited', scope: 'user' });
    telemetry.rejected({ reason: 'budget_exceeded', scope: 'global' });
    const samples = await scrape(metrics);

    expect(sampleValue(samples, 'hybrid_retries_total', { reason: 'rate_limited' })).toBe(2);
    expect(sampleValue(samples, 'hybrid_retries_total', { model: 'm' })).toBe(3);
    expect(
      sampleValue(samples, 'hybrid_fallbacks_total', {
        kind: 'path',
        from: 'complex',
        to: 'simple',
      }),
    ).toBe(1);
    expect(sampleValue(samples, 'hybrid_fallbacks_total')).toBe(2);
    expect(
      sampleValue(samples, 'hybrid_rejections_total', {
        reason: 'budget_exceeded',
        scope: 'global',
      }),
    ).toBe(1);
  });

  it('tracks breaker state as 0 closed, 1 half-open, 2 open, and counts transitions', async () => {
    const metrics = createMetrics();
    const key = 'openai/gpt-4o';
    metrics.breakerChanged({ key, from: 'closed', to: 'open' });
    expect(sampleValue(await scrape(metrics), 'hybrid_breaker_state', { key })).toBe(2);
    metrics.breakerChanged({ key, from: 'open', to: 'half-open' });
    expect(sampleValue(await scrape(metrics), 'hybrid_breaker_state', { key })).toBe(1);
    metrics.breakerChanged({ key, from: 'half_open', to: 'closed' });
    const samples = await scrape(metrics);
    expect(sampleValue(samples, 'hybrid_breaker_state', { key })).toBe(0);
    expect(sampleValue(samples, 'hybrid_breaker_transitions_total', { key })).toBe(3);
    expect(sampleValue(samples, 'hybrid_breaker_transitions_total', { key, to: 'open' })).toBe(1);
  });

  it('observes how long streamed chunks wait in the server, in buckets around 0.1 ms', async () => {
    const metrics = createMetrics();
    for (const ms of [0.02, 0.04, 0.3, 4]) metrics.chunkRelayed(ms);
    const samples = await scrape(metrics);
    const bucket = (le: string) =>
      sampleValue(samples, 'hybrid_stream_chunk_relay_seconds_bucket', { le });
    expect(bucket('0.0001')).toBe(2);
    expect(bucket('0.0005')).toBe(3);
    expect(bucket('+Inf')).toBe(4);
    expect(sampleValue(samples, 'hybrid_stream_chunk_relay_seconds_sum')).toBeCloseTo(0.00436, 8);
  });

  it('ignores negative and non-finite amounts instead of throwing', async () => {
    const metrics = createMetrics();
    expect(() =>
      metrics.requestEnded(request({ costUsd: -1, reliabilityCostUsd: Number.NaN, latencyMs: -5 })),
    ).not.toThrow();
    const samples = await scrape(metrics);
    expect(sampleValue(samples, 'hybrid_cost_usd_total')).toBe(0);
    expect(sampleValue(samples, 'hybrid_requests_total')).toBe(1);
  });

  it('keeps two instances apart and stays out of the global registry', async () => {
    const first = createMetrics();
    const second = createMetrics();
    first.requestEnded(request());
    first.requestEnded(request());
    second.requestEnded(request());
    expect(sampleValue(await scrape(first), 'hybrid_requests_total')).toBe(2);
    expect(sampleValue(await scrape(second), 'hybrid_requests_total')).toBe(1);
    expect(globalRegistry.getSingleMetric('hybrid_requests_total')).toBeUndefined();
  });

  it('serves the Prometheus text format with its content type', async () => {
    const metrics = createMetrics();
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await metrics.text()).toContain('# TYPE hybrid_request_duration_seconds histogram');
  });

  it('adds process metrics to its own registry when asked', async () => {
    const metrics = createMetrics({ processMetrics: true });
    const samples = await scrape(metrics);
    expect(samples.some((sample) => sample.name === 'process_cpu_user_seconds_total')).toBe(true);
  });
});

describe('breaker states it does not know', () => {
  it('count the transition but leave the gauge alone', async () => {
    const metrics = createMetrics();
    metrics.breakerChanged({ key: 'k', from: 'closed', to: 'open' });
    expect(() =>
      metrics.breakerChanged({ key: 'k', from: 'open', to: 'constructor' }),
    ).not.toThrow();
    const samples = await scrape(metrics);
    expect(sampleValue(samples, 'hybrid_breaker_state', { key: 'k' })).toBe(2);
    expect(sampleValue(samples, 'hybrid_breaker_transitions_total', { key: 'k' })).toBe(2);
  });
});
