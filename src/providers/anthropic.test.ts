import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnthropicProvider } from './anthropic.js';
import type { ModelRequest } from './provider.js';

type Handler = (req: IncomingMessage, body: Record<string, unknown>, res: ServerResponse) => void;

let server: Server;
let baseURL: string;
let handler: Handler;
const seen: Array<{
  url?: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString();
    });
    req.on('end', () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      seen.push({ url: req.url, headers: req.headers, body });
      handler(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
});

const request: ModelRequest = {
  model: 'claude-haiku-4-5',
  messages: [{ role: 'user', content: 'Hi' }],
};
const provider = () => createAnthropicProvider({ baseURL, apiKey: 'sk-ant-test' });

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const errorBody = (type: string, message: string) => ({
  type: 'error',
  error: { type, message },
  request_id: 'req_01TestTestTestTestTestTe',
});

/** Writes the events in the API's framing; `until` cuts the stream after that many events. */
function sse(res: ServerResponse, events: Array<Record<string, unknown>>, until = events.length) {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
  for (const event of events.slice(0, until)) {
    res.write(`event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`);
  }
  res.end();
}

const usage = (input: number, output: number, cacheRead = 0) => ({
  input_tokens: input,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: cacheRead,
  output_tokens: output,
});
const messageStart = (input: number) => ({
  type: 'message_start',
  message: {
    model: 'claude-haiku-4-5-20251001',
    id: 'msg_01Stream',
    type: 'message',
    role: 'assistant',
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: usage(input, 1),
  },
});
const blockStart = (index: number, block: Record<string, unknown>) => ({
  type: 'content_block_start',
  index,
  content_block: block,
});
const delta = (index: number, body: Record<string, unknown>) => ({
  type: 'content_block_delta',
  index,
  delta: body,
});
const text = (index: number, value: string) => delta(index, { type: 'text_delta', text: value });
const partial = (index: number, value: string) =>
  delta(index, { type: 'input_json_delta', partial_json: value });
const blockStop = (index: number) => ({ type: 'content_block_stop', index });
const messageDelta = (stopReason: string, output: number) => ({
  type: 'message_delta',
  delta: { stop_reason: stopReason, stop_sequence: null },
  usage: { output_tokens: output },
});
const messageStop = { type: 'message_stop' };

const textStream = [
  messageStart(12),
  blockStart(0, { type: 'text', text: '' }),
  { type: 'ping' },
  text(0, 'Hel'),
  text(0, 'lo'),
  blockStop(0),
  messageDelta('end_turn', 3),
  messageStop,
];

