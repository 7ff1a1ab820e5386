import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAIResponsesProvider } from './openai-responses.js';
import { toResponsesParams } from './openai-responses-wire.js';
import type { ModelRequest } from './provider.js';

type Handler = (req: IncomingMessage, body: Record<string, unknown>, res: ServerResponse) => void;

let server: Server;
let baseURL: string;
let handler: Handler;
const seen: Array<{
  url: string | undefined;
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
const provider = () => createOpenAIResponsesProvider({ baseURL, apiKey: 'sk-test' });

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Writes events as the API does: `event: <type>` then the JSON with its sequence number. */
function sse(res: ServerResponse, events: Array<Record<string, unknown>>) {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  events.forEach((event, sequence_number) => {
    res.write(
      `event: ${String(event.type)}\ndata: ${JSON.stringify({ ...event, sequence_number })}\n\n`,
    );
  });
  res.end();
}

const usage = (input: number, output: number, cached = 0) => ({
  input_tokens: input,
  input_tokens_details: { cached_tokens: cached },
  output_tokens: output,
  output_tokens_details: { reasoning_tokens: 0 },
  total_tokens: input + output,
});

function responseBody(output: unknown[], extra: Record<string, unknown> = {}) {
  return {
    id: 'resp_1',
    object: 'response',
    created_at: 1,
    status: 'completed',
    error: null,
    incomplete_details: null,
    model: 'gpt-4o-mini-2024-07-18',
    output,
    usage: usage(9, 2, 4),
    ...extra,
  };
}

const textMessage = (text: string, status = 'completed') => ({
  id: 'msg_1',
  type: 'message',
  role: 'assistant',
  status,
  content: [{ type: 'output_text', text, annotations: [] }],
});

const orderTool = {
  name: 'lookup_order',
  description: 'Look up',
  parameters: { type: 'object', properties: {} },
};

describe('toResponsesParams', () => {
  it('maps leading system messages to instructions and the rest to input items', () => {
    const params = toResponsesParams({
      model: 'gpt-4o',
      maxOutputTokens: 400,
      temperature: 0.2,
      tools: [orderTool],
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'system', content: 'Facts.' },
        { role: 'user', content: 'Where is ORD-1?' },
        {
          role: 'assistant',
          content: '',
          toolCalls: [{ id: 'call_0', name: 'lookup_order', arguments: '{"order_id":"ORD-1"}' }],
        },
        { role: 'tool', toolCallId: 'call_0', content: '{"status":"shipped"}' },
        { role: 'assistant', content: 'It shipped.' },
        { role: 'system', content: 'Now in French.' },
        { role: 'user', content: 'Merci' },
      ],
    });
    expect(params).toEqual({
      model: 'gpt-4o',
      instructions: 'Be brief.\n\nFacts.',
      input: [
        { type: 'message', role: 'user', content: 'Where is ORD-1?' },
        {
          type: 'function_call',
          call_id: 'call_0',
          name: 'lookup_order',
          arguments: '{"order_id":"ORD-1"}',
        },
        { type: 'function_call_output', call_id: 'call_0', output: '{"status":"shipped"}' },
        { type: 'message', role: 'assistant', content: 'It shipped.' },
        { type: 'message', role: 'system', content: 'Now in French.' },
        { type: 'message', role: 'user', content: 'Merci' },
      ],
      tools: [{ type: 'function', ...orderTool, strict: false }],
      max_output_tokens: 400,
      temperature: 0.2,
      store: false,
    });
  });

  it('keeps the text of an assistant turn that also called tools, before its calls', () => {
    const { input, instructions } = toResponsesParams({
      model: 'm',
      messages: [
        { role: 'user', content: 'x' },
        {
          role: 'assistant',
          content: 'Let me check.',
          toolCalls: [{ id: 'c1', name: 'a', arguments: '{}' }],
        },
        { role: 'tool', toolCallId: 'c1', content: 'ok' },
      ],
    });
    expect(instructions).toBeUndefined();
    expect(input).toEqual([
      { type: 'message', role: 'user', content: 'x' },
      { type: 'message', role: 'assistant', content: 'Let me check.' },
      { type: 'function_call', call_id: 'c1', name: 'a', arguments: '{}' },
      { type: 'function_call_output', call_id: 'c1', output: 'ok' },
    ]);
  });
});

