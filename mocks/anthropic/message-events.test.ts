import type { RawMessageStreamEvent, Tool } from '@anthropic-ai/sdk/resources/messages';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { afterEach, describe, expect, it } from 'vitest';
import { type Clock, ManualClock } from '../../src/clock.js';
import type { LatencyProfile } from '../latency/latency-profile.js';
import { MIN_SLEEP_MS } from '../openai/completion-stream.js';
import { nextTurn, turnUntil } from '../testing/event-loop.js';
import { lookupOrder } from '../testing/support-tools.js';
import { createAnthropicMessagesMock } from './create-anthropic-messages-mock.js';
import { type MockedAnthropic, startMockedAnthropic } from './mocked-anthropic.js';

let mocked: MockedAnthropic | undefined;
afterEach(() => {
  mocked?.close();
  mocked = undefined;
});

const hello = {
  model: 'claude-haiku-4-5',
  max_tokens: 1024,
  messages: [{ role: 'user' as const, content: 'Can you tell me about your opening hours?' }],
};
const tools: Tool[] = [
  {
    name: lookupOrder.function.name,
    description: lookupOrder.function.description ?? '',
    input_schema: lookupOrder.function.parameters as Tool.InputSchema,
  },
];
const orderQuestion = {
  ...hello,
  tools,
  messages: [{ role: 'user' as const, content: 'Where is my order ORD-10001?' }],
};

function post(body: unknown, init: RequestInit = {}): Request {
  return new Request('http://mock.test/v1/messages', {
    method: 'POST',
    headers: { 'x-client-request-id': 'stream-1' },
    body: JSON.stringify(body),
    ...init,
  });
}

/** The raw body split into its events: name from `event:`, parsed `data:`. */
async function readEvents(response: Response) {
  const raw = await response.text();
  expect(raw.endsWith('\n\n')).toBe(true);
  return raw
    .split('\n\n')
    .filter((block) => block !== '')
    .map((block) => {
      const [eventLine, dataLine, ...rest] = block.split('\n');
      expect(rest).toEqual([]);
      expect(eventLine).toMatch(/^event: \w+$/);
      expect(dataLine).toMatch(/^data: /);
      const data = JSON.parse(dataLine?.slice('data: '.length) ?? '') as RawMessageStreamEvent;
      return { name: eventLine?.slice('event: '.length), data };
    });
}

const handler = () => createAnthropicMessagesMock({ seed: 9, latency: 'zero' });

describe('the SSE wire format', () => {
  it('sends the recorded event order, and usage that matches the streamed text', async () => {
    const response = await handler()(post({ ...hello, stream: true }));
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = await readEvents(response);
    const names = events.map((event) => event.name);
    const deltas = names.filter((name) => name === 'content_block_delta').length;
    expect(names).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      ...Array<string>(deltas).fill('content_block_delta'),
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(events.every((event) => event.data.type === event.name)).toBe(true);

    const json = (await (await handler()(post(hello))).json()) as {
      content: { text: string }[];
      usage: { input_tokens: number; output_tokens: number };
    };
    const text = events
      .map(({ data }) =>
        data.type === 'content_block_delta' && data.delta.type === 'text_delta'
          ? data.delta.text
          : '',
      )
      .join('');
    expect(text).toBe(json.content[0]?.text);
    // One delta per token, so the final count is the number of deltas.
    expect(deltas).toBe(countTokens(text));
    const [start] = events;
    expect(start?.data).toMatchObject({
      message: {
        content: [],
        stop_reason: null,
        usage: { input_tokens: json.usage.input_tokens, output_tokens: 1 },
      },
    });
    expect(events.at(-2)?.data).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: {
        input_tokens: json.usage.input_tokens,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        output_tokens: json.usage.output_tokens,
      },
    });
  });

  it('streams tool input as an empty then growing input_json_delta', async () => {
    const events = await readEvents(await handler()(post({ ...orderQuestion, stream: true })));
    expect(events[1]?.data).toEqual({
      type: 'content_block_start',
      index: 0,
      content_block: {
        type: 'tool_use',
        id: expect.stringMatching(/^toolu_01/),
        name: 'lookup_order',
        input: {},
        caller: { type: 'direct' },
      },
    });
    const fragments = events.flatMap(({ data }) =>
      data.type === 'content_block_delta' && data.delta.type === 'input_json_delta'
        ? [data.delta.partial_json]
        : [],
    );
    expect(fragments[0]).toBe('');
    expect(fragments.length).toBeGreaterThan(2);
    expect(JSON.parse(fragments.join(''))).toEqual({ order_id: 'ORD-10001' });
    expect(events.at(-2)?.data).toMatchObject({ delta: { stop_reason: 'tool_use' } });
  });
});