describe('Anthropic provider', () => {
  it('normalises a plain message and sends the request id and extra headers', async () => {
    handler = (_req, _body, res) =>
      json(res, 200, {
        model: 'claude-haiku-4-5-20251001',
        id: 'msg_01Plain',
        type: 'message',
        role: 'assistant',
        content: [{ type: 'text', text: 'Hello!' }],
        stop_reason: 'end_turn',
        stop_sequence: null,
        usage: usage(9, 2, 4),
      });
    const outcome = await provider().complete(request, {
      requestId: 'req-42',
      headers: { 'x-bench-path': 'simple' },
    });
    expect(outcome.state).toBe('ok');
    if (outcome.state !== 'ok') return;
    expect(outcome.response).toMatchObject({
      text: 'Hello!',
      toolCalls: [],
      // input_tokens leaves out cache reads: 9 + 4 in all, 4 of them cached.
      usage: { inputTokens: 13, outputTokens: 2, cachedInputTokens: 4 },
      usageEstimated: false,
      model: 'claude-haiku-4-5-20251001',
      finishReason: 'stop',
    });
    expect(outcome.response.ttftMs).toBeUndefined();
    expect(seen[0]?.url).toBe('/v1/messages');
    expect(seen[0]?.headers['x-client-request-id']).toBe('req-42');
    expect(seen[0]?.headers['x-bench-path']).toBe('simple');
    expect(seen[0]?.body).toEqual({
      model: 'claude-haiku-4-5',
      max_tokens: 1024,
      messages: [{ role: 'user', content: 'Hi' }],
      stream: false,
    });
  });

  it('sends system messages as system, and maxOutputTokens and temperature', async () => {
    handler = (_req, _body, res) => sse(res, textStream);
    await provider().complete({
      ...request,
      stream: true,
      maxOutputTokens: 50,
      temperature: 0.2,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'system', content: 'Be kind.' },
        { role: 'user', content: 'Hi' },
      ],
    });
    expect(seen[0]?.body).toEqual({
      model: 'claude-haiku-4-5',
      max_tokens: 50,
      temperature: 0.2,
      system: 'Be brief.\n\nBe kind.',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    });
  });

  it('streams text with a time to first token and usage from message_start and message_delta', async () => {
    handler = (_req, _body, res) => sse(res, textStream);
    const outcome = await provider().complete({ ...request, stream: true });
    expect(outcome.state).toBe('ok');
    if (outcome.state !== 'ok') return;
    expect(outcome.response).toMatchObject({
      text: 'Hello',
      usage: { inputTokens: 12, outputTokens: 3 },
      usageEstimated: false,
      model: 'claude-haiku-4-5-20251001',
      finishReason: 'stop',
    });
    expect(outcome.response.ttftMs).toBeGreaterThanOrEqual(0);
    expect(outcome.response.ttftMs).toBeLessThanOrEqual(outcome.response.latencyMs);
  });

  it('assembles streamed tool input and sends tool calls and results in Anthropic form', async () => {
    handler = (_req, _body, res) =>
      sse(res, [
        messageStart(80),
        blockStart(0, { type: 'tool_use', id: 'toolu_01A', name: 'lookup_order', input: {} }),
        { type: 'ping' },
        partial(0, ''),
        partial(0, '{"order_id":'),
        partial(0, '"ORD-10001"}'),
        blockStop(0),
        blockStart(1, { type: 'tool_use', id: 'toolu_01B', name: 'get_time', input: {} }),
        partial(1, ''),
        blockStop(1),
        messageDelta('tool_use', 40),
        messageStop,
      ]);
    const outcome = await provider().complete({
      model: 'claude-haiku-4-5',
      stream: true,
      tools: [
        {
          name: 'lookup_order',
          description: 'Look up',
          parameters: { type: 'object', properties: {} },
        },
      ],
      messages: [
        { role: 'user', content: 'Where are ORD-10001 and ORD-10002?' },
        {
          role: 'assistant',
          content: 'Checking both.',
          toolCalls: [
            { id: 'toolu_0', name: 'lookup_order', arguments: '{"order_id":"ORD-10001"}' },
            { id: 'toolu_1', name: 'lookup_order', arguments: 'not json' },
          ],
        },
        { role: 'tool', toolCallId: 'toolu_0', content: '{"status":"shipped"}' },
        { role: 'tool', toolCallId: 'toolu_1', content: '{"error":"bad arguments"}' },
        { role: 'user', content: 'And?' },
      ],
    });
    expect(seen[0]?.body.tools).toEqual([
      {
        name: 'lookup_order',
        description: 'Look up',
        input_schema: { type: 'object', properties: {} },
      },
    ]);
    expect(seen[0]?.body.messages).toEqual([
      { role: 'user', content: 'Where are ORD-10001 and ORD-10002?' },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking both.' },
          {
            type: 'tool_use',
            id: 'toolu_0',
            name: 'lookup_order',
            input: { order_id: 'ORD-10001' },
          },
          { type: 'tool_use', id: 'toolu_1', name: 'lookup_order', input: {} },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_0', content: '{"status":"shipped"}' },
          { type: 'tool_result', tool_use_id: 'toolu_1', content: '{"error":"bad arguments"}' },
        ],
      },
      { role: 'user', content: 'And?' },
    ]);
    expect(outcome.state === 'ok' && outcome.response).toMatchObject({
      text: '',
      toolCalls: [
        { id: 'toolu_01A', name: 'lookup_order', arguments: '{"order_id":"ORD-10001"}' },
        { id: 'toolu_01B', name: 'get_time', arguments: '{}' },
      ],
      finishReason: 'tool_calls',
      usage: { inputTokens: 80, outputTokens: 40 },
    });
    // Tool input counts as the first token.
    expect(outcome.state === 'ok' && outcome.response.ttftMs).toBeGreaterThanOrEqual(0);
  });

  it('reads tool_use blocks of a plain message, and max_tokens as length', async () => {
    handler = (_req, _body, res) =>
      json(res, 200, {
        model: 'claude-haiku-4-5',
        id: 'msg_01T',
        type: 'message',
        role: 'assistant',
        content: [
          { type: 'text', text: 'Let me look.' },
          { type: 'tool_use', id: 'toolu_01C', name: 'lookup_order', input: { order_id: 'ORD-1' } },
        ],
        stop_reason: 'max_tokens',
        stop_sequence: null,
        usage: usage(50, 30),
      });
    const outcome = await provider().complete(request);
    expect(outcome.state === 'ok' && outcome.response).toMatchObject({
      text: 'Let me look.',
      toolCalls: [{ id: 'toolu_01C', name: 'lookup_order', arguments: '{"order_id":"ORD-1"}' }],
      finishReason: 'length',
    });
  });
});

