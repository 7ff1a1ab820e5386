import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnthropicProvider } from './anthropic.js';
import { createUndiciFetch, type UndiciFetch } from './http/undici-fetch.js';

const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

const MESSAGE_START = event('message_start', {
  type: 'message_start',
  message: {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'claude-haiku-4-5',
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: 12, output_tokens: 1 },
  },
});
const TEXT = event('content_block_delta', {
  type: 'content_block_delta',
  index: 0,
  delta: { type: 'text_delta', text: 'Three to five' },
});

describe('the Anthropic provider on undici', () => {
  let server: Server;
  let origin: string;
  let http: UndiciFetch;

  beforeEach(async () => {
    // A backend whose connection drops in the middle of a streamed answer.
    server = createServer((request, response) => {
      request.resume();
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(
        MESSAGE_START +
          event('content_block_start', {
            type: 'content_block_start',
            index: 0,
            content_block: { type: 'text', text: '' },
          }) +
          TEXT,
      );
      setTimeout(() => response.socket?.destroy(), 20);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    http = createUndiciFetch();
  });

  afterEach(async () => {
    await http.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reports a connection lost mid-stream as a network failure, with the text so far relayed', async () => {
    const provider = createAnthropicProvider({ baseURL: origin, apiKey: 'k', fetch: http.fetch });
    const relayed: string[] = [];
    const outcome = await provider.complete(
      {
        model: 'claude-haiku-4-5',
        messages: [{ role: 'user', content: 'How long does shipping take?' }],
        stream: true,
      },
      { requestId: 'drop', onText: (text) => relayed.push(text) },
    );
    expect(relayed).toEqual(['Three to five']);
    expect(outcome.state === 'error' && outcome.error.code).toBe('network');
  });
});
