import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { MockSetupError } from '../errors.js';
import { track, turnUntil } from '../testing/event-loop.js';
import { type MockedOpenAI, startMockedOpenAI } from '../testing/mocked-openai.js';
import { singleAgentTools } from '../testing/support-tools.js';
import { createOpenAIChatMock, type OpenAIChatMockOptions } from './create-openai-chat-mock.js';

let mocked: MockedOpenAI | undefined;
afterEach(() => {
  mocked?.close();
  mocked = undefined;
});

const hello = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Hello' }] };

function post(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request('http://mock.test/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Runs one request on a ManualClock, advancing it as far as needed; returns the response. */
async function runOnManualClock(options: Omit<OpenAIChatMockOptions, 'clock'>, request: Request) {
  const clock = new ManualClock();
  const pending = createOpenAIChatMock({ ...options, clock })(request);
  await turnUntil(() => clock.pending > 0);
  await clock.advance(600_000);
  return pending;
}

describe('createOpenAIChatMock through the openai SDK', () => {
  it('answers a plain completion whose usage matches the o200k count of its text', async () => {
    mocked = startMockedOpenAI({ seed: 1, latency: 'zero' });
    const completion = await mocked.client.chat.completions.create(hello);
    const text = completion.choices[0]?.message.content ?? '';
    expect(text.length).toBeGreaterThan(0);
    expect(completion.usage?.completion_tokens).toBe(countTokens(text));
    expect(completion.usage?.prompt_tokens).toBe(8); // as recorded for a single "Hello"
    expect(completion.usage?.total_tokens).toBe(8 + countTokens(text));
    expect(completion).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o-mini-2024-07-18',
      service_tier: 'default',
      choices: [
        {
          index: 0,
          finish_reason: 'stop',
          logprobs: null,
          message: { refusal: null, annotations: [] },
        },
      ],
    });
    expect(completion.id).toMatch(/^chatcmpl-[A-Za-z0-9]{29}$/);
    expect(completion.system_fingerprint).toMatch(/^fp_[0-9a-f]{10}$/);
  });

  it('sets x-request-id and openai-processing-ms', async () => {
    mocked = startMockedOpenAI({ seed: 1, latency: 'zero' });
    const { response } = await mocked.client.chat.completions.create(hello).withResponse();
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(response.headers.get('openai-processing-ms')).toBe('0');
  });

  it('stops at max_tokens with finish_reason length', async () => {
    mocked = startMockedOpenAI({ seed: 1, latency: 'zero' });
    const completion = await mocked.client.chat.completions.create({ ...hello, max_tokens: 3 });
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(completion.usage?.completion_tokens).toBeLessThanOrEqual(3);
    expect(countTokens(completion.choices[0]?.message.content ?? '')).toBe(
      completion.usage?.completion_tokens,
    );
  });

  it('rejects a bad body with 400 naming the field', async () => {
    mocked = startMockedOpenAI({ seed: 1, latency: 'zero' });
    const messages = [
      { role: 'user', content: 'a' },
      { role: 'assistant', content: 'b' },
      { role: 'robot', content: 'c' },
    ] as unknown as OpenAI.ChatCompletionMessageParam[];
    const error = await mocked.client.chat.completions
      .create({ model: 'gpt-4o-mini', messages })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      param: 'messages[2].role',
      code: null,
    });
    expect((error as Error).message).toContain("Invalid value: 'robot'");
  });

  it('names a missing field as OpenAI does', async () => {
    const response = await createOpenAIChatMock({ seed: 1, latency: 'zero' })(
      post({
        model: 'gpt-4o',
        messages: [
          { role: 'user', content: 'x' },
          { role: 'tool', content: '{}' },
        ],
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        message: "Missing required parameter: 'messages[1].tool_call_id'.",
        type: 'invalid_request_error',
        param: 'messages[1].tool_call_id',
        code: null,
      },
    });
  });

  it('rejects a body that is not JSON with 400', async () => {
    const response = await createOpenAIChatMock({ seed: 1, latency: 'zero' })(post('{"model": '));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { type: string; param: unknown } };
    expect(body.error).toMatchObject({ type: 'invalid_request_error', param: null });
  });

  it('answers 404 model_not_found for a model outside the latency table', async () => {
    mocked = startMockedOpenAI({ seed: 1, latency: 'zero' });
    const error = await mocked.client.chat.completions
      .create({ ...hello, model: 'gpt-9-ultra' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({
      code: 'model_not_found',
      param: null,
      type: 'invalid_request_error',
    });
    expect((error as Error).message).toContain(
      'The model `gpt-9-ultra` does not exist or you do not have access to it.',
    );
  });

  it('answers in text when tool_choice is none', async () => {
    mocked = startMockedOpenAI({ seed: 1, latency: 'zero' });
    const completion = await mocked.client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Where is my order ORD-10001?' }],
      tools: singleAgentTools,
      tool_choice: 'none',
    });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.choices[0]?.message.tool_calls).toBeUndefined();
  });

  it('answers a failure inside the mock as an OpenAI 500', async () => {
    const broken = {
      get intents(): never {
        throw new Error('policy bug');
      },
      outputTokens: { median: 10, sigma: 0 },
    };
    const response = await createOpenAIChatMock({ seed: 1, latency: 'zero', policy: broken })(
      post(hello),
    );
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { type: 'server_error', code: null } });
  });

  it('refuses a negative timeScale when created', () => {
    expect(() => createOpenAIChatMock({ seed: 1, timeScale: -1 })).toThrow(MockSetupError);
  });

  it('accepts a dated snapshot name as its alias', async () => {
    mocked = startMockedOpenAI({ seed: 1, latency: 'zero' });
    const completion = await mocked.client.chat.completions.create({
      ...hello,
      model: 'gpt-4o-2024-08-06',
    });
    expect(completion.model).toBe('gpt-4o-2024-08-06');
  });
});

