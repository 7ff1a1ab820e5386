import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { AttemptCounter } from '../random/attempt-counter.js';
import type { FaultProfile, FaultRule } from './fault-profile.js';
import { getFaultProfile } from './fault-profiles.js';
import { FaultProfileError } from './load-fault-profile.js';
import { withFaults } from './with-faults.js';

interface CallOptions {
  path?: string;
  model?: string;
  id?: string;
  stream?: boolean;
  benchPath?: string;
  benchAgent?: string;
  benchScenario?: string;
}

function call(options: CallOptions = {}): Request {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.id) headers['x-client-request-id'] = options.id;
  if (options.benchPath) headers['x-bench-path'] = options.benchPath;
  if (options.benchAgent) headers['x-bench-agent'] = options.benchAgent;
  if (options.benchScenario) headers['x-bench-scenario'] = options.benchScenario;
  return new Request(`http://mock.test/v1${options.path ?? '/chat/completions'}`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      model: options.model ?? 'gpt-4o-mini',
      stream: options.stream ?? false,
      messages: [{ role: 'user', content: `Hello ${options.id ?? ''}` }],
    }),
  });
}

const healthy = async (request: Request) => Response.json({ echoed: await request.json() });
const profileOf = (...rules: FaultRule[]): FaultProfile => ({ name: 't', description: '', rules });

/** Statuses of `count` calls with distinct request ids. */
async function statuses(handler: (r: Request) => Promise<Response>, count: number, prefix = 'r') {
  const out: number[] = [];
  for (let i = 0; i < count; i += 1)
    out.push((await handler(call({ id: `${prefix}${i}` }))).status);
  return out;
}

