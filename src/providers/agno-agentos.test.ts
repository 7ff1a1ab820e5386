import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAgnoAgentOSMock } from '../../mocks/agno/index.js';
import { type Clock, ManualClock } from '../clock.js';
import {
  type AgnoModelResponse,
  createAgnoAgentOSProvider,
  serverToolCallsOf,
} from './agno-agentos.js';
import { agentMessage } from './agno-wire.js';
import type { ModelOutcome, ModelRequest } from './provider.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let baseURL: string;
let handler: Handler;
const seen: Array<{
  url: string;
  headers: IncomingMessage['headers'];
  form: Record<string, string>;
}> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString();
    });
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(raw));
      seen.push({ url: req.url ?? '', headers: req.headers, form });
      handler(req, res);
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

const ask: ModelRequest = {
  model: 'gpt-4o',
  messages: [{ role: 'user', content: 'Where is my order ORD-10001?' }],
};
const provider = (clock?: Clock) =>
  createAgnoAgentOSProvider({
    baseURL: `${baseURL}/`,
    agentId: 'support agent',
    ...(clock ? { clock } : {}),
  });

/** A clock whose every reading is `stepMs` later than the one before: counts readings exactly. */
function tickingClock(stepMs: number): Clock {
  let nowMs = -stepMs;
  return {
    now: () => (nowMs += stepMs),
    wallNow: () => Date.UTC(2026, 0, 1),
    sleep: () => new Promise<void>(() => undefined),
  };
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function sse(res: ServerResponse, events: [string, Record<string, unknown>][]) {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
  for (const [name, data] of events) {
    res.write(
      `event: ${name}\ndata: ${JSON.stringify({ event: name, run_id: 'run-1', ...data })}\n\n`,
    );
  }
  res.end();
}

const tool = {
  tool_call_id: 'call_1',
  tool_name: 'lookup_order',
  tool_args: { order_id: 'ORD-10001' },
  tool_call_error: false,
  result: '{"status":"shipped"}',
  metrics: { duration: 0.25 },
};
const metrics = { input_tokens: 900, output_tokens: 40, total_tokens: 940, cache_read_tokens: 128 };

function ok(outcome: ModelOutcome): AgnoModelResponse {
  if (outcome.state !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(outcome.error)}`);
  return outcome.response as AgnoModelResponse;
}

describe('Agno AgentOS provider', () => {
  it('posts the form AgentOS expects, with the request id, key and extra headers', async () => {
    handler = (_req, res) => json(res, 200, { content: 'Shipped.', status: 'COMPLETED', metrics });
    await createAgnoAgentOSProvider({
      baseURL,
      agentId: 'support-agent',
      apiKey: 'os-key',
      userId: 'u-7',
    }).complete(ask, { requestId: 'req-42', headers: { 'x-bench-path': 'complex' } });
    const wire = seen[0];
    expect(wire?.url).toBe('/agents/support-agent/runs');
    expect(wire?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(wire?.form).toEqual({
      message: 'Where is my order ORD-10001?',
      stream: 'false',
      user_id: 'u-7',
      metadata: '{"request_id":"req-42"}',
    });
    expect(wire?.headers).toMatchObject({
      authorization: 'Bearer os-key',
      'x-client-request-id': 'req-42',
      'x-bench-path': 'complex',
    });
  });

  it('maps a plain run: content, summed usage, the model AgentOS used, tools it ran', async () => {
    handler = (_req, res) =>
      json(res, 200, {
        run_id: 'run-1',
        session_id: 'ses-1',
        content: 'Your order has shipped.',
        model: 'gpt-4o',
        status: 'COMPLETED',
        metrics,
        tools: [tool],
      });
    const response = ok(await provider().complete({ ...ask, model: 'informational' }));
    expect(seen[0]?.url).toBe('/agents/support%20agent/runs');
    expect(response).toMatchObject({
      text: 'Your order has shipped.',
      toolCalls: [],
      usage: { inputTokens: 900, outputTokens: 40, cachedInputTokens: 128 },
      usageEstimated: false,
      model: 'gpt-4o',
      finishReason: 'stop',
      runId: 'run-1',
      sessionId: 'ses-1',
    });
    expect(response.ttftMs).toBeUndefined();
    expect(serverToolCallsOf(response)).toEqual([
      {
        id: 'call_1',
        name: 'lookup_order',
        arguments: '{"order_id":"ORD-10001"}',
        result: '{"status":"shipped"}',
        isError: false,
        durationMs: 250,
      },
    ]);
  });

  it('streams: text from RunContent, TTFT at the first RunContent, usage from RunCompleted', async () => {
    handler = (_req, res) =>
      sse(res, [
        ['RunStarted', { model: 'gpt-4o' }],
        ['ToolCallStarted', { tool: { ...tool, result: null } }],
        ['ToolCallCompleted', { tool }],
        ['RunContent', { content: 'Ship' }],
        ['RunContent', { content: 'ped.' }],
        ['RunCompleted', { content: 'Shipped.', metrics }],
      ]);
    // Readings: start, first RunContent, end; 100 ms apart.
    const response = ok(await provider(tickingClock(100)).complete({ ...ask, stream: true }));
    expect(seen[0]?.form.stream).toBe('true');
    expect(seen[0]?.headers.accept).toBe('text/event-stream');
    expect(response).toMatchObject({
      text: 'Shipped.',
      ttftMs: 100,
      latencyMs: 200,
      model: 'gpt-4o',
    });
    expect(response.usage).toEqual({ inputTokens: 900, outputTokens: 40, cachedInputTokens: 128 });
    expect(serverToolCallsOf(response).map((c) => c.name)).toEqual(['lookup_order']);
  });

  it('measures TTFT when the first RunContent arrives, not when RunStarted does', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
      res.write('event: RunStarted\ndata: {"event":"RunStarted"}\n\n');
      setTimeout(() => {
        res.write('event: RunContent\ndata: {"event":"RunContent","content":"Hi"}\n\n');
        setTimeout(
          () => res.end('event: RunCompleted\ndata: {"content":"Hi","metrics":{}}\n\n'),
          40,
        );
      }, 40);
    };
    const response = ok(await provider().complete({ ...ask, stream: true }));
    // Lower bounds only: the server waited at least this long (less 1 ms of timer slack).
    expect(response.ttftMs).toBeGreaterThanOrEqual(39);
    expect(response.latencyMs - (response.ttftMs ?? 0)).toBeGreaterThanOrEqual(39);
    expect(response.usage).toEqual({ inputTokens: 0, outputTokens: 0 }); // zeros are omitted
  });

  it('folds earlier turns into the message and leaves system prompts to the agent', () => {
    expect(
      agentMessage([
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello! How can I help?' },
        { role: 'user', content: 'Where is ORD-10001?' },
      ]),
    ).toBe(
      'Conversation so far:\nUser: Hi\nAssistant: Hello! How can I help?\n\nLatest message:\nWhere is ORD-10001?',
    );
    expect(agentMessage([{ role: 'assistant', content: 'Hi' }])).toBeUndefined();
  });

  it('refuses a request whose last message is not the user’s, without calling', async () => {
    const outcome = await provider().complete({
      model: 'x',
      messages: [{ role: 'system', content: 'Hi' }],
    });
    expect(outcome.state === 'error' && outcome.error.code).toBe('bad_request');
    expect(seen).toHaveLength(0);
  });
});

describe('Agno AgentOS provider failures', () => {
  const failWith = async (status: number, body: unknown) => {
    handler = (_req, res) => json(res, status, body);
    const outcome = await provider().complete(ask);
    if (outcome.state !== 'error') throw new Error('expected a failure');
    return outcome.error;
  };

  it('reads FastAPI error details: 404 unknown agent, 422 validation, 401 key, 500', async () => {
    expect(await failWith(404, { detail: 'Agent not found' })).toMatchObject({
      code: 'not_found',
      status: 404,
      message: 'Agent not found',
    });
    const detail = [
      { type: 'missing', loc: ['body', 'message'], msg: 'Field required', input: null },
    ];
    expect(await failWith(422, { detail })).toMatchObject({
      code: 'bad_request',
      message: 'body.message: Field required',
      providerCode: 'missing',
    });
    expect(await failWith(401, { detail: 'Invalid authentication token' })).toMatchObject({
      code: 'auth',
    });
    expect(await failWith(500, { detail: 'boom' })).toMatchObject({
      code: 'server_error',
      message: 'boom',
    });
    expect(seen).toHaveLength(4); // one attempt each: the bridge owns retries
  });

  it('treats a run that ended in status ERROR (HTTP 200) as a server error', async () => {
    expect(
      await failWith(200, { status: 'ERROR', content: 'Rate limit from OpenAI' }),
    ).toMatchObject({
      code: 'server_error',
      message: 'Rate limit from OpenAI',
    });
    expect(await failWith(200, { status: 'PAUSED' })).toMatchObject({ code: 'invalid_response' });
  });

  it('reports a RunError event as a server error with its error type', async () => {
    handler = (_req, res) =>
      sse(res, [
        ['RunStarted', {}],
        ['RunError', { content: 'Model provider error', error_type: 'model_provider_error' }],
      ]);
    const outcome = await provider().complete({ ...ask, stream: true });
    expect(outcome.state === 'error' && outcome.error).toMatchObject({
      code: 'server_error',
      message: 'Model provider error',
      providerCode: 'model_provider_error',
    });
  });

  it('reports a stream that ends without RunCompleted as an invalid response', async () => {
    handler = (_req, res) =>
      sse(res, [
        ['RunStarted', {}],
        ['RunContent', { content: 'Hel' }],
      ]);
    const outcome = await provider().complete({ ...ask, stream: true });
    expect(outcome.state === 'error' && outcome.error.code).toBe('invalid_response');
  });

  it('distinguishes a passed deadline (timeout) from a caller abort', async () => {
    handler = () => {
      /* never answers */
    };
    const deadline = provider().complete(ask, { signal: AbortSignal.timeout(50) });
    const controller = new AbortController();
    const aborted = provider().complete(ask, { signal: controller.signal });
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

  it('times out on its own ceiling, measured on the injected clock', async () => {
    handler = () => {
      /* never answers */
    };
    const clock = new ManualClock();
    const call = createAgnoAgentOSProvider({
      baseURL,
      agentId: 'a',
      clock,
      timeoutMs: 1000,
    }).complete(ask);
    await clock.whenSleeping();
    await clock.advance(1000);
    const outcome = await call;
    expect(outcome.state === 'error' && outcome.error).toMatchObject({
      code: 'timeout',
      message: 'No answer within 1000 ms',
    });
    expect(outcome.state === 'error' && outcome.latencyMs).toBe(1000);
  });

  it('reports a refused connection as a network failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const outcome = await createAgnoAgentOSProvider({
      baseURL: `http://127.0.0.1:${port}`,
      agentId: 'a',
    }).complete(ask);
    expect(outcome.state === 'error' && outcome.error).toMatchObject({
      code: 'network',
      isNetwork: true,
    });
  });
});

