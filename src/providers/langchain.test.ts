import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContextOverflowError, ModelAbortError } from '@langchain/core/errors';
import { AIMessage, AIMessageChunk, ToolMessage } from '@langchain/core/messages';
import { RunnableLambda } from '@langchain/core/runnables';
import { ChatOpenAI } from '@langchain/openai';
import { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import {
  createLangChainProvider,
  toFailure,
  toFinishReason,
  toLangChainMessages,
  toLangChainTools,
} from './langchain.js';
import type { ModelRequest } from './provider.js';

type Handler = (body: Record<string, unknown>, res: ServerResponse) => void;

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
      handler(body, res);
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

const chatOpenAI = (fields: { model?: string; maxRetries?: number; maxTokens?: number } = {}) =>
  new ChatOpenAI({
    model: 'gpt-4o-mini',
    apiKey: 'sk-test',
    configuration: { baseURL },
    ...fields,
  });

const request: ModelRequest = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] };

function json(res: ServerResponse, status: number, body: unknown, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const completion = (message: Record<string, unknown>, finish = 'stop') => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-4o-mini-2024-07-18',
  choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finish }],
  usage: {
    prompt_tokens: 9,
    completion_tokens: 2,
    total_tokens: 11,
    prompt_tokens_details: { cached_tokens: 4 },
  },
});

describe('message and tool mapping', () => {
  it('maps each role to its LangChain message, tool calls and tool results paired by id', () => {
    const messages = toLangChainMessages([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Where is ORD-1?' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [
          { id: 'call_1', name: 'lookup_order', arguments: '{"order_id":"ORD-1"}' },
          { id: 'call_2', name: 'broken', arguments: '{not json' },
        ],
      },
      { role: 'tool', toolCallId: 'call_1', content: '{"status":"shipped"}' },
    ]);
    expect(messages.map((m) => m.type)).toEqual(['system', 'human', 'ai', 'tool']);
    expect(messages[0]?.text).toBe('Be brief.');
    const ai = messages[2];
    expect(AIMessage.isInstance(ai) && ai.tool_calls).toEqual([
      { id: 'call_1', name: 'lookup_order', args: { order_id: 'ORD-1' }, type: 'tool_call' },
      // Invalid arguments still pair with their result instead of failing the request.
      { id: 'call_2', name: 'broken', args: { input: '{not json' }, type: 'tool_call' },
    ]);
    const tool = messages[3];
    expect(ToolMessage.isInstance(tool) && tool.tool_call_id).toBe('call_1');
  });

  it('describes tools as JSON Schema function tools', () => {
    const parameters = { type: 'object', properties: { id: { type: 'string' } } };
    expect(toLangChainTools([{ name: 'f', description: 'd', parameters }])).toEqual([
      { type: 'function', function: { name: 'f', description: 'd', parameters } },
    ]);
  });

  it('reads OpenAI and Anthropic finish reasons', () => {
    expect(toFinishReason('stop', false)).toBe('stop');
    expect(toFinishReason('end_turn', true)).toBe('tool_calls');
    expect(toFinishReason('max_tokens', false)).toBe('length');
    expect(toFinishReason('tool_use', true)).toBe('tool_calls');
    expect(toFinishReason('content_filter', false)).toBe('content_filter');
    expect(toFinishReason('something_new', false)).toBe('other');
  });
});

describe('error mapping', () => {
  const headers = new Headers({ 'retry-after': '2' });

  it('maps OpenAI SDK errors by status, with the retry delay and without LangChain’s link', () => {
    const limited = new APIError(
      429,
      { code: 'rate_limit_exceeded', message: 'Slow down' },
      'm',
      headers,
    );
    // ChatOpenAI appends a troubleshooting link to the message of the errors it recognises.
    limited.message += '\n\nTroubleshooting URL: https://example.invalid/MODEL_RATE_LIMIT/\n';
    expect(toFailure(limited)).toMatchObject({
      code: 'rate_limited',
      status: 429,
      retryAfterMs: 2000,
      providerCode: 'rate_limit_exceeded',
      message: 'Slow down',
    });
    expect(toFailure(new APIError(503, undefined, 'unavailable', new Headers()))).toMatchObject({
      code: 'server_error',
      status: 503,
    });
    expect(toFailure(new APIError(401, undefined, 'no', new Headers())).code).toBe('auth');
  });

  it('maps LangChain’s own errors: context overflow, abort, timeout', () => {
    const cause = new APIError(400, { code: 'context_length_exceeded' }, 'too long', new Headers());
    expect(toFailure(ContextOverflowError.fromError(cause))).toMatchObject({
      code: 'context_length_exceeded',
      status: 400,
    });
    expect(toFailure(new ModelAbortError('stopped'))).toMatchObject({
      code: 'aborted',
      isAbort: true,
    });
    expect(toFailure(new APIUserAbortError()).code).toBe('aborted');
    const timeout = new Error('Request timed out.');
    timeout.name = 'TimeoutError';
    expect(toFailure(timeout).code).toBe('timeout');
  });

  it('tells a deadline from the caller’s abort by the signal’s reason', () => {
    const deadline = new AbortController();
    deadline.abort(new DOMException('late', 'TimeoutError'));
    expect(toFailure(new Error('Aborted'), deadline.signal).code).toBe('timeout');
    const caller = new AbortController();
    caller.abort();
    expect(toFailure(new Error('Aborted'), caller.signal).code).toBe('aborted');
  });

  it('maps network errors, stream errors, malformed bodies and anything else to stable codes', () => {
    expect(toFailure(new APIConnectionError({ message: 'Connection error.' })).code).toBe(
      'network',
    );
    const reset = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    });
    expect(toFailure(reset).code).toBe('network');
    const inStream = new APIError(
      undefined,
      { type: 'server_error', message: 'boom' },
      'boom',
      undefined,
    );
    expect(toFailure(inStream)).toMatchObject({ code: 'server_error', message: 'boom' });
    expect(toFailure(new SyntaxError('Unexpected token')).code).toBe('invalid_response');
    expect(toFailure(new RangeError('a node failed'))).toMatchObject({
      code: 'server_error',
      providerCode: 'RangeError',
      message: 'a node failed',
    });
    expect(toFailure('just a string')).toMatchObject({
      code: 'server_error',
      message: 'just a string',
    });
  });
});

