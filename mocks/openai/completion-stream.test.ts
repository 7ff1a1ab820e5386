import type OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { type Clock, ManualClock } from '../../src/clock.js';
import type { LatencyProfile } from '../latency/latency-profile.js';
import { nextTurn, turnUntil } from '../testing/event-loop.js';
import { type MockedOpenAI, startMockedOpenAI } from '../testing/mocked-openai.js';
import { singleAgentTools } from '../testing/support-tools.js';
import { MIN_SLEEP_MS } from './completion-stream.js';
import { createOpenAIChatMock } from './create-openai-chat-mock.js';

let mocked: MockedOpenAI | undefined;
afterEach(() => {
  mocked?.close();
  mocked = undefined;
});

const question = {
  model: 'gpt-4o-mini',
  messages: [{ role: 'user' as const, content: 'Can you tell me about your opening hours?' }],
};
const sameId = { headers: { 'x-client-request-id': 'stream-1' } };

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

function post(body: unknown, init: RequestInit = {}): Request {
  return new Request('http://mock.test/v1/chat/completions', {
    method: 'POST',
    headers: { 'x-client-request-id': 'raw-1' },
    body: JSON.stringify(body),
    ...init,
  });
}

describe('streaming through the openai SDK', () => {
  it('streams the same text as JSON mode and ends with a usage chunk', async () => {
    mocked = startMockedOpenAI({ seed: 9, latency: 'zero' });
    const json = await mocked.client.chat.completions.create(question, sameId);
    const stream = await mocked.client.chat.completions.create(
      { ...question, stream: true, stream_options: { include_usage: true } },
      sameId,
    );
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);

    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe(json.choices[0]?.message.content);
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '', refusal: null });
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toEqual(json.usage);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
    // One content chunk per token, like the recordings.
    expect(chunks.length).toBe((json.usage?.completion_tokens ?? 0) + 3);
  });

  it('streams tool calls: id and name first, then argument fragments', async () => {
    mocked = startMockedOpenAI({ seed: 9, latency: 'zero' });
    const stream = await mocked.client.chat.completions.create({
      model: 'gpt-4.1',
      stream: true,
      tools: singleAgentTools,
      messages: [{ role: 'user', content: 'I want my money back for ORD-12345, it is broken' }],
    });
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);

    const first = chunks[0]?.choices[0]?.delta;
    expect(first).toMatchObject({ role: 'assistant', content: null, refusal: null });
    expect(first?.tool_calls?.[0]).toMatchObject({
      index: 0,
      type: 'function',
      function: { name: 'lookup_order', arguments: '' },
    });
    expect(first?.tool_calls?.[0]?.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
    const argumentsByIndex = new Map<number, string>();
    for (const chunk of chunks) {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) {
        argumentsByIndex.set(
          call.index,
          (argumentsByIndex.get(call.index) ?? '') + (call.function?.arguments ?? ''),
        );
      }
    }
    expect(argumentsByIndex.size).toBe(3);
    expect(JSON.parse(argumentsByIndex.get(0) ?? '')).toEqual({ order_id: 'ORD-12345' });
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('lets the client abort mid-stream without errors', async () => {
    const clock = new ManualClock();
    mocked = startMockedOpenAI({ seed: 9, clock });
    // Drive the clock in the background, as real time would pass.
    let driving = true;
    const driver = (async () => {
      while (driving) {
        await clock.advance(5);
        await nextTurn(); // advance() alone may never leave the microtask queue
      }
    })();
    const stream = await mocked.client.chat.completions.create({ ...question, stream: true });
    let received = 0;
    for await (const chunk of stream) {
      received += chunk.choices[0]?.delta.content ? 1 : 0;
      if (received === 2) break; // the SDK aborts the request when a loop breaks
    }
    driving = false;
    await driver;
    await turnUntil(() => clock.pending === 0);
    expect(received).toBe(2);
  });
});

describe('the SSE wire format', () => {
  it('writes data: events separated by blank lines and ends with [DONE]', async () => {
    const clock = new ManualClock();
    const response = await createOpenAIChatMock({ seed: 9, latency: 'zero', clock })(
      post({ ...question, stream: true }),
    );
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const raw = await response.text();
    const events = raw.split('\n\n').filter((event) => event !== '');
    expect(raw.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(events.every((event) => event.startsWith('data: '))).toBe(true);
    // Without include_usage there is no usage key at all.
    expect(raw).not.toContain('"usage"');
    expect(events[0]).toContain(
      '"object":"chat.completion.chunk","created":1767225600,"model":"gpt-4o-mini-2024-07-18","service_tier":"default"',
    );
  });

  it('sends the events due at the same moment as one chunk', async () => {
    const clock = new ManualClock();
    const response = await createOpenAIChatMock({ seed: 9, latency: 'zero', clock })(
      post({ ...question, stream: true }),
    );
    const reader = response.body?.getReader();
    const chunks: string[] = [];
    const decoder = new TextDecoder();
    for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
      chunks.push(decoder.decode(read.value));
    }
    // Nothing is owed at zero latency: the whole answer, [DONE] included, is due at once.
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.split('\n\n').filter((event) => event !== '').length).toBeGreaterThan(5);
    expect(chunks[0]?.endsWith('data: [DONE]\n\n')).toBe(true);
  });
});

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
  const body = { model: 'fast', messages: [{ role: 'user', content: 'Tell me everything.' }] };

  it('takes as long as JSON mode, paying small gaps in batches', async () => {
    const jsonClock = recordingClock();
    await createOpenAIChatMock({ ...options, clock: jsonClock })(post(body));
    const streamClock = recordingClock();
    const response = await createOpenAIChatMock({ ...options, clock: streamClock })(
      post({ ...body, stream: true }),
    );
    await response.text();
    const [ttftMs, ...gaps] = streamClock.sleeps;
    expect(ttftMs).toBe(200);
    const totalMs = streamClock.sleeps.reduce((sum, ms) => sum + ms, 0);
    expect(totalMs).toBeCloseTo(jsonClock.sleeps[0] ?? 0, 6);
    // About 500 tokens at 1 ms each: ~50 sleeps of >= 10 ms, not 500 of 1 ms.
    expect(gaps.length).toBeLessThan(60);
    expect(gaps.slice(0, -1).every((ms) => ms >= MIN_SLEEP_MS - 1e-9)).toBe(true);
  });

  it('sends what each sleep releases as one chunk', async () => {
    const clock = new ManualClock();
    const response = createOpenAIChatMock({ ...options, clock })(post({ ...body, stream: true }));
    await turnUntil(() => clock.pending > 0);
    await clock.advance(200);
    const reader = (await response).body?.getReader();
    const decoder = new TextDecoder();
    const sizes: number[] = [];
    for (;;) {
      const read = reader?.read();
      // Each read waits for a sleep to end: advancing the clock releases the next batch.
      while (clock.pending > 0) await clock.advance(MIN_SLEEP_MS);
      const { done, value } = (await read) ?? { done: true };
      if (done) break;
      sizes.push(decoder.decode(value).split('\n\n').length - 1);
      await nextTurn();
    }
    // About 500 events at 1 ms each, in batches of about ten: not one chunk per token.
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(500);
    expect(sizes.length).toBeLessThan(70);
    expect(Math.max(...sizes)).toBeLessThan(40);
  });

  it('stops and closes when the request signal aborts', async () => {
    const clock = new ManualClock();
    const abort = new AbortController();
    const response = createOpenAIChatMock({ ...options, clock })(
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
    while (!done) done = (await reader?.read())?.done ?? true;
    expect(clock.pending).toBe(0);
  });
});
