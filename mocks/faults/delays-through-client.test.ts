import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import type { ModelRequest } from '../../src/providers/provider.js';
import { nextTurn, track, turnUntil } from '../testing/event-loop.js';
import type { FaultRule } from './fault-profile.js';
import { type ServedThrough, serveThrough, TRANSPORTS } from './testing/serve-through.js';

/*
 * Faults that delay rather than fail, on a ManualClock shared by the faults and the client (so
 * the client's latency figures are in fault time), through both transports.
 */

const streamed: ModelRequest = {
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Hello' }],
  stream: true,
};
const always = (rule: Omit<FaultRule, 'probability'>) => [{ ...rule, probability: 1 } as FaultRule];

let served: ServedThrough | undefined;
beforeEach(() => {
  vi.stubEnv('OPENAI_LOG', 'off');
});
afterEach(async () => {
  await served?.close();
  served = undefined;
  vi.unstubAllEnvs();
});

describe.each(TRANSPORTS)('through %s', (transport) => {
  async function serve(rules: FaultRule[]) {
    const clock = new ManualClock();
    served = await serveThrough(transport, rules, { faultClock: clock, providerClock: clock });
    return { clock, provider: served.provider };
  }

  it('stall_before_first_byte answers once the stall is over', async () => {
    const { clock, provider } = await serve(
      always({ fault: 'stall_before_first_byte', params: { stallMs: 5_000 } }),
    );
    const pending = track(provider.complete({ ...streamed, stream: false }));
    await clock.whenSleeping(1);
    await clock.advance(4_999);
    expect(pending.settled).toBe(false);
    await clock.advance(1);
    const outcome = await pending.promise;
    expect(outcome.state === 'ok' && outcome.response.latencyMs).toBe(5_000);
  });

  it('stall_mid_stream holds the stream after some events, then finishes it', async () => {
    const rules = always({
      fault: 'stall_mid_stream',
      params: { afterEvents: 3, stallMs: 60_000 },
    });
    const { clock, provider } = await serve(rules);
    const pending = track(provider.complete(streamed));
    await clock.whenSleeping(1);
    await clock.advance(59_999);
    expect(pending.settled).toBe(false);
    await clock.advance(1);
    const outcome = await pending.promise;
    // (What arrives before the stall is checked on the handler, in reshape-event-stream.test.ts:
    // here the client may read those events only after the clock has moved.)
    expect(outcome.state === 'ok' && outcome.response.latencyMs).toBe(60_000);
  });

  it('stall_mid_stream cut by a deadline reads as timeout, and the stall stops', async () => {
    const { clock, provider } = await serve(always({ fault: 'stall_mid_stream' }));
    const outcome = await provider.complete(streamed, { signal: AbortSignal.timeout(50) });
    // The SDK ends a stream quietly when its signal aborts; the provider tells it from a bad stream.
    expect(outcome.state === 'error' && outcome.error.code).toBe('timeout');
    await turnUntil(() => clock.pending === 0);
  });

  it('slow_drip delays every event by chunkDelayMs', async () => {
    const { clock, provider } = await serve(
      always({ fault: 'slow_drip', params: { chunkDelayMs: 100 } }),
    );
    const pending = track(provider.complete(streamed));
    while (!pending.settled) {
      await nextTurn();
      if (clock.pending > 0) await clock.advance(100);
    }
    const outcome = await pending.promise;
    expect(outcome.state).toBe('ok');
    if (outcome.state !== 'ok') return;
    // Events: role delta, one per token, finish reason, usage, [DONE]; the first token is second
    // (the client may read it a little later than it was released, never sooner).
    const events = outcome.response.usage.outputTokens + 4;
    expect(outcome.response.latencyMs).toBe(events * 100);
    expect(outcome.response.ttftMs).toBeGreaterThanOrEqual(200);
  });

  it('flapping: up, then down with 503s, then up again, on the clock', async () => {
    const { clock, provider } = await serve(
      always({ fault: 'flapping', params: { upMs: 1_000, downMs: 500 } }),
    );
    const request = { ...streamed, stream: false };
    expect((await provider.complete(request)).state).toBe('ok');
    await clock.advance(1_000);
    const down = await provider.complete(request);
    expect(down.state === 'error' && down.error).toMatchObject({
      code: 'server_error',
      status: 503,
    });
    await clock.advance(500);
    expect((await provider.complete(request)).state).toBe('ok');
  });
});