describe('LangChain provider over a real ChatOpenAI', () => {
  it('answers with text, usage, cached tokens, the served model and the request’s headers', async () => {
    handler = (_body, res) => json(res, 200, completion({ content: 'Hello!' }));
    const provider = createLangChainProvider({ model: chatOpenAI() });
    const outcome = await provider.complete(request, {
      requestId: 'req-42',
      headers: { 'x-bench-path': 'simple' },
    });
    expect(outcome.state === 'ok' && outcome.response).toMatchObject({
      text: 'Hello!',
      toolCalls: [],
      usage: { inputTokens: 9, outputTokens: 2, cachedInputTokens: 4 },
      usageEstimated: false,
      model: 'gpt-4o-mini-2024-07-18',
      finishReason: 'stop',
    });
    expect(seen[0]?.headers['x-client-request-id']).toBe('req-42');
    expect(seen[0]?.headers['x-bench-path']).toBe('simple');
  });

  it('gives a factory the request’s model, output limit and temperature, once per combination', async () => {
    handler = (_body, res) => json(res, 200, completion({ content: 'ok' }, 'length'));
    const built: unknown[] = [];
    const provider = createLangChainProvider({
      model: (settings) => {
        built.push(settings);
        return chatOpenAI({
          model: settings.model,
          ...(settings.maxOutputTokens === undefined
            ? {}
            : { maxTokens: settings.maxOutputTokens }),
        });
      },
    });
    const asked = { ...request, model: 'gpt-4.1-mini', maxOutputTokens: 5, temperature: 0 };
    const outcome = await provider.complete(asked);
    await provider.complete(asked);
    expect(built).toEqual([{ model: 'gpt-4.1-mini', maxOutputTokens: 5, temperature: 0 }]);
    expect(seen[0]?.body).toMatchObject({ model: 'gpt-4.1-mini', max_tokens: 5 });
    expect(outcome.state === 'ok' && outcome.response.finishReason).toBe('length');
  });

  it('binds the request’s tools and returns the calls with JSON string arguments', async () => {
    handler = (_body, res) =>
      json(
        res,
        200,
        completion(
          {
            content: null,
            tool_calls: [
              {
                id: 'call_9',
                type: 'function',
                function: { name: 'lookup_order', arguments: '{"order_id":"ORD-1"}' },
              },
            ],
          },
          'tool_calls',
        ),
      );
    const parameters = { type: 'object', properties: { order_id: { type: 'string' } } };
    const outcome = await createLangChainProvider({ model: chatOpenAI() }).complete({
      ...request,
      tools: [{ name: 'lookup_order', description: 'Find an order', parameters }],
    });
    expect(seen[0]?.body.tools).toEqual([
      {
        type: 'function',
        function: { name: 'lookup_order', description: 'Find an order', parameters },
      },
    ]);
    expect(outcome.state === 'ok' && outcome.response).toMatchObject({
      finishReason: 'tool_calls',
      toolCalls: [{ id: 'call_9', name: 'lookup_order', arguments: '{"order_id":"ORD-1"}' }],
    });
  });

  it('owns no retries by default: one attempt per call, whatever the model’s maxRetries', async () => {
    handler = (_body, res) => json(res, 500, { error: { message: 'boom', type: 'server_error' } });
    const provider = createLangChainProvider({ model: chatOpenAI({ maxRetries: 6 }) });
    expect(provider.retryOwner).toBe('caller');
    const outcome = await provider.complete(request);
    expect(outcome.state === 'error' && outcome.error.code).toBe('server_error');
    expect(seen).toHaveLength(1);
  });

  it('lets the model retry when told the provider owns retries', async () => {
    let calls = 0;
    handler = (_body, res) => {
      calls += 1;
      if (calls === 1) json(res, 500, { error: { message: 'boom', type: 'server_error' } });
      else json(res, 200, completion({ content: 'second time' }));
    };
    const provider = createLangChainProvider({
      model: chatOpenAI({ maxRetries: 1 }),
      retryOwner: 'provider',
    });
    expect(provider.retryOwner).toBe('provider');
    const outcome = await provider.complete(request);
    expect(outcome.state === 'ok' && outcome.response.text).toBe('second time');
    expect(seen).toHaveLength(2);
  });

  it('refuses tools for a model that cannot bind them, as a failure', async () => {
    const model = chatOpenAI();
    Object.defineProperty(model, 'bindTools', { value: undefined });
    const outcome = await createLangChainProvider({ model }).complete({
      ...request,
      tools: [{ name: 'f', description: 'd', parameters: { type: 'object' } }],
    });
    expect(outcome.state === 'error' && outcome.error).toMatchObject({
      code: 'bad_request',
      providerCode: 'tools_unsupported',
    });
  });
});

