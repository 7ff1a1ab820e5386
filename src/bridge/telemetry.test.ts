import { describe, expect, it } from 'vitest';
import { createSupportDemo } from '../agents/support/support-demo.js';
import type { ModelRequest } from '../providers/provider.js';
import { createScriptedProvider, type ScriptedStep } from '../providers/scripted.js';
import { createTelemetry } from '../telemetry/create-telemetry.js';
import { createHealth } from '../telemetry/health.js';
import { parseExposition, sampleValue } from '../telemetry/parse-exposition.js';
import { createMetrics } from '../telemetry/prometheus-metrics.js';
import { createTracing } from '../telemetry/tracing.js';
import { createBridge } from './create-bridge.js';

describe('a bridge reporting to telemetry', () => {
  it('counts requests, retries and model calls, and traces request → path → model and tool calls', async () => {
    const metrics = createMetrics();
    const tracing = createTracing({ serviceName: 'bridge-test', inMemory: true });
    let failedOnce = false;
    const script = (request: ModelRequest): ScriptedStep => {
      if (!failedOnce) {
        failedOnce = true;
        return { error: { code: 'server_error', status: 500 } };
      }
      return request.messages.at(-1)?.role === 'tool'
        ? { text: 'It is on its way.' }
        : { toolCalls: [{ name: 'lookup_order', arguments: { order_id: 'ORD-10001' } }] };
    };
    const { prototype, team } = createSupportDemo();
    const bridge = createBridge({
      prototype,
      team,
      provider: createScriptedProvider({ script }),
      telemetry: createTelemetry({ metrics, tracing }),
      config: { resilience: { retry: { baseDelayMs: 1 } } },
    });
    const result = await bridge.run(
      { messages: [{ role: 'user', content: 'Where is ORD-10001?' }] },
      { mode: 'hybrid', requestId: 'r1' },
    );
    expect(result).toMatchObject({ state: 'ok', servedBy: 'complex' });

    const samples = parseExposition(await metrics.text());
    expect(
      sampleValue(samples, 'hybrid_requests_total', {
        mode: 'hybrid',
        served_by: 'complex',
        outcome: 'ok',
      }),
    ).toBe(1);
    expect(
      sampleValue(samples, 'hybrid_retries_total', { model: 'gpt-4o', reason: 'server_error' }),
    ).toBe(1);
    expect(
      sampleValue(samples, 'hybrid_model_call_duration_seconds_count', {
        provider: 'scripted',
        model: 'gpt-4o',
        outcome: 'ok',
      }),
    ).toBe(2);

    const spans = tracing.finishedSpans();
    const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    const parentName = (name: string) => {
      const span = spans.find((s) => s.name === name);
      const parentId = span?.parentSpanContext?.spanId;
      return parentId ? byId.get(parentId)?.name : undefined;
    };
    expect(parentName('path')).toBe('request');
    expect(parentName('model_call')).toBe('path');
    expect(parentName('tool_call')).toBe('path');
    await tracing.shutdown();
  });

  it('makes readiness degraded while a breaker is open', async () => {
    const health = createHealth();
    const { prototype, team } = createSupportDemo();
    const bridge = createBridge({
      prototype,
      team,
      provider: createScriptedProvider({
        script: () => ({ error: { code: 'server_error', status: 500 } }),
      }),
      telemetry: createTelemetry({ health }),
      config: {
        resilience: {
          breaker: { minRequests: 2 },
          retry: { baseDelayMs: 1 },
          fallbacks: { models: {} },
        },
      },
    });
    await bridge.run(
      { messages: [{ role: 'user', content: 'Do you ship to Canada?' }] },
      { mode: 'hybrid', requestId: 'r1' },
    );
    expect(await health.ready()).toMatchObject({
      status: 'degraded',
      openBreakers: ['scripted:gpt-4o-mini'],
    });
  });
});
