import { describe, expect, it } from 'vitest';
import { createSupportDemo } from '../agents/support/support-demo.js';
import { ManualClock } from '../clock.js';
import type { ModelRequest } from '../providers/provider.js';
import { createScriptedProvider, type ScriptedStep } from '../providers/scripted.js';
import { createBridge } from './create-bridge.js';

/** A tiny stand-in model: calls the first offered tool it can, then answers. */
function script(request: ModelRequest): ScriptedStep {
  const last = request.messages.at(-1);
  const tools = request.tools?.map((t) => t.name) ?? [];
  const usage = { inputTokens: 1_000, outputTokens: 100 };
  if (
    last?.role === 'user' &&
    tools.includes('transfer_to_technical_support') &&
    /router/i.test(last.content)
  ) {
    return {
      toolCalls: [
        {
          name: 'transfer_to_technical_support',
          arguments: { reason: 'device', summary: 'router' },
        },
      ],
      usage,
    };
  }
  if (last?.role === 'user' && tools.includes('lookup_order') && /ORD-\d{5}/.test(last.content)) {
    const orderId = /ORD-\d{5}/.exec(last.content)?.[0];
    return { toolCalls: [{ name: 'lookup_order', arguments: { order_id: orderId } }], usage };
  }
  if (last?.role === 'user' && tools.includes('create_escalation_ticket')) {
    return {
      toolCalls: [
        { name: 'create_escalation_ticket', arguments: { priority: 'high', summary: 'x' } },
      ],
      usage,
    };
  }
  return { text: 'Done.', usage, latencyMs: 10, ttftMs: 4 };
}

const ask = (content: string) => ({ messages: [{ role: 'user' as const, content }] });

describe('createBridge', () => {
  const { prototype, team } = createSupportDemo();

  it('routes hybrid requests to the simple path on the cheap model, without tools', async () => {
    const provider = createScriptedProvider({ script });
    const bridge = createBridge({ prototype, team, provider });
    const result = await bridge.run(ask('Do you ship to Canada?'), {
      mode: 'hybrid',
      requestId: 'r1',
    });
    expect(result).toMatchObject({
      state: 'ok',
      servedBy: 'simple',
      route: { reason: 'default' },
      text: 'Done.',
    });
    expect(provider.calls[0]?.model).toBe('gpt-4o-mini');
    expect(provider.calls[0]?.tools).toBeUndefined();
    expect(result.costUsd).toBeCloseTo((1000 * 0.15 + 100 * 0.6) / 1e6, 12);
  });

  it('runs the prototype tool loop on the complex path', async () => {
    const provider = createScriptedProvider({ script });
    const bridge = createBridge({ prototype, team, provider });
    const result = await bridge.run(ask('Where is ORD-10001?'), {
      mode: 'hybrid',
      requestId: 'r2',
    });
    expect(result).toMatchObject({
      servedBy: 'complex',
      agents: ['support-agent'],
      escalated: false,
    });
    expect(result.toolRuns.map((t) => t.name)).toEqual(['lookup_order']);
    expect(result.calls.map((c) => c.model)).toEqual(['gpt-4o', 'gpt-4o']);
    expect(result.costUsd).toBeCloseTo((2 * (1000 * 2.5 + 100 * 10)) / 1e6, 12);
    expect(result.inputTokens).toBe(2000);
  });

  it('runs the team on the full path and marks escalations', async () => {
    const provider = createScriptedProvider({ script });
    const bridge = createBridge({ prototype, team, provider });
    const result = await bridge.run(ask('My router is broken and this is unacceptable'), {
      mode: 'hybrid',
      requestId: 'r3',
    });
    expect(result.servedBy).toBe('full');
    expect(result.agents).toEqual(['customer-service', 'technical-support']);
    expect(result.handoffs).toHaveLength(1);
  });

  it('runs agno-only as the prototype alone: its own model, every tool, no routing', async () => {
    const provider = createScriptedProvider({ script });
    const bridge = createBridge({ prototype, team, provider });
    const result = await bridge.run(ask('Do you ship to Canada? I am furious'), {
      mode: 'agno-only',
      requestId: 'r4',
    });
    expect(result.route).toBeUndefined();
    expect(result.servedBy).toBe('prototype');
    expect(provider.calls.every((c) => c.model === 'gpt-4o')).toBe(true);
    expect(provider.calls[0]?.tools).toHaveLength(8);
    expect(result.escalated).toBe(true);
  });

  it('measures latency and time to first token on the injected clock', async () => {
    const clock = new ManualClock();
    const provider = createScriptedProvider({ script, clock });
    const bridge = createBridge({ prototype, team, provider, clock });
    const running = bridge.run(ask('Do you ship to Canada?'), { mode: 'hybrid', requestId: 'r5' });
    await clock.whenSleeping();
    await clock.advance(10);
    const result = await running;
    expect(result.latencyMs).toBe(10);
    expect(result.ttftMs).toBe(4);
    expect(result.calls[0]?.offsetMs).toBe(0);
  });

  it('refuses at start-up to run a model it cannot price', () => {
    const provider = createScriptedProvider({ script });
    expect(() =>
      createBridge({
        prototype,
        team,
        provider,
        config: { paths: { simple: { model: 'mystery-1' } } },
      }),
    ).toThrow(/No price for model "mystery-1"/);
    expect(() =>
      createBridge({
        prototype,
        team,
        provider,
        config: {
          paths: { simple: { model: 'mystery-1' } },
          prices: { 'mystery-1': { inputUsdPerMTok: 1, outputUsdPerMTok: 1 } },
        },
      }),
    ).not.toThrow();
  });
});
