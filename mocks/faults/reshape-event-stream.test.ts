import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { turnUntil } from '../testing/event-loop.js';
import { reshapeEventStream, type StreamShape } from './reshape-event-stream.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A source that sends `text` in chunks of `size` bytes (so events straddle chunks), and says when cancelled. */
function source(text: string, size = 7) {
  const bytes = encoder.encode(text);
  const state = { cancelled: false };
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

const openai = [
  'data: {"choices":[{"delta":{"role":"assistant"},"finish_reason":null}]}\n\n',
  'data: {"choices":[{"delta":{"content":"Hi"},"finish_reason":null}]}\n\n',
  'data: {"choices":[{"delta":{},"finish_reason":"stop"}]}\n\n',
  'data: [DONE]\n\n',
];
const anthropic = [
  'event: message_start\ndata: {"type":"message_start"}\n\n',
  'event: content_block_delta\ndata: {"type":"content_block_delta"}\n\n',
  'event: message_delta\ndata: {"type":"message_delta"}\n\n',
  'event: message_stop\ndata: {"type":"message_stop"}\n\n',
];
const agno = [
  'event: RunStarted\ndata: {"event":"RunStarted"}\n\n',
  'event: RunContent\ndata: {"event":"RunContent"}\n\n',
  'event: RunContentCompleted\ndata: {"event":"RunContentCompleted"}\n\n',
  'event: RunCompleted\ndata: {"event":"RunCompleted"}\n\n',
];

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += decoder.decode(chunk);
  return text;
}

function reshape(
  events: string[],
  shape: StreamShape,
  clock = new ManualClock(),
  signal = new AbortController().signal,
) {
  const { stream, state } = source(events.join(''));
  return { body: reshapeEventStream(stream, shape, clock, signal), state, clock };
}

describe('reshapeEventStream', () => {
  it.each([
    ['OpenAI', openai],
    ['Anthropic', anthropic],
    ['Agno', agno],
  ])(
    'cuts a %s stream before its closing events, however late afterEvents is',
    async (_name, events) => {
      const { body, state } = reshape(events, { kind: 'cut', afterEvents: 99 });
      expect(await readAll(body)).toBe(events.slice(0, 2).join(''));
      expect(state.cancelled).toBe(true);
    },
  );

  it('cuts after afterEvents whole events, even when events straddle chunks', async () => {
    const { body } = reshape(openai, { kind: 'cut', afterEvents: 1 });
    expect(await readAll(body)).toBe(openai[0]);
  });

  it('sends the events before a stall at once, then holds the rest until the stall ends', async () => {
    const { body, clock } = reshape(openai, { kind: 'stall', afterEvents: 1, stallMs: 1_000 });
    const reader = body.getReader();
    expect(decoder.decode((await reader.read()).value)).toBe(openai[0]);
    const next = reader.read();
    await clock.whenSleeping(1);
    await clock.advance(1_000);
    expect(decoder.decode((await next).value)).toBe(openai[1]);
  });

  it('cuts one event short and ends there', async () => {
    const { body } = reshape(openai, { kind: 'corrupt', afterEvents: 1 });
    const text = await readAll(body);
    expect(text.startsWith(openai[0] ?? '')).toBe(true);
    const broken = text.slice((openai[0] ?? '').length);
    expect(broken).toMatch(/^data: \{"choices":.+\n\n$/);
    expect(() => JSON.parse(broken.slice(6))).toThrow(SyntaxError);
  });

  it('stops waiting and stops the source when the client leaves mid-stall', async () => {
    const leave = new AbortController();
    const { body, state, clock } = reshape(
      openai,
      { kind: 'stall', afterEvents: 1, stallMs: 60_000 },
      new ManualClock(),
      leave.signal,
    );
    const reader = body.getReader();
    await reader.read();
    const next = reader.read();
    await clock.whenSleeping(1);
    leave.abort();
    expect((await next).done).toBe(true);
    await turnUntil(() => clock.pending === 0 && state.cancelled);
  });

  it('drips: one wait before every event', async () => {
    const clock = new ManualClock();
    const { body } = reshape(anthropic, { kind: 'drip', chunkDelayMs: 50 }, clock);
    const text = readAll(body);
    for (let i = 0; i < anthropic.length; i += 1) {
      await clock.whenSleeping(1);
      await clock.advance(50);
    }
    expect(await text).toBe(anthropic.join(''));
    expect(clock.now()).toBe(200);
  });
});