describe('OpenAI Responses provider', () => {
  it('normalises a plain response and sends store: false and the request id header', async () => {
    handler = (_req, _body, res) => json(res, 200, responseBody([textMessage('Hello!')]));
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
    expect(seen[0]?.url).toBe('/v1/responses');
    expect(seen[0]?.body).toMatchObject({ store: false, stream: false });
    expect(seen[0]?.headers['x-client-request-id']).toBe('req-42');
    expect(seen[0]?.headers['x-bench-path']).toBe('simple');
  });

  it('maps function_call items to tool calls (id = call_id) and finishes with tool_calls', async () => {
    handler = (_req, _body, res) =>
      json(
        res,
        200,
        responseBody([
          {
            id: 'fc_1',
            type: 'function_call',
            status: 'completed',
            call_id: 'call_a',
            name: 'lookup_order',
            arguments: '{"order_id":"ORD-10001"}',
          },
        ]),
      );
    const outcome = await provider().complete({ ...request, tools: [orderTool] });
    expect(outcome.state === 'ok' && outcome.response).toMatchObject({
      text: '',
      toolCalls: [{ id: 'call_a', name: 'lookup_order', arguments: '{"order_id":"ORD-10001"}' }],
      finishReason: 'tool_calls',
    });
  });

  it('reads an incomplete response cut at max_output_tokens as length', async () => {
    handler = (_req, _body, res) =>
      json(
        res,
        200,
        responseBody([textMessage('Hel', 'incomplete')], {
          status: 'incomplete',
          incomplete_details: { reason: 'max_output_tokens' },
        }),
      );
    const outcome = await provider().complete({ ...request, maxOutputTokens: 16 });
    expect(seen[0]?.body.max_output_tokens).toBe(16);
    expect(outcome.state === 'ok' && outcome.response.finishReason).toBe('length');
  });

  it('estimates usage when the response has none', async () => {
    handler = (_req, _body, res) =>
      json(res, 200, responseBody([textMessage('Hello there')], { usage: undefined }));
    const outcome = await provider().complete(request);
    expect(outcome.state === 'ok' && outcome.response.usageEstimated).toBe(true);
  });

  it.each([
    ['an HTML page with status 200', '<html><body>Sign in</body></html>', 'text/html'],
    ['JSON cut in the middle', '{"id":"resp_1","object":"resp', 'application/json'],
    ['an object that is not a response', '{"choices":[]}', 'application/json'],
  ])('reports %s as invalid_response', async (_what, body, type) => {
    handler = (_req, _body, res) => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    };
    const outcome = await provider().complete(request);
    expect(outcome.state === 'error' && outcome.error.code).toBe('invalid_response');
  });

  it('reports a failed response in a 200 through its error code', async () => {
    handler = (_req, _body, res) =>
      json(
        res,
        200,
        responseBody([], {
          status: 'failed',
          error: { code: 'server_error', message: 'Something broke' },
        }),
      );
    const outcome = await provider().complete(request);
    expect(outcome.state === 'error' && outcome.error).toMatchObject({
      code: 'server_error',
      message: 'Something broke',
    });
  });

  it('streams text deltas, calls onFirstByte and onText, and takes usage from response.completed', async () => {
    handler = (_req, _body, res) =>
      sse(res, [
        { type: 'response.created', response: { ...responseBody([]), status: 'in_progress' } },
        { type: 'response.in_progress', response: { ...responseBody([]), status: 'in_progress' } },
        {
          type: 'response.output_item.added',
          output_index: 0,
          item: textMessage('', 'in_progress'),
        },
        {
          type: 'response.content_part.added',
          item_id: 'msg_1',
          output_index: 0,
          content_index: 0,
          part: { type: 'output_text', text: '', annotations: [] },
        },
        ...['Hel', 'lo'].map((delta) => ({
          type: 'response.output_text.delta',
          item_id: 'msg_1',
          output_index: 0,
          content_index: 0,
          delta,
          logprobs: [],
        })),
        {
          type: 'response.output_text.done',
          item_id: 'msg_1',
          output_index: 0,
          content_index: 0,
          text: 'Hello',
          logprobs: [],
        },
        { type: 'response.output_item.done', output_index: 0, item: textMessage('Hello') },
        {
          type: 'response.completed',
          response: responseBody([textMessage('Hello')], { usage: usage(12, 2) }),
        },
      ]);
    const texts: string[] = [];
    let firstBytes = 0;
    const outcome = await provider().complete(
      { ...request, stream: true },
      { onText: (t) => texts.push(t), onFirstByte: () => firstBytes++ },
    );
    expect(seen[0]?.body).toMatchObject({ stream: true, store: false });
    expect(outcome.state).toBe('ok');
    if (outcome.state !== 'ok') return;
    expect(outcome.response).toMatchObject({
      text: 'Hello',
      usage: { inputTokens: 12, outputTokens: 2 },
      usageEstimated: false,
      finishReason: 'stop',
      model: 'gpt-4o-mini-2024-07-18',
    });
    expect(texts).toEqual(['Hel', 'lo']);
    expect(firstBytes).toBe(1);
    expect(outcome.response.ttftMs).toBeGreaterThanOrEqual(0);
  });

  it('assembles streamed function-call arguments when the final body lists no output', async () => {
    const call = (status: string, args: string) => ({
      id: 'fc_1',
      type: 'function_call',
      status,
      call_id: 'call_a',
      name: 'lookup_order',
      arguments: args,
    });
    const delta = (d: string) => ({
      type: 'response.function_call_arguments.delta',
      item_id: 'fc_1',
      output_index: 0,
      delta: d,
    });
    handler = (_req, _body, res) =>
      sse(res, [
        { type: 'response.created', response: { ...responseBody([]), status: 'in_progress' } },
        { type: 'response.output_item.added', output_index: 0, item: call('in_progress', '') },
        delta('{"order_id":'),
        delta('"ORD-10001"}'),
        { type: 'response.completed', response: responseBody([], { usage: usage(80, 18) }) },
      ]);
    const outcome = await provider().complete({ ...request, stream: true, tools: [orderTool] });
    expect(outcome.state === 'ok' && outcome.response).toMatchObject({
      toolCalls: [{ id: 'call_a', name: 'lookup_order', arguments: '{"order_id":"ORD-10001"}' }],
      finishReason: 'tool_calls',
    });
  });

  it('reports an error event inside a started stream by its code', async () => {
    handler = (_req, _body, res) =>
      sse(res, [
        { type: 'response.created', response: { ...responseBody([]), status: 'in_progress' } },
        { type: 'error', code: 'rate_limit_exceeded', message: 'Slow down', param: null },
      ]);
    const outcome = await provider().complete({ ...request, stream: true });
    expect(outcome.state === 'error' && outcome.error).toMatchObject({
      code: 'rate_limited',
      message: 'Slow down',
    });
  });

  it('reports response.failed as a server error', async () => {
    handler = (_req, _body, res) =>
      sse(res, [
        {
          type: 'response.failed',
          response: responseBody([], {
            status: 'failed',
            error: { code: 'server_error', message: 'An error occurred' },
          }),
        },
      ]);
    const outcome = await provider().complete({ ...request, stream: true });
    expect(outcome.state === 'error' && outcome.error.code).toBe('server_error');
  });

  it('reports a stream without response.completed, or with a garbled event, as invalid_response', async () => {
    handler = (_req, _body, res) =>
      sse(res, [
        { type: 'response.created', response: { ...responseBody([]), status: 'in_progress' } },
      ]);
    const cut = await provider().complete({ ...request, stream: true });
    expect(cut.state === 'error' && cut.error.code).toBe('invalid_response');
    handler = (_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end('event: response.created\ndata: {"type":"response.cre\n\n');
    };
    const garbled = await provider().complete({ ...request, stream: true });
    expect(garbled.state === 'error' && garbled.error.code).toBe('invalid_response');
  });

  it('returns a 429 as rate_limited with the retry hint, after exactly one attempt', async () => {
    handler = (_req, _body, res) =>
      json(
        res,
        429,
        { error: { message: 'Slow down', type: 'requests', code: 'rate_limit_exceeded' } },
        { 'retry-after-ms': '1500' },
      );
    const outcome = await provider().complete(request);
    expect(outcome.state === 'error' && outcome.error).toMatchObject({
      code: 'rate_limited',
      status: 429,
      retryAfterMs: 1500,
      providerCode: 'rate_limit_exceeded',
    });
    expect(seen).toHaveLength(1);
  });

  it('reads a context overflow and does not retry a 500 itself', async () => {
    handler = (_req, _body, res) =>
      json(res, 400, {
        error: {
          message: 'Your input exceeds the context window of this model.',
          type: 'invalid_request_error',
          code: 'context_length_exceeded',
          param: 'input',
        },
      });
    const overflow = await provider().complete(request);
    expect(overflow.state === 'error' && overflow.error.code).toBe('context_length_exceeded');
    seen.length = 0;
    handler = (_req, _body, res) =>
      json(res, 500, { error: { message: 'boom', type: 'server_error', code: null } });
    const failed = await provider().complete(request);
    expect(failed.state === 'error' && failed.error.code).toBe('server_error');
    expect(seen).toHaveLength(1);
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
    const outcome = await createOpenAIResponsesProvider({
      baseURL: `http://127.0.0.1:${port}/v1`,
      apiKey: 'k',
    }).complete(request);
    expect(outcome.state === 'error' && outcome.error).toMatchObject({
      code: 'network',
      isNetwork: true,
    });
  });
});