describe('streaming through the Anthropic SDK', () => {
  it('accumulates to the same message as JSON mode', async () => {
    mocked = startMockedAnthropic({ seed: 9, latency: 'zero' });
    const headers = { headers: { 'x-client-request-id': 'same' } };
    for (const body of [hello, orderQuestion]) {
      const json = await mocked.client.messages.create(body, headers);
      const streamed = await mocked.client.messages.stream(body, headers).finalMessage();
      expect(streamed).toMatchObject({
        id: json.id,
        content: json.content,
        stop_reason: json.stop_reason,
        usage: { input_tokens: json.usage.input_tokens, output_tokens: json.usage.output_tokens },
      });
    }
  });

  it('lets the client leave mid-stream without errors', async () => {
    const clock = new ManualClock();
    mocked = startMockedAnthropic({ seed: 9, clock });
    let driving = true;
    const driver = (async () => {
      while (driving) {
        await clock.advance(5);
        await nextTurn(); // advance() alone may never leave the microtask queue
      }
    })();
    const stream = await mocked.client.messages.create({ ...hello, stream: true });
    let received = 0;
    for await (const event of stream) {
      if (event.type === 'content_block_delta') received += 1;
      if (received === 2) break; // the SDK aborts the request when a loop breaks
    }
    driving = false;
    await driver;
    await turnUntil(() => clock.pending === 0);
    expect(received).toBe(2);
  });
});

/** A clock that never really waits: it records each sleep and moves its own time on. */
function recordingClock(): Clock & { sleeps: number[] } {
  let nowMs = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => nowMs,
    wallNow: () => Date.UTC(2026, 0, 1) + nowMs,
    sleep(ms) {
      sleeps.push(ms);
      nowMs += ms;
      return Promise.resolve();
    },
  };
}

describe('pacing', () => {
  const fast: LatencyProfile = {
    ttftMedianMs: 200,
    ttftP90Ms: 200,
    ttftFloorMs: 0,
    tokensPerSecondMedian: 1000,
    tokensPerSecondP10: 1000,
    promptMsPer1kTokens: 0,
    tailProbability: 0,
    tailMultiplier: 1,
  };
  const longAnswers = { intents: [], outputTokens: { median: 500, sigma: 0 } };
  const options = { seed: 4, latency: { fast }, policy: longAnswers };
  const body = {
    model: 'fast',
    max_tokens: 4096,
    messages: [{ role: 'user', content: 'Tell me everything.' }],
  };

  it('takes as long as JSON mode: ttft first, then small gaps paid in batches', async () => {
    const jsonClock = recordingClock();
    await createAnthropicMessagesMock({ ...options, clock: jsonClock })(post(body));
    const streamClock = recordingClock();
    const response = await createAnthropicMessagesMock({ ...options, clock: streamClock })(
      post({ ...body, stream: true }),
    );
    expect(response.headers.get('x-envoy-upstream-service-time')).toBe('200');
    await response.text();
    const [ttftMs, ...gaps] = streamClock.sleeps;
    expect(ttftMs).toBe(200);
    const totalMs = streamClock.sleeps.reduce((sum, ms) => sum + ms, 0);
    expect(totalMs).toBeCloseTo(jsonClock.sleeps[0] ?? 0, 6);
    // About 500 tokens at 1 ms each: ~50 sleeps of >= 10 ms, not 500 of 1 ms.
    expect(gaps.length).toBeLessThan(60);
    expect(gaps.slice(0, -1).every((ms) => ms >= MIN_SLEEP_MS - 1e-9)).toBe(true);
  });

  it('stops and closes when the request signal aborts mid-stream', async () => {
    const clock = new ManualClock();
    const abort = new AbortController();
    const response = createAnthropicMessagesMock({ ...options, clock })(
      post({ ...body, stream: true }, { signal: abort.signal }),
    );
    await turnUntil(() => clock.pending > 0);
    await clock.advance(200);
    const reader = (await response).body?.getReader();
    // Read until the stream owes enough time to sleep, then leave.
    for (;;) {
      await nextTurn();
      if (clock.pending > 0) break;
      expect((await reader?.read())?.done).toBe(false);
    }
    abort.abort();
    let done = false;
    let after = '';
    while (!done) {
      const chunk = await reader?.read();
      done = chunk?.done ?? true;
      if (chunk?.value) after += new TextDecoder().decode(chunk.value);
    }
    expect(after).not.toContain('message_stop');
    expect(clock.pending).toBe(0);
  });
});