describe('withFaults', () => {
  it('leaves the handler itself in place when nothing can fail', () => {
    expect(withFaults(healthy, { profile: getFaultProfile('none'), seed: 1 })).toBe(healthy);
  });

  it('checks a profile built in code as strictly as a file', () => {
    const bad = profileOf({ fault: 'rate_limit', probability: 2 });
    expect(() => withFaults(healthy, { profile: bad, seed: 1 })).toThrow(FaultProfileError);
  });

  it('hands the wrapped handler the body it was sent', async () => {
    const elsewhere: FaultRule = { fault: 'reset', probability: 1, match: { models: ['other'] } };
    const handler = withFaults(healthy, { profile: profileOf(elsewhere), seed: 1 });
    const body = (await (await handler(call({ model: 'gpt-4o' }))).json()) as {
      echoed: { model: string };
    };
    expect(body.echoed.model).toBe('gpt-4o');
  });

  it('decides the same faults for the same seed, and others for another seed', async () => {
    const profile = getFaultProfile('flaky-5xx');
    const first = await statuses(withFaults(healthy, { profile, seed: 11 }), 300);
    const again = await statuses(withFaults(healthy, { profile, seed: 11 }), 300);
    const other = await statuses(withFaults(healthy, { profile, seed: 12 }), 300);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('fails about `probability` of the calls', async () => {
    const handler = withFaults(healthy, {
      profile: profileOf({ fault: 'server_error', probability: 0.2 }),
      seed: 3,
    });
    const all = await statuses(handler, 4000);
    const rate = all.filter((status) => status === 500).length / all.length;
    // Binomial sd at n = 4000 is 0.0063: four of them either side.
    expect(rate).toBeGreaterThan(0.175);
    expect(rate).toBeLessThan(0.225);
  });

  it('draws anew for each attempt of the same call, so a retry can succeed', async () => {
    const profile = profileOf({ fault: 'rate_limit', probability: 0.5 });
    const attempts = async () => {
      const handler = withFaults(healthy, { profile, seed: 2 });
      const out: number[] = [];
      for (let i = 0; i < 12; i += 1) out.push((await handler(call({ id: 'same-call' }))).status);
      return out;
    };
    const sequence = await attempts();
    expect(new Set(sequence)).toEqual(new Set([200, 429]));
    expect(await attempts()).toEqual(sequence);
  });

  it('keys calls without a request id by their body', async () => {
    const handler = withFaults(healthy, {
      profile: profileOf({ fault: 'reset', probability: 0.5 }),
      seed: 4,
    });
    const types = [];
    for (let i = 0; i < 12; i += 1) types.push((await handler(call())).type);
    expect(new Set(types)).toEqual(new Set(['default', 'error']));
  });

  it('applies a rule only to the models, bench paths and providers it names', async () => {
    const handler = withFaults(healthy, {
      seed: 1,
      profile: profileOf(
        { fault: 'server_error', probability: 1, match: { models: ['gpt-4o'], paths: ['full'] } },
        { fault: 'overloaded', probability: 1, match: { providers: ['anthropic'] } },
      ),
    });
    expect((await handler(call({ model: 'gpt-4o', benchPath: 'full' }))).status).toBe(500);
    expect((await handler(call({ model: 'gpt-4o', benchPath: 'simple' }))).status).toBe(200);
    expect((await handler(call({ model: 'gpt-4o-mini', benchPath: 'full' }))).status).toBe(200);
    expect((await handler(call({ path: '/messages', model: 'claude-haiku-4-5' }))).status).toBe(
      529,
    );
  });

  it('reads the agent and the scenario of a call from its x-bench-agent and x-bench-scenario headers', async () => {
    const handler = withFaults(healthy, {
      seed: 1,
      profile: profileOf({
        fault: 'server_error',
        probability: 1,
        match: { scenarios: ['tech-agent-failure'], agents: ['technical-support'] },
      }),
    });
    const scenario = 'tech-agent-failure';
    const status = async (options: CallOptions) => (await handler(call(options))).status;
    expect(await status({ benchScenario: scenario, benchAgent: 'technical-support' })).toBe(500);
    expect(await status({ benchScenario: scenario, benchAgent: 'escalation' })).toBe(200);
    expect(await status({ benchScenario: scenario, benchAgent: 'support-agent' })).toBe(200);
    expect(
      await status({ benchScenario: 'tech-router-firmware', benchAgent: 'technical-support' }),
    ).toBe(200);
    expect(await status({ benchAgent: 'technical-support' })).toBe(200);
  });

  it('never gives a non-streamed call a stream fault, nor lets it take the draw', async () => {
    const handler = withFaults(healthy, {
      seed: 1,
      profile: profileOf(
        { fault: 'stream_cut', probability: 1 },
        { fault: 'server_error', probability: 1 },
      ),
    });
    expect((await handler(call({ stream: false }))).status).toBe(500);
  });

  it('flaps on the injected clock: up for upMs, down for downMs, from creation', async () => {
    const clock = new ManualClock(5_000);
    const rule: FaultRule = {
      fault: 'flapping',
      probability: 1,
      params: { upMs: 1_000, downMs: 500 },
    };
    const handler = withFaults(healthy, { profile: profileOf(rule), seed: 1, clock });
    const at = async (ms: number) => {
      await clock.advance(ms - (clock.now() - 5_000));
      return (await handler(call({ id: `t${ms}` }))).status;
    };
    expect([
      await at(0),
      await at(999),
      await at(1_000),
      await at(1_499),
      await at(1_500),
      await at(2_600),
    ]).toEqual([200, 200, 503, 503, 200, 503]);
  });
});

describe('AttemptCounter', () => {
  it('counts attempts per key and forgets the least recently seen past its bound', () => {
    const counter = new AttemptCounter(2);
    expect([counter.next('a'), counter.next('a'), counter.next('b')]).toEqual([0, 1, 0]);
    counter.next('a'); // 'b' is now the least recently seen
    counter.next('c');
    expect(counter.size).toBe(2);
    expect(counter.next('a')).toBe(3);
    expect(counter.next('b')).toBe(0);
  });
});