describe('determinism', () => {
  const options = { seed: 42, latency: 'realistic' } as const;

  it('gives each request the same body whatever the order of concurrent calls', async () => {
    const handler = createOpenAIChatMock({ seed: 42, latency: 'zero', clock: new ManualClock() });
    const run = async (ids: string[]) => {
      const responses = await Promise.all(
        ids.map((id) => handler(post(hello, { 'x-client-request-id': id }))),
      );
      const bodies = await Promise.all(responses.map((response) => response.text()));
      return Object.fromEntries(ids.map((id, index) => [id, bodies[index]]));
    };
    expect(await run(['r1', 'r2', 'r3'])).toEqual(await run(['r3', 'r1', 'r2']));
  });

  it('returns byte-identical bodies for the same seed and x-client-request-id', async () => {
    const first = await runOnManualClock(options, post(hello, { 'x-client-request-id': 'abc' }));
    const second = await runOnManualClock(options, post(hello, { 'x-client-request-id': 'abc' }));
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('openai-processing-ms')).toBe(
      first.headers.get('openai-processing-ms'),
    );
    expect(second.headers.get('x-request-id')).toBe(first.headers.get('x-request-id'));
  });

  it('samples different delays for a different request id', async () => {
    const delays = new Set<string | null>();
    for (const id of ['a', 'b', 'c']) {
      const response = await runOnManualClock(options, post(hello, { 'x-client-request-id': id }));
      delays.add(response.headers.get('openai-processing-ms'));
    }
    expect(delays.size).toBe(3);
  });

  it('changes the answer with the seed', async () => {
    const bodies = new Set<string>();
    for (const seed of [1, 2, 3]) {
      const response = await runOnManualClock(
        { ...options, seed },
        post(hello, { 'x-client-request-id': 'x' }),
      );
      bodies.add(await response.text());
    }
    expect(bodies.size).toBe(3);
  });
});

describe('latency', () => {
  const request = () => post(hello, { 'x-client-request-id': 'timing' });

  it('does not answer until the clock has advanced by the sampled delay', async () => {
    const reference = await runOnManualClock({ seed: 3 }, request());
    const delayMs = Number(reference.headers.get('openai-processing-ms'));
    expect(delayMs).toBeGreaterThan(200);

    const clock = new ManualClock();
    const call = track(createOpenAIChatMock({ seed: 3, clock })(request()));
    await turnUntil(() => clock.pending > 0);
    await clock.advance(delayMs - 1);
    expect(call.settled).toBe(false);
    await clock.advance(1);
    await turnUntil(() => call.settled);
    expect((await call.promise).headers.get('openai-processing-ms')).toBe(String(delayMs));
  });

  it('scales every delay by timeScale', async () => {
    const full = await runOnManualClock({ seed: 3 }, request());
    const tenth = await runOnManualClock({ seed: 3, timeScale: 0.1 }, request());
    const fullMs = Number(full.headers.get('openai-processing-ms'));
    const tenthMs = Number(tenth.headers.get('openai-processing-ms'));
    // ttft and generation are rounded apart, so the scaled total may be off by one.
    expect(Math.abs(tenthMs - fullMs / 10)).toBeLessThanOrEqual(1);
  });
});