describe('Anthropic provider failures', () => {
  it('returns a 429 as rate_limited with the retry hint, after exactly one attempt', async () => {
    handler = (_req, _body, res) =>
      json(
        res,
        429,
        errorBody(
          'rate_limit_error',
          'Number of request tokens has exceeded your per-minute rate limit',
        ),
        {
          'retry-after': '7',
          'x-should-retry': 'true',
        },
      );
    const outcome = await provider().complete(request);
    expect(outcome.state === 'error' && outcome.error).toMatchObject({
      code: 'rate_limited',
      status: 429,
      retryAfterMs: 7000,
      providerCode: 'rate_limit_error',
      isNetwork: false,
    });
    expect(seen).toHaveLength(1);
  });

  it('returns a 529 as overloaded without retrying it', async () => {
    handler = (_req, _body, res) =>
      json(res, 529, errorBody('overloaded_error', 'Overloaded'), { 'x-should-retry': 'true' });
    const outcome = await provider().complete({ ...request, stream: true });
    expect(outcome.state === 'error' && outcome.error).toMatchObject({
      code: 'overloaded',
      status: 529,
      providerCode: 'overloaded_error',
      message: 'Overloaded',
    });
    expect(seen).toHaveLength(1);
  });

  it('returns an error event inside a stream as its failure', async () => {
    handler = (_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`event: message_start\ndata: ${JSON.stringify(messageStart(5))}\n\n`);
      res.end(
        `event: error\ndata: ${JSON.stringify(errorBody('overloaded_error', 'Overloaded'))}\n\n`,
      );
    };
    const outcome = await provider().complete({ ...request, stream: true });
    expect(outcome.state === 'error' && outcome.error).toMatchObject({
      code: 'overloaded',
      status: 200,
    });
  });

  it('separates a prompt over the context window from other bad requests', async () => {
    handler = (_req, body, res) =>
      json(
        res,
        400,
        errorBody(
          'invalid_request_error',
          body.model === 'long'
            ? 'prompt is too long: 208310 tokens > 200000 maximum'
            : 'max_tokens: Field required',
        ),
      );
    const tooLong = await provider().complete({ ...request, model: 'long' });
    const bad = await provider().complete(request);
    expect(tooLong.state === 'error' && tooLong.error).toMatchObject({
      code: 'context_length_exceeded',
      status: 400,
      providerCode: 'invalid_request_error',
    });
    expect(bad.state === 'error' && bad.error).toMatchObject({
      code: 'bad_request',
      message: 'max_tokens: Field required',
    });
  });

  it('maps 401, 404 and 500', async () => {
    const cases = [
      [401, 'authentication_error', 'auth'],
      [404, 'not_found_error', 'not_found'],
      [500, 'api_error', 'server_error'],
    ] as const;
    for (const [status, type, code] of cases) {
      handler = (_req, _body, res) => json(res, status, errorBody(type, 'x'));
      const outcome = await provider().complete(request);
      expect(outcome.state === 'error' && outcome.error).toMatchObject({ code, status });
    }
    expect(seen).toHaveLength(cases.length);
  });

  it('reports a stream cut before message_stop as an invalid response', async () => {
    handler = (_req, _body, res) => sse(res, textStream, textStream.length - 1);
    const outcome = await provider().complete({ ...request, stream: true });
    expect(outcome.state === 'error' && outcome.error.code).toBe('invalid_response');
  });

  it('distinguishes a passed deadline (timeout) from a caller abort', async () => {
    handler = () => {
      /* never answers */
    };
    const deadline = provider().complete(request, { signal: AbortSignal.timeout(50) });
    const controller = new AbortController();
    const aborted = provider().complete(request, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const [timedOut, cancelled] = await Promise.all([deadline, aborted]);
    expect(timedOut.state === 'error' && timedOut.error).toMatchObject({
      code: 'timeout',
      isAbort: false,
    });
    expect(cancelled.state === 'error' && cancelled.error).toMatchObject({
      code: 'aborted',
      isAbort: true,
    });
  });

  it('reports an abort in mid-stream as aborted, not as a cut stream', async () => {
    const controller = new AbortController();
    handler = (_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const event of textStream.slice(0, 4)) {
        res.write(`event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`);
      }
      setTimeout(() => controller.abort(), 20); // and the stream never ends
    };
    const outcome = await provider().complete(
      { ...request, stream: true },
      { signal: controller.signal },
    );
    expect(outcome.state === 'error' && outcome.error).toMatchObject({
      code: 'aborted',
      isAbort: true,
    });
  });

  it('reports a refused connection as a network failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const outcome = await createAnthropicProvider({
      baseURL: `http://127.0.0.1:${port}`,
      apiKey: 'k',
    }).complete(request);
    expect(outcome.state === 'error' && outcome.error).toMatchObject({
      code: 'network',
      isNetwork: true,
    });
  });
});