describe('LangChain provider over a runnable', () => {
  it('takes a runnable’s AI message, and by default leaves retries to it', async () => {
    const runnable = RunnableLambda.from(
      async () =>
        new AIMessage({
          content: 'From a chain',
          response_metadata: { model_name: 'chain-model', finish_reason: 'stop' },
          usage_metadata: { input_tokens: 3, output_tokens: 4, total_tokens: 7 },
        }),
    );
    const provider = createLangChainProvider({ runnable });
    expect(provider.retryOwner).toBe('provider');
    const outcome = await provider.complete(request);
    expect(outcome.state === 'ok' && outcome.response).toMatchObject({
      text: 'From a chain',
      model: 'chain-model',
      usage: { inputTokens: 3, outputTokens: 4 },
    });
  });

  it('reads a graph’s state: the last AI message answers, the tools it ran are server tool calls', async () => {
    const graph = RunnableLambda.from(async (state: { messages: unknown[] }) => ({
      messages: [
        ...state.messages,
        new AIMessage({
          content: '',
          tool_calls: [{ id: 't1', name: 'lookup_order', args: { order_id: 'ORD-1' } }],
          usage_metadata: { input_tokens: 10, output_tokens: 5, total_tokens: 15 },
        }),
        new ToolMessage({ content: '{"status":"shipped"}', tool_call_id: 't1' }),
        new AIMessage({
          content: 'It shipped.',
          usage_metadata: { input_tokens: 20, output_tokens: 3, total_tokens: 23 },
        }),
      ],
    }));
    const provider = createLangChainProvider({
      runnable: graph,
      input: (messages) => ({ messages }),
    });
    for (const stream of [false, true]) {
      const outcome = await provider.complete({ ...request, stream });
      expect(outcome.state === 'ok' && outcome.response).toMatchObject({
        text: 'It shipped.',
        toolCalls: [],
        finishReason: 'stop',
        usage: { inputTokens: 30, outputTokens: 8 },
        serverToolCalls: [
          {
            id: 't1',
            name: 'lookup_order',
            arguments: '{"order_id":"ORD-1"}',
            result: '{"status":"shipped"}',
            isError: false,
          },
        ],
      });
    }
  });

  it('streams message chunks with text callbacks and a time to first token', async () => {
    const runnable = RunnableLambda.from(async function* () {
      yield new AIMessageChunk({ content: '' });
      yield new AIMessageChunk({ content: 'Hel' });
      yield new AIMessageChunk({ content: 'lo', response_metadata: { finish_reason: 'stop' } });
    });
    const texts: string[] = [];
    let firstBytes = 0;
    const outcome = await createLangChainProvider({ runnable }).complete(
      { ...request, stream: true },
      { onText: (t) => texts.push(t), onFirstByte: () => firstBytes++ },
    );
    expect(outcome.state === 'ok' && outcome.response.text).toBe('Hello');
    expect(outcome.state === 'ok' && outcome.response.ttftMs).toBeGreaterThanOrEqual(0);
    expect(texts).toEqual(['Hel', 'lo']);
    expect(firstBytes).toBe(1);
  });

  it('reports a thrown error and an output without an answer as failures, not exceptions', async () => {
    const failing = RunnableLambda.from(async () => {
      throw new Error('node exploded');
    });
    const failed = await createLangChainProvider({ runnable: failing }).complete(request);
    expect(failed.state === 'error' && failed.error).toMatchObject({
      code: 'server_error',
      message: 'node exploded',
    });
    const odd = RunnableLambda.from(async () => 42);
    const outcome = await createLangChainProvider({ runnable: odd }).complete(request);
    expect(outcome.state === 'error' && outcome.error.code).toBe('invalid_response');
  });

  it('needs exactly one of model and runnable', () => {
    expect(() => createLangChainProvider({} as never)).toThrow(ConfigError);
  });
});
