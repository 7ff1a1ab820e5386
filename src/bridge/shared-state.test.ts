import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createSupportDemo } from '../agents/support/support-demo.js';
import type { ModelRequest } from '../providers/provider.js';
import { createScriptedProvider, type ScriptedStep } from '../providers/scripted.js';
import { createRedisStore } from '../state/redis-store.js';
import type { StateStore } from '../state/state-store.js';
import { createBridge } from './create-bridge.js';

// Two replicas of the bridge on the real Redis (127.0.0.1:6379 here and in CI). Fails without it.
const REDIS_URL = process.env.HB_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const stores: StateStore[] = [];
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
});

/** Two bridges, each with its own connection, on one fresh key space. */
async function replicas(
  scripts: Array<(request: ModelRequest) => ScriptedStep>,
  config: Parameters<typeof createBridge>[0]['config'],
) {
  const keyPrefix = `hb-test:${randomUUID()}:`;
  return Promise.all(
    scripts.map(async (script) => {
      const store = await createRedisStore({ url: REDIS_URL, keyPrefix });
      stores.push(store);
      const provider = createScriptedProvider({ script });
      const { prototype, team } = createSupportDemo();
      return {
        provider,
        bridge: createBridge({ prototype, team, provider, store, config, random: () => 0 }),
      };
    }),
  );
}

const ask = {
  messages: [{ role: 'user' as const, content: 'Do you ship to Canada?' }],
  userId: 'u1',
};
const ok: ScriptedStep = { text: 'Yes.', usage: { inputTokens: 10, outputTokens: 2 } };

describe('bridge replicas sharing one Redis', () => {
  it('share the global rate limit', async () => {
    const config = {
      resilience: { rateLimits: { global: { capacity: 2, refillPerSecond: 0.001 } } },
    };
    const [a, b] = await replicas([() => ok, () => ok], config);
    expect((await a?.bridge.run(ask, { mode: 'hybrid', requestId: 'a1' }))?.state).toBe('ok');
    expect((await b?.bridge.run(ask, { mode: 'hybrid', requestId: 'b1' }))?.state).toBe('ok');
    expect(await a?.bridge.run(ask, { mode: 'hybrid', requestId: 'a2' })).toMatchObject({
      rejected: { reason: 'rate_limited', scope: 'global' },
    });
  });

  it('share breaker state: a breaker one replica opened stops the other from calling the model', async () => {
    const config = {
      resilience: {
        breaker: { minRequests: 3, failureRate: 0.5, openMs: 60_000 },
        retry: { baseDelayMs: 1 },
      },
    };
    const failing: ScriptedStep = { error: { code: 'server_error', status: 500 } };
    const [a, b] = await replicas(
      [(r) => (r.model === 'gpt-4o-mini' ? failing : ok), () => ok],
      config,
    );
    const first = await a?.bridge.run(ask, { mode: 'hybrid', requestId: 'a1' });
    expect(first?.attempts.map((x) => `${x.model}:${x.kind}:${x.code ?? 'ok'}`)).toEqual([
      'gpt-4o-mini:first:server_error',
      'gpt-4o-mini:retry:server_error',
      'gpt-4o-mini:retry:server_error',
      'gpt-4.1-mini:fallback:ok',
    ]);
    const second = await b?.bridge.run(
      { ...ask, messages: [{ role: 'user', content: 'Do you ship to the UK?' }] },
      { mode: 'hybrid', requestId: 'b1' },
    );
    expect(second?.state).toBe('ok');
    expect(b?.provider.calls.map((c) => c.model)).toEqual(['gpt-4.1-mini']);
  });
});
