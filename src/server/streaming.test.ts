import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createSupportDemo } from '../agents/support/support-demo.js';
import { createBridge } from '../bridge/create-bridge.js';
import type { CallOptions, ModelOutcome, ModelRequest, Provider } from '../providers/provider.js';
import { parseApiKeys } from './api-keys.js';
import { type BridgeServer, createBridgeServer } from './create-bridge-server.js';

const KEY = 'sk-hb-stream-0123456789abcdef';
let served: BridgeServer | undefined;

afterEach(async () => {
  await served?.close(1_000);
  served = undefined;
});

const ok = (request: ModelRequest, text: string): ModelOutcome => ({
  state: 'ok',
  response: {
    text,
    toolCalls: [],
    usage: { inputTokens: 50, outputTokens: 5 },
    usageEstimated: false,
    latencyMs: 1,
    model: request.model,
    finishReason: 'stop',
  },
});

/** A backend that answers through `attempt(n, request, options)`, n counting from 0. */
function providerOf(
  attempt: (n: number, request: ModelRequest, options: CallOptions) => Promise<ModelOutcome>,
): Provider {
  let n = 0;
  return { id: 'test', complete: (request, options = {}) => attempt(n++, request, options) };
}

async function serve(provider: Provider, onChunkRelayed?: (latencyMs: number) => void) {
  const { prototype, team } = createSupportDemo();
  served = createBridgeServer({
    ...(onChunkRelayed ? { onChunkRelayed } : {}),
    bridge: createBridge({
      prototype,
      team,
      provider,
      config: { resilience: { retry: { baseDelayMs: 1, maxDelayMs: 1 } } },
    }),
    apiKeys: parseApiKeys(`ci:${KEY} role=admin`, 'test keys'),
  });
  await new Promise<void>((resolve) => served?.server.listen(0, '127.0.0.1', resolve));
  const { port } = served.server.address() as AddressInfo;
  return new OpenAI({ apiKey: KEY, baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0 });
}

const ask = (client: OpenAI) =>
  client.chat.completions.create({
    model: 'hybrid-bench-simple',
    messages: [{ role: 'user', content: 'How long does standard shipping take?' }],
    stream: true,
  });

describe('streaming the answer as the backend produces it', () => {
  it('times each write of streamed text, from its first text to the write', async () => {
    const relays: number[] = [];
    const client = await serve(
      providerOf(async (_n, request, options) => {
        // Two backend chunks: the first with two deltas (one write), then a later one.
        options.onText?.('Standard shipping ');
        options.onText?.('takes ');
        await new Promise((resolve) => setTimeout(resolve, 20));
        options.onText?.('3-5 business days.');
        return ok(request, 'Standard shipping takes 3-5 business days.');
      }),
      (latencyMs) => relays.push(latencyMs),
    );
    let text = '';
    for await (const chunk of await ask(client)) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Standard shipping takes 3-5 business days.');
    // One figure per write of text; the finishing write (no backend text in it) has none.
    expect(relays).toHaveLength(2);
    // Each covers the turn a chunk waits, not the 20 ms between the backend's chunks.
    for (const ms of relays) expect(ms).toBeGreaterThanOrEqual(0);
    for (const ms of relays) expect(ms).toBeLessThan(15);
  });

  it('sends the first words before the backend has finished', async () => {
    let clientSawFirstWords!: () => void;
    const seen = new Promise<void>((resolve) => {
      clientSawFirstWords = resolve;
    });
    // The backend holds its answer until the client has its first words: a server that waited
    // for the whole answer would never send them, and this test would time out.
    const client = await serve(
      providerOf(async (_n, request, options) => {
        options.onText?.('Standard shipping ');
        await seen;
        options.onText?.('takes 3-5 business days.');
        return ok(request, 'Standard shipping takes 3-5 business days.');
      }),
    );
    let text = '';
    let last: unknown;
    for await (const chunk of await ask(client)) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (text.startsWith('Standard shipping')) clientSawFirstWords();
      last = chunk;
    }
    expect(text).toBe('Standard shipping takes 3-5 business days.');
    expect(last).toMatchObject({ hybrid_bench: { 'x-bench-path': 'simple' } });
  }, 10_000);

  it('completes from the retry when the streaming attempt fails with the same answer', async () => {
    const answer = 'Standard shipping takes 3-5 business days.';
    const client = await serve(
      providerOf(async (n, request, options) => {
        options.onText?.('Standard ');
        if (n === 0) {
          return {
            state: 'error',
            latencyMs: 1,
            model: request.model,
            error: { code: 'server_error', message: 'reset', isNetwork: true, isAbort: false },
          };
        }
        options.onText?.(answer.slice('Standard '.length));
        return ok(request, answer);
      }),
    );
    let text = '';
    for await (const chunk of await ask(client)) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe(answer);
  });

  it('ends with an error event when a retry answers differently from what was sent', async () => {
    const client = await serve(
      providerOf(async (n, request, options) => {
        if (n === 0) {
          options.onText?.('Standard ');
          return {
            state: 'error',
            latencyMs: 1,
            model: request.model,
            error: { code: 'server_error', message: 'reset', isNetwork: true, isAbort: false },
          };
        }
        options.onText?.('Express shipping takes 1-2 days.');
        return ok(request, 'Express shipping takes 1-2 days.');
      }),
    );
    const read = async () => {
      let text = '';
      for await (const chunk of await ask(client)) text += chunk.choices[0]?.delta.content ?? '';
      return text;
    };
    await expect(read()).rejects.toThrow(/answer changed after it began streaming/);
  });
});
