import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAICompatibleProvider } from './openai-compatible.js';
import type { ModelRequest } from './provider.js';

type Handler = (req: IncomingMessage, body: Record<string, unknown>, res: ServerResponse) => void;

let server: Server;
let baseURL: string;
let handler: Handler;
const seen: Array<{ headers: IncomingMessage['headers']; body: Record<string, unknown> }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString();
    });
    req.on('end', () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      seen.push({ headers: req.headers, body });
      handler(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
});

const request: ModelRequest = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] };
const provider = () => createOpenAICompatibleProvider({ baseURL, apiKey: 'sk-test' });

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function sse(res: ServerResponse, chunks: unknown[], done = true) {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const chunk of chunks) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  if (done) res.write('data: [DONE]\n\n');
  res.end();
}

const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'gpt-4o-mini-2024-07-18',
  choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  usage: null,
});

describe('OpenAI-compatible provider', () => {
  it('normalises a plain completion and sends the request id header', async () => {
    handler = (_req, _body, res) =>
      json(res, 200, {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: 1,
        model: 'gpt-4o-mini-2024-07-18',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: 'Hello!', refusal: null },
            finish_reason: 'stop',
            logprobs: null,
          },
        ],
        usage: {
          prompt_tokens: 9,
          completion_tokens: 2,
          total_tokens: 11,
          prompt_tokens_details: { cached_tokens: 4 },
        },
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
      usage: { inputTokens: 9, outputTokens: 2, cachedInputTokens: 4 },
      usageEstimated: false,
      model: 'gpt-4o-mini-2024-07-18',
      finishReason: 'stop',
    });
    expect(outcome.response.ttftMs).toBeUndefined();
    expect(seen[0]?.headers['x-client-request-id']).toBe('req-42');
    expect(seen[0]?.headers['x-bench-path']).toBe('simple');
  });

  it('streams text, asks for usage and takes it from the final chunk', async () => {
    handler = (_req, _body, res) =>
      sse(res, [
        chunk({ role: 'assistant', content: '', refusal: null }),
        chunk({ content: 'Hel' }),
        chunk({ content: 'lo' }),
        chunk({}, 'stop'),
        {
          ...chunk({}),
          choices: [],
          usage: { prompt_tokens: 12, completion_tokens: 2, total_tokens: 14 },
        },
      ]);
    const outcome = await provider().complete({ ...request, stream: true });
    expect(seen[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(outcome.state).toBe('ok');
    if (outcome.state !== 'ok') return;
    expect(outcome.response).toMatchObject({
      text: 'Hello',
      usage: { inputTokens: 12, outputTokens: 2 },
      usageEstimated: false,
    });
    expect(outcome.response.ttftMs).toBeGreaterThanOrEqual(0);
  });

  it('assembles streamed tool-call fragments and sends tools and tool results in OpenAI form', async () => {
    handler = (_req, _body, res) =>
      sse(res, [
        chunk({
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              index: 0,
              id: 'call_a',
              type: 'function',
              function: { name: 'lookup_order', arguments: '' },
            },
          ],
        }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '{"order_id":' } }] }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '"ORD-10001"}' } }] }),
        chunk({}, 'tool_calls'),
        {
          ...chunk({}),
          choices: [],
          usage: { prompt_tokens: 80, completion_tokens: 18, total_tokens: 98 },
        },
      ]);
    const outcome = await provider().complete({
      model: 'gpt-4o',
      stream: true,
      tools: [
        {
          name: 'lookup_order',
          description: 'Look up',
          parameters: { type: 'object', properties: {} },
        },
      ],
      messages: [
        { role: 'user', content: 'Where is ORD-10001?' },
        {
          role: 'assistant',
          content: '',
          toolCalls: [{ id: 'call_0', name: 'lookup_order', arguments: '{}' }],
        },
        { role: 'tool', toolCallId: 'call_0', content: '{"error":"x"}' },
      ],
    });
    const sent = seen[0]?.body as { tools: unknown[]; messages: Array<Record<string, unknown>> };
    expect(sent.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'lookup_order',
          description: 'Look up',
          parameters: { type: 'object', properties: {} },
        },
      },
    ]);
    expect(sent.messages[1]).toMatchObject({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'call_0', type: 'function' }],
    });
    expect(sent.messages[2]).toEqual({
      role: 'tool',
      tool_call_id: 'call_0',
      content: '{"error":"x"}',
    });
    expect(outcome.state === 'ok' && outcome.response.toolCalls).toEqual([
      { id: 'call_a', name: 'lookup_order', arguments: '{"order_id":"ORD-10001"}' },
    ]);
    expect(outcome.state === 'ok' && outcome.response.finishReason).toBe('tool_calls');
  });

  it('reads choice 0 when several choices interleave (n > 1)', async () => {
    const choice = (index: number, content: string, finish: string | null = null) => ({
      ...chunk({}),
      choices: [{ index, delta: { content }, logprobs: null, finish_reason: finish }],
    });
    handler = (_req, _body, res) =>
      sse(res, [
        choice(0, 'A'),
        choice(1, 'X'),
        choice(2, 'Y'),
        choice(0, 'B'),
        choice(1, 'Z', 'stop'),
        choice(0, '', 'stop'),
      ]);
    const outcome = await provider().complete({ ...request, stream: true });
    expect(outcome.state === 'ok' && outcome.response.text).toBe('AB');
  });

  it('reports an error event inside a started stream as a server error', async () => {
    handler = (_req, _body, res) =>
      sse(res, [
        chunk({ content: 'Par' }),
        { error: { type: 'server_error', code: 'server_error', message: 'An error occurred' } },
      ]);
    const outcome = await provider().complete({ ...request, stream: true });
    expect(outcome.state === 'error' && outcome.error).toMatchObject({
      code: 'server_error',
      message: 'An error occurred',
    });
  });

  it('returns a 429 as a rate_limited failure with the retry hint, after exactly one attempt', async () => {
    handler = (_req, _body, res) =>
      json(
        res,
        429,
        { error: { message: 'Slow down', type: 'requests', code: 'rate_limit_exceeded' } },
        { 'retry-after': '2' },
      );
    const outcome = await provider().complete(request);
    expect(outcome.state).toBe('error');
    if (outcome.state !== 'error') return;
    expect(outcome.error).toMatchObject({
      code: 'rate_limited',
      status: 429,
      retryAfterMs: 2000,
      providerCode: 'rate_limit_exceeded',
    });
    expect(seen).toHaveLength(1);
  });

  it('does not retry server errors itself (the bridge owns retries)', async () => {
    handler = (_req, _body, res) =>
      json(res, 500, { error: { message: 'boom', type: 'server_error', code: null } });
    const outcome = await provider().complete(request);
    expect(outcome.state === 'error' && outcome.error.code).toBe('server_error');
    expect(seen).toHaveLength(1);
  });

  it('reports a stream cut before its final chunk as an invalid response', async () => {
    handler = (_req, _body, res) => sse(res, [chunk({ role: 'assistant', content: 'Hel' })], false);
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

  it('reports a refused connection as a network failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const outcome = await createOpenAICompatibleProvider({
      baseURL: `http://127.0.0.1:${port}/v1`,
      apiKey: 'k',
    }).complete(request);
    expect(outcome.state === 'error' && outcome.error).toMatchObject({
      code: 'network',
      isNetwork: true,
    });
  });
});