describe('Agno AgentOS provider against the AgentOS mock', () => {
  it('gets the same answer, tools and usage streamed or not', async () => {
    const mock = createAgnoAgentOSMock({ seed: 8, latency: 'zero' });
    const msw = setupServer(
      http.post('http://agno.test/agents/:agentId/runs', ({ request }) => mock(request)),
    );
    msw.listen({ onUnhandledRequest: 'error' });
    try {
      const agno = createAgnoAgentOSProvider({
        baseURL: 'http://agno.test',
        agentId: 'support-agent',
      });
      const plain = ok(await agno.complete(ask, { requestId: 'same' }));
      const streamed = ok(await agno.complete({ ...ask, stream: true }, { requestId: 'same' }));
      expect(plain.text).toContain('tracking_number: TRK10000001');
      expect(streamed.text).toBe(plain.text);
      expect(streamed.usage).toEqual(plain.usage);
      expect(plain.usage.outputTokens).toBeGreaterThan(0);
      expect(plain.model).toBe('gpt-4o');
      expect(streamed.ttftMs).toBeGreaterThanOrEqual(0);
      const names = (r: AgnoModelResponse) => serverToolCallsOf(r).map((c) => c.name);
      expect(names(plain)).toEqual(['lookup_order', 'track_shipment']);
      expect(names(streamed)).toEqual(names(plain));
    } finally {
      msw.close();
    }
  });
});
