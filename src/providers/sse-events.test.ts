import { describe, expect, it } from 'vitest';
import { type SseEvent, sseEventBatches } from './sse-events.js';

async function* bytes(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

async function collect(body: AsyncIterable<Uint8Array>): Promise<SseEvent[][]> {
  const batches: SseEvent[][] = [];
  for await (const batch of sseEventBatches(body)) batches.push(batch);
  return batches;
}

describe('sseEventBatches', () => {
  it('yields every event a chunk completes, in one batch', async () => {
    const batches = await collect(bytes('data: {"a":1}\n\ndata: {"a":2}\n\ndata: [DONE]\n\n'));
    expect(batches).toEqual([[{ data: '{"a":1}' }, { data: '{"a":2}' }, { data: '[DONE]' }]]);
  });

  it('joins events split anywhere across chunks, multi-byte characters included', async () => {
    const text = 'event: message\ndata: {"t":"café ☕"}\n\ndata: line one\ndata: line two\n\n';
    const encoded = new TextEncoder().encode(text);
    async function* oneByteAtATime() {
      for (const byte of encoded) yield Uint8Array.of(byte);
    }
    const events = (await collect(oneByteAtATime())).flat();
    expect(events).toEqual([
      { event: 'message', data: '{"t":"café ☕"}' },
      { data: 'line one\nline two' },
    ]);
  });

  it('drops one byte-order mark at the start of the stream, even split byte by byte, and no other', async () => {
    const encoded = new TextEncoder().encode('\uFEFFdata: a\n\ndata: \uFEFFb\n\n');
    async function* oneByteAtATime() {
      for (const byte of encoded) yield Uint8Array.of(byte);
    }
    expect((await collect(oneByteAtATime())).flat()).toEqual([{ data: 'a' }, { data: '\uFEFFb' }]);
    // Without the mark the first field name is read as it is.
    expect((await collect(bytes('data: a\n\n'))).flat()).toEqual([{ data: 'a' }]);
  });

  it('takes CRLF and CR line ends, split between chunks too, and skips comments and other fields', async () => {
    const events = (
      await collect(bytes(': keep-alive\r\nid: 7\r\nretry: 10\r\ndata: x\r', '\n\r\ndata: y\r\r'))
    ).flat();
    expect(events).toEqual([{ data: 'x' }, { data: 'y' }]);
  });

  it('yields a last event the stream ended without a blank line after', async () => {
    expect((await collect(bytes('data: a\n\ndata: b'))).flat()).toEqual([
      { data: 'a' },
      { data: 'b' },
    ]);
    expect(await collect(bytes(''))).toEqual([]);
  });
});
