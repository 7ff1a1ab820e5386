import Anthropic from '@anthropic-ai/sdk';
import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { MockSetupError } from '../errors.js';
import { track, turnUntil } from '../testing/event-loop.js';
import { singleAgentTools } from '../testing/support-tools.js';
import {
  type AnthropicMessagesMockOptions,
  createAnthropicMessagesMock,
} from './create-anthropic-messages-mock.js';
import { type MockedAnthropic, startMockedAnthropic } from './mocked-anthropic.js';

let mocked: MockedAnthropic | undefined;
afterEach(() => {
  mocked?.close();
  mocked = undefined;
});

/** The support tools in Anthropic's shape. */
const tools: Tool[] = singleAgentTools.map(({ function: f }) => ({
  name: f.name,
  description: f.description ?? '',
  input_schema: f.parameters as Tool.InputSchema,
}));
const hello = {
  model: 'claude-haiku-4-5',
  max_tokens: 1024,
  messages: [{ role: 'user' as const, content: 'Hello' }],
};

function post(body: unknown, headers: Record<string, string> = {}, path = '/v1/messages') {
  return new Request(`http://mock.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Runs one request on a ManualClock, advancing it as far as needed; returns the response. */
async function runOnManualClock(
  options: Omit<AnthropicMessagesMockOptions, 'clock'>,
  request: Request,
) {
  const clock = new ManualClock();
  const pending = createAnthropicMessagesMock({ ...options, clock })(request);
  await turnUntil(() => clock.pending > 0);
  await clock.advance(600_000);
  return pending;
}

describe('createAnthropicMessagesMock through the Anthropic SDK', () => {
  it('answers a message whose usage matches the o200k count of its text', async () => {
    mocked = startMockedAnthropic({ seed: 1, latency: 'zero' });
    const { data: message, response } = await mocked.client.messages.create(hello).withResponse();
    const text = message.content[0]?.type === 'text' ? message.content[0].text : '';
    expect(text.length).toBeGreaterThan(0);
    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-haiku-4-5',
      content: [{ type: 'text' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      // 3 framing + "user" + "Hello" + 3 reply priming, as the OpenAI mock counts.
      usage: {
        input_tokens: 8,
        output_tokens: countTokens(text),
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      },
    });
    expect(message.id).toMatch(/^msg_01[1-9A-HJ-NP-Za-km-z]{22}$/);
    expect(response.headers.get('request-id')).toMatch(/^req_01[1-9A-HJ-NP-Za-km-z]{22}$/);
    expect(response.headers.get('x-envoy-upstream-service-time')).toBe('0');
  });

  it('counts the system prompt and tools as input', async () => {
    mocked = startMockedAnthropic({ seed: 1, latency: 'zero' });
    const bare = await mocked.client.messages.create(hello);
    const framed = await mocked.client.messages.create({ ...hello, system: 'Be brief.', tools });
    const systemTokens = 3 + countTokens('system') + countTokens('Be brief.');
    expect(framed.usage.input_tokens).toBe(
      bare.usage.input_tokens + systemTokens + countTokens(JSON.stringify(tools)),
    );
  });

  it('stops at max_tokens with stop_reason max_tokens', async () => {
    mocked = startMockedAnthropic({ seed: 1, latency: 'zero' });
    const message = await mocked.client.messages.create({ ...hello, max_tokens: 3 });
    const text = message.content[0]?.type === 'text' ? message.content[0].text : '';
    expect(message.stop_reason).toBe('max_tokens');
    expect(message.usage.output_tokens).toBeLessThanOrEqual(3);
    expect(countTokens(text)).toBe(message.usage.output_tokens);
  });

  it('uses a tool, then acts on its result (tool_use and tool_result round trip)', async () => {
    mocked = startMockedAnthropic({ seed: 1, latency: 'zero' });
    const question = { role: 'user' as const, content: 'Where is my order ORD-10001?' };
    const first = await mocked.client.messages.create({ ...hello, tools, messages: [question] });
    expect(first.stop_reason).toBe('tool_use');
    expect(first.content).toEqual([
      {
        type: 'tool_use',
        id: expect.stringMatching(/^toolu_01[1-9A-HJ-NP-Za-km-z]{22}$/),
        name: 'lookup_order',
        input: { order_id: 'ORD-10001' },
        caller: { type: 'direct' },
      },
    ]);
    const use = first.content[0];
    if (use?.type !== 'tool_use') throw new Error('expected a tool_use block');
    const second = await mocked.client.messages.create({
      ...hello,
      tools,
      messages: [
        question,
        { role: 'assistant', content: first.content },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: use.id,
              content:
                '{"order_id":"ORD-10001","status":"shipped","tracking_number":"TRK12345678"}',
            },
          ],
        },
      ],
    });
    // The policy then tracks the shipment it learned about, and answers after that.
    expect(second.content).toMatchObject([
      { type: 'tool_use', name: 'track_shipment', input: { tracking_number: 'TRK12345678' } },
    ]);
  });

  it('answers in text when tool_choice is none', async () => {
    mocked = startMockedAnthropic({ seed: 1, latency: 'zero' });
    const message = await mocked.client.messages.create({
      ...hello,
      tools,
      tool_choice: { type: 'none' },
      messages: [{ role: 'user', content: 'Where is my order ORD-10001?' }],
    });
    expect(message.stop_reason).toBe('end_turn');
    expect(message.content.map((block) => block.type)).toEqual(['text']);
  });

  it('makes one call at a time when parallel tool use is disabled', async () => {
    mocked = startMockedAnthropic({ seed: 1, latency: 'zero' });
    const content = 'I want my money back for ORD-12345, it is broken';
    const request = { ...hello, tools, messages: [{ role: 'user' as const, content }] };
    const parallel = await mocked.client.messages.create(request);
    const single = await mocked.client.messages.create({
      ...request,
      tool_choice: { type: 'auto', disable_parallel_tool_use: true },
    });
    expect(parallel.content.length).toBeGreaterThan(1);
    expect(single.content).toHaveLength(1);
  });

  it('answers 404 not_found_error for a model outside the latency table', async () => {
    mocked = startMockedAnthropic({ seed: 1, latency: 'zero' });
    const error = await mocked.client.messages
      .create({ ...hello, model: 'gpt-4o-mini' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.NotFoundError);
    expect((error as InstanceType<typeof Anthropic.APIError>).error).toEqual({
      type: 'error',
      error: { type: 'not_found_error', message: 'model: gpt-4o-mini' },
      request_id: expect.stringMatching(/^req_01/),
    });
  });

  it('accepts a dated snapshot name and echoes it', async () => {
    mocked = startMockedAnthropic({ seed: 1, latency: 'zero' });
    const message = await mocked.client.messages.create({
      ...hello,
      model: 'claude-haiku-4-5-20251001',
    });
    expect(message.model).toBe('claude-haiku-4-5-20251001');
  });
});

describe('setup', () => {
  it('refuses a negative timeScale when created', () => {
    expect(() => createAnthropicMessagesMock({ seed: 1, timeScale: -1 })).toThrow(MockSetupError);
  });
});

describe('determinism', () => {
  const options = { seed: 42, latency: 'realistic' } as const;

  it('returns byte-identical bodies for the same seed and x-client-request-id', async () => {
    const first = await runOnManualClock(options, post(hello, { 'x-client-request-id': 'abc' }));
    const second = await runOnManualClock(options, post(hello, { 'x-client-request-id': 'abc' }));
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('request-id')).toBe(first.headers.get('request-id'));
    expect(second.headers.get('x-envoy-upstream-service-time')).toBe(
      first.headers.get('x-envoy-upstream-service-time'),
    );
  });

  it('gives each request the same body whatever the order of concurrent calls', async () => {
    const handler = createAnthropicMessagesMock({
      seed: 42,
      latency: 'zero',
      clock: new ManualClock(),
    });
    const run = async (ids: string[]) => {
      const responses = await Promise.all(
        ids.map((id) => handler(post(hello, { 'x-client-request-id': id }))),
      );
      const bodies = await Promise.all(responses.map((response) => response.text()));
      return Object.fromEntries(ids.map((id, index) => [id, bodies[index]]));
    };
    expect(await run(['r1', 'r2', 'r3'])).toEqual(await run(['r3', 'r1', 'r2']));
  });

  it('keys requests without an id by their content', async () => {
    const same = await runOnManualClock(options, post(hello));
    const again = await runOnManualClock(options, post(hello));
    const other = await runOnManualClock(options, post({ ...hello, system: 'You are terse.' }));
    const sameBody = await same.text();
    expect(await again.text()).toBe(sameBody);
    expect(await other.text()).not.toBe(sameBody);
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

  it('knows the two Claude models and their calibrated delays', async () => {
    const haiku = await runOnManualClock({ seed: 3 }, request());
    const sonnet = await runOnManualClock(
      { seed: 3 },
      post({ ...hello, model: 'claude-sonnet-4-5' }, { 'x-client-request-id': 'timing' }),
    );
    expect(Number(haiku.headers.get('x-envoy-upstream-service-time'))).toBeGreaterThanOrEqual(250);
    expect(Number(sonnet.headers.get('x-envoy-upstream-service-time'))).toBeGreaterThanOrEqual(430);
  });

  it('does not answer until the clock has advanced by the sampled delay', async () => {
    const reference = await runOnManualClock({ seed: 3 }, request());
    const delayMs = Number(reference.headers.get('x-envoy-upstream-service-time'));
    expect(delayMs).toBeGreaterThan(250);

    const clock = new ManualClock();
    const call = track(createAnthropicMessagesMock({ seed: 3, clock })(request()));
    await turnUntil(() => clock.pending > 0);
    await clock.advance(delayMs - 1);
    expect(call.settled).toBe(false);
    await clock.advance(1);
    await turnUntil(() => call.settled);
    expect((await call.promise).headers.get('x-envoy-upstream-service-time')).toBe(String(delayMs));
  });

  it('scales every delay by timeScale', async () => {
    const full = await runOnManualClock({ seed: 3 }, request());
    const tenth = await runOnManualClock({ seed: 3, timeScale: 0.1 }, request());
    const fullMs = Number(full.headers.get('x-envoy-upstream-service-time'));
    const tenthMs = Number(tenth.headers.get('x-envoy-upstream-service-time'));
    // ttft and generation are rounded apart, so the scaled total may be off by one.
    expect(Math.abs(tenthMs - fullMs / 10)).toBeLessThanOrEqual(1);
  });
});
