import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import type { ModelRequest } from '../../src/providers/provider.js';
import { turnUntil } from '../testing/event-loop.js';
import type { FaultRule } from './fault-profile.js';
import { type ServedThrough, serveThrough, TRANSPORTS } from './testing/serve-through.js';

/*
 * What the project's own client (createOpenAICompatibleProvider, on the openai SDK) sees for
 * each fault, through msw in-process and through the loopback server: both must agree.
 */

const hello: ModelRequest = {
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Hello' }],
};
const streamed: ModelRequest = { ...hello, stream: true };
const always = (rule: Omit<FaultRule, 'probability'>) => [{ ...rule, probability: 1 } as FaultRule];

let served: ServedThrough | undefined;
beforeEach(() => {
  // The SDK logs unparseable stream events before it throws; the throw is what is tested.
  vi.stubEnv('OPENAI_LOG', 'off');
});
afterEach(async () => {
  await served?.close();
  served = undefined;
  vi.unstubAllEnvs();
});

describe.each(TRANSPORTS)('through %s, the client sees', (transport) => {
  async function failureOf(rules: FaultRule[], request = hello, signal?: AbortSignal) {
    served = await serveThrough(transport, rules);
    const outcome = await served.provider.complete(request, signal ? { signal } : {});
    if (outcome.state !== 'error') throw new Error(`expected a failure, got ${outcome.state}`);
    return outcome.error;
  }

  it('rate_limit as rate_limited with the retry hint in milliseconds', async () => {
    const error = await failureOf(always({ fault: 'rate_limit', params: { retryAfterMs: 1500 } }));
    expect(error).toMatchObject({
      code: 'rate_limited',
      status: 429,
      retryAfterMs: 1500,
      providerCode: 'rate_limit_exceeded',
      isNetwork: false,
    });
    expect(error.message).toMatch(/^Rate limit reached for gpt-4o-mini .* try again in 1\.5s\./);
  });

  it('server_error as a 500 server_error', async () => {
    const error = await failureOf(always({ fault: 'server_error' }));
    expect(error).toMatchObject({
      code: 'server_error',
      status: 500,
      providerCode: 'server_error',
    });
  });

  it('unavailable as a 503 server_error', async () => {
    const error = await failureOf(always({ fault: 'unavailable' }));
    expect(error).toMatchObject({ code: 'server_error', status: 503 });
  });

  it('overloaded, OpenAI-style, as a 503 server_error (OpenAI has no 529)', async () => {
    const error = await failureOf(always({ fault: 'overloaded' }));
    expect(error).toMatchObject({ code: 'server_error', status: 503 });
    expect(error.message).toBe('The engine is currently overloaded, please try again later.');
  });

  it('context_length as context_length_exceeded, with the window in the message', async () => {
    const error = await failureOf(
      always({ fault: 'context_length', params: { maxContextTokens: 128_000 } }),
    );
    expect(error).toMatchObject({ code: 'context_length_exceeded', status: 400 });
    expect(error.message).toMatch(
      /^This model's maximum context length is 128000 tokens\. However, your messages resulted in 1\d{5} tokens\./,
    );
  });

  it('reset as a network failure', async () => {
    const error = await failureOf(always({ fault: 'reset' }));
    expect(error).toMatchObject({ code: 'network', isNetwork: true, isAbort: false });
    expect(error.status).toBeUndefined();
  });

  it('wrong_content_type 502 (a proxy page) as a 502 server_error', async () => {
    const error = await failureOf(always({ fault: 'wrong_content_type', params: { status: 502 } }));
    expect(error).toMatchObject({ code: 'server_error', status: 502 });
  });

  it('wrong_content_type 200 (an HTML page) as invalid_response: the SDK hands back the text', async () => {
    const error = await failureOf(always({ fault: 'wrong_content_type' }));
    expect(error).toMatchObject({ code: 'invalid_response', isNetwork: false });
  });

  it('wrong_content_type 200 on a stream as invalid_response (no events at all)', async () => {
    const error = await failureOf(always({ fault: 'wrong_content_type' }), streamed);
    expect(error.code).toBe('invalid_response');
  });

  it('malformed_json as invalid_response, streamed or not', async () => {
    expect((await failureOf(always({ fault: 'malformed_json' }))).code).toBe('invalid_response');
    await served?.close();
    const error = await failureOf(always({ fault: 'malformed_json' }), streamed);
    expect(error.code).toBe('invalid_response');
  });

  it('stream_cut as invalid_response (the stream ends before its finish_reason)', async () => {
    const error = await failureOf(
      always({ fault: 'stream_cut', params: { afterEvents: 2 } }),
      streamed,
    );
    expect(error).toMatchObject({ code: 'invalid_response', isNetwork: false });
  });

  it('stall_before_first_byte as timeout when a 50 ms deadline passes, and the stall stops', async () => {
    const faultClock = new ManualClock();
    served = await serveThrough(transport, always({ fault: 'stall_before_first_byte' }), {
      faultClock,
    });
    const outcome = await served.provider.complete(hello, { signal: AbortSignal.timeout(50) });
    expect(outcome.state === 'error' && outcome.error).toMatchObject({ code: 'timeout' });
    // The client left, so the fault's two-minute sleep is abandoned, not left pending.
    await turnUntil(() => faultClock.pending === 0);
  });
});
