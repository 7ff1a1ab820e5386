import { describe, expect, it } from 'vitest';
import { createSupportDemo } from '../agents/support/support-demo.js';
import { ManualClock } from '../clock.js';
import type { ModelRequest } from '../providers/provider.js';
import { createScriptedProvider, type ScriptedStep } from '../providers/scripted.js';
import { createMemoryStore } from '../state/memory-store.js';
import { createBridge } from './create-bridge.js';

const ask = (content: string, userId?: string) => ({
  messages: [{ role: 'user' as const, content }],
  ...(userId ? { userId } : {}),
});
const answer: ScriptedStep = {
  text: 'Done.',
  usage: { inputTokens: 1_000, outputTokens: 100 },
  latencyMs: 50,
};
const down = (code: 'server_error' = 'server_error'): ScriptedStep => ({
  error: { code, status: 500 },
  latencyMs: 20,
});

function setup(
  script: (request: ModelRequest) => ScriptedStep,
  config: Parameters<typeof createBridge>[0]['config'] = {},
) {
  const clock = new ManualClock();
  const { prototype, team } = createSupportDemo();
  const provider = createScriptedProvider({ clock, script });
  const store = createMemoryStore({ now: () => clock.wallNow() });
  const bridge = createBridge({
    prototype,
    team,
    provider,
    clock,
    store,
    config,
    random: () => 0.5,
  });
  const run = (request: ReturnType<typeof ask>, id = 'r1', signal?: AbortSignal) =>
    clock.run(
      bridge.run(request, { mode: 'hybrid', requestId: id, ...(signal ? { signal } : {}) }),
    );
  return { clock, provider, bridge, run };
}

describe('hybrid serving', () => {
  it('degrades full → complex → simple when the stronger models are down, and accounts for it', async () => {
    const { run, provider } = setup(
      (r) => (r.model === 'gpt-4o-mini' && !r.tools ? answer : down()),
      { resilience: { fallbacks: { models: {} } } },
    );
    const result = await run(ask('My router DEV-2001 keeps dropping Wi-Fi'));
    expect(result).toMatchObject({
      state: 'ok',
      servedBy: 'simple',
      degradedFrom: ['full', 'complex'],
      text: 'Done.',
    });
    expect(result.route?.path).toBe('full');
    // full: customer service fails (3 attempts), the escalation agent takes over and fails (3);
    // complex fails (3); simple answers on the first attempt.
    expect(result.reliability).toMatchObject({
      attempts: 10,
      rescued: true,
      retries: 6,
      fallbacks: 0,
      failedAttempts: 9,
      extraCalls: 9,
    });
    expect(result.reliability.extraLatencyMs).toBeGreaterThan(0);
    expect(provider.calls.at(-1)?.model).toBe('gpt-4o-mini');
  });

  it('answers with the canned reply when every path fails, flagged as degraded', async () => {
    const { run } = setup(() => down());
    const result = await run(ask('Do you ship to Canada?'));
    expect(result).toMatchObject({ state: 'ok', servedBy: 'canned', degradedFrom: ['simple'] });
    expect(result.text).toMatch(/a member of our team will follow up/);
    expect(result.reliability.rescued).toBe(false);
  });

  it('falls back to the fallback model before degrading a path', async () => {
    const { run } = setup((r) => (r.model === 'gpt-4o-mini' ? down() : answer));
    const result = await run(ask('Do you ship to Canada?'));
    expect(result).toMatchObject({ state: 'ok', servedBy: 'simple', degradedFrom: [] });
    expect(result.attempts.map((a) => `${a.model}:${a.kind}:${a.state}`)).toEqual([
      'gpt-4o-mini:first:error',
      'gpt-4o-mini:retry:error',
      'gpt-4o-mini:retry:error',
      'gpt-4.1-mini:fallback:ok',
    ]);
    expect(result.reliability.successCostUsd).toBeCloseTo((1_000 * 0.4 + 100 * 1.6) / 1e6, 12);
  });

  it('stops at the path’s deadline and gives the canned reply instead of waiting', async () => {
    const { run, clock } = setup(() => ({ ...answer, latencyMs: 600_000 }), {
      resilience: { timeouts: { simple: { deadlineMs: 5_000, attemptTimeoutMs: 60_000 } } },
    });
    const result = await run(ask('Do you ship to Canada?'));
    expect(result.servedBy).toBe('canned');
    expect(clock.now()).toBe(5_000);
    expect(result.latencyMs).toBe(5_000);
  });

  it('does not degrade when the caller gives up', async () => {
    const { run, clock } = setup(() => ({ ...answer, latencyMs: 10_000 }));
    const controller = new AbortController();
    void clock.sleep(1_000).then(() => controller.abort());
    const result = await run(ask('Do you ship to Canada?'), 'r1', controller.signal);
    expect(result).toMatchObject({
      state: 'error',
      servedBy: 'simple',
      error: { code: 'aborted' },
    });
  });

  it('caps a request’s cost, stops its tool loop and degrades', async () => {
    const expensive: ScriptedStep = {
      toolCalls: [{ name: 'lookup_order', arguments: { order_id: 'ORD-10001' } }],
      usage: { inputTokens: 10_000, outputTokens: 10 },
    };
    const { run } = setup((r) => (r.tools ? expensive : answer), {
      resilience: { budgets: { perRequestUsd: { complex: 0.03 } } },
    });
    const result = await run(ask('Where is ORD-10001?'));
    expect(result.route?.path).toBe('complex');
    expect(result.servedBy).toBe('canned');
    expect(result.degradedFrom).toEqual(['complex', 'simple']);
    expect(result.costUsd).toBeLessThan(0.03 + 0.026);
  });

  it('refuses requests over the per-user rate limit, with when to come back', async () => {
    const { run } = setup(() => answer, {
      resilience: { rateLimits: { perUser: { capacity: 2, refillPerSecond: 0.5 } } },
    });
    await run(ask('Do you ship to Canada?', 'u1'), 'a');
    await run(ask('Do you ship to Canada?', 'u1'), 'b');
    const third = await run(ask('Do you ship to Canada?', 'u1'), 'c');
    expect(third).toMatchObject({
      state: 'error',
      rejected: { reason: 'rate_limited', scope: 'user' },
    });
    expect(third.rejected?.retryAfterMs).toBeGreaterThan(0);
    expect((await run(ask('Do you ship to Canada?', 'u2'), 'd')).state).toBe('ok');
  });

  it('refuses a user whose daily budget is spent', async () => {
    const { run } = setup(() => answer, {
      resilience: { budgets: { perUserDailyUsd: 0.0002 } },
      paths: { simple: { model: 'gpt-4o' } },
    });
    expect((await run(ask('Do you ship to Canada?', 'spender'), 'a')).state).toBe('ok');
    expect(await run(ask('Do you ship to Canada?', 'spender'), 'b')).toMatchObject({
      rejected: { reason: 'budget_exceeded', scope: 'user-daily' },
    });
  });
});
