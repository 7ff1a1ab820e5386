import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it } from 'vitest';
import { MockSetupError } from '../errors.js';
import type { AnsweringPolicy } from '../policy/answering-policy.js';
import { type AgnoAgentOSMockOptions, createAgnoAgentOSMock } from './create-agno-agentos-mock.js';

const BASE = 'http://agno.test';
let server: ReturnType<typeof setupServer> | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

/** Serves the mock through msw, as a test of a real client would. */
function serve(options: Partial<AgnoAgentOSMockOptions> = {}): void {
  const handler = createAgnoAgentOSMock({ seed: 3, latency: 'zero', ...options });
  const started = setupServer(
    http.post(`${BASE}/agents/:agentId/runs`, ({ request }) => handler(request)),
    http.get(`${BASE}/*`, ({ request }) => handler(request)),
    http.put(`${BASE}/*`, ({ request }) => handler(request)),
  );
  started.listen({ onUnhandledRequest: 'error' });
  server = started;
}

function run(fields: Record<string, string>, init: RequestInit = {}, agent = 'support-agent') {
  return fetch(`${BASE}/agents/${agent}/runs`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    ...init,
  });
}

interface RunBody {
  run_id: string;
  session_id: string;
  content: string;
  status: string;
  model: string;
  metrics: { input_tokens: number; output_tokens: number; total_tokens: number };
  messages: {
    role: string;
    content?: string;
    metrics?: { input_tokens: number; output_tokens: number };
  }[];
  tools?: { tool_name: string; tool_args: unknown; result: string; tool_call_error: boolean }[];
}

async function runJson(message: string, headers: Record<string, string> = {}): Promise<RunBody> {
  const response = await run({ message, stream: 'false' }, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as RunBody;
}

describe('the run form', () => {
  it('reports every invalid field at once, in FastAPI 422 format', async () => {
    serve();
    const response = await run({ stream: 'maybe' });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      detail: [
        { type: 'missing', loc: ['body', 'message'], msg: 'Field required', input: null },
        {
          type: 'bool_parsing',
          loc: ['body', 'stream'],
          msg: 'Input should be a valid boolean, unable to interpret input',
          input: 'maybe',
        },
      ],
    });
  });

  it('reads a JSON body as an empty form, and an empty message as a missing one', async () => {
    serve();
    const json = await fetch(`${BASE}/agents/support-agent/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Hi' }),
    });
    expect(json.status).toBe(422);
    expect((await run({ message: '' })).status).toBe(422);
  });

  it('accepts multipart bodies as well as urlencoded ones', async () => {
    serve();
    const form = new FormData();
    form.set('message', 'When is support available by phone?');
    form.set('stream', 'false');
    const response = await fetch(`${BASE}/agents/support-agent/runs`, {
      method: 'POST',
      body: form,
    });
    expect(((await response.json()) as RunBody).content).toContain('8am to 8pm Eastern time');
  });

  it('answers an unknown agent with 404 "Agent not found", but validates the form first', async () => {
    serve();
    const unknown = await run({ message: 'Hi' }, {}, 'nobody');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ detail: 'Agent not found' });
    expect((await run({}, {}, 'nobody')).status).toBe(422);
  });

  it('refuses requests without the security key when one is set, but not /health', async () => {
    serve({ securityKey: 'os-key' });
    const missing = await run({ message: 'Hi', stream: 'false' });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ detail: 'Authorization header required' });
    const wrong = await run({ message: 'Hi' }, { headers: { authorization: 'Bearer nope' } });
    expect(await wrong.json()).toEqual({ detail: 'Invalid authentication token' });
    const right = await run(
      { message: 'Hi', stream: 'false' },
      { headers: { authorization: 'Bearer os-key' } },
    );
    expect(right.status).toBe(200);
    expect((await fetch(`${BASE}/health`)).status).toBe(200);
  });
});

describe('a non-streamed run', () => {
  it('reports metrics consistent with its text', async () => {
    serve();
    const body = await runJson('When is your phone line open?');
    expect(body.status).toBe('COMPLETED');
    expect(body.model).toBe('gpt-4o');
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    expect(body.metrics.output_tokens).toBe(countTokens(body.content));
    expect(body.metrics.total_tokens).toBe(body.metrics.input_tokens + body.metrics.output_tokens);
    expect(body.messages[2]?.metrics?.input_tokens).toBe(body.metrics.input_tokens);
    expect(body.tools).toBeUndefined();
  });

  it('runs the tool loop server-side and answers from the tool results', async () => {
    serve();
    const body = await runJson('Where is my order ORD-10001?');
    expect(body.tools?.map((t) => [t.tool_name, t.tool_args])).toEqual([
      ['lookup_order', { order_id: 'ORD-10001' }],
      ['track_shipment', { tracking_number: 'TRK10000001' }],
    ]);
    expect(body.content).toContain('status: in_transit');
    expect(body.content).toContain('tracking_number: TRK10000001');
    // One model call per turn: two tool turns and the answer, tokens summed over all three.
    const calls = body.messages.filter((m) => m.role === 'assistant');
    expect(calls).toHaveLength(3);
    const sum = (key: 'input_tokens' | 'output_tokens') =>
      calls.reduce((total, m) => total + (m.metrics?.[key] ?? 0), 0);
    expect(body.metrics.input_tokens).toBe(sum('input_tokens'));
    expect(body.metrics.output_tokens).toBe(sum('output_tokens'));
    expect(calls[2]?.metrics?.output_tokens).toBe(countTokens(body.content));
  });

  it('reports a throwing tool as a failed call, not a failed run', async () => {
    const agents = {
      broken: {
        model: 'gpt-4o-mini',
        instructions: '',
        tools: [
          {
            name: 'lookup_order',
            description: 'Look up an order',
            parameters: {
              type: 'object',
              properties: { order_id: { type: 'string', pattern: '^ORD-\\d{5}$' } },
              required: ['order_id'],
            },
            execute: () => {
              throw new Error('database down');
            },
          },
        ],
      },
    };
    serve({ agents });
    const response = await run(
      { message: 'Where is order ORD-10001?', stream: 'false' },
      {},
      'broken',
    );
    const body = (await response.json()) as RunBody;
    expect(body.status).toBe('COMPLETED');
    expect(body.tools?.[0]).toMatchObject({
      tool_call_error: true,
      result: 'Error in lookup_order: database down',
    });
  });

  it('returns status ERROR with HTTP 200 when the agent itself fails', async () => {
    const failing = {
      get intents(): never {
        throw new Error('model exploded');
      },
      outputTokens: { median: 10, sigma: 0 },
    } as AnsweringPolicy;
    serve({ policy: failing });
    const body = await runJson('Hi');
    expect(body).toMatchObject({ status: 'ERROR', content: 'model exploded' });
    const streamed = await (await run({ message: 'Hi' })).text();
    expect(streamed).toMatch(/^event: RunStarted\n/);
    expect(streamed).toContain('event: RunError\ndata: {');
    expect(streamed).toContain('"content":"model exploded","error_type":"Error"');
  });
});

describe('determinism', () => {
  it('gives the same run for the same request id, and another for another id', async () => {
    serve();
    const id = { 'x-client-request-id': 'req-1' };
    const [a, b] = [await runJson('Hello there', id), await runJson('Hello there', id)];
    expect(b).toEqual(a);
    const c = await runJson('Hello there', { 'x-client-request-id': 'req-2' });
    expect(c.run_id).not.toBe(a.run_id);
  });

  it('keys a request without an id on its session and message', async () => {
    serve();
    const ask = (session: string) =>
      run({ message: 'Hello there', stream: 'false', session_id: session }).then(
        async (r) => (await r.json()) as RunBody,
      );
    const [a, b, c] = [await ask('s-1'), await ask('s-1'), await ask('s-2')];
    expect(b.run_id).toBe(a.run_id);
    expect(a.session_id).toBe('s-1');
    expect(c.run_id).not.toBe(a.run_id);
  });
});

describe('other routes', () => {
  it('lists agents with model and tools, answers one agent and /health', async () => {
    serve();
    const list = (await (await fetch(`${BASE}/agents`)).json()) as Record<string, unknown>[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: 'support-agent',
      model: { name: 'OpenAIChat', model: 'gpt-4o', provider: 'OpenAI' },
    });
    expect((await fetch(`${BASE}/agents/support-agent`)).status).toBe(200);
    expect((await fetch(`${BASE}/agents/nobody`)).status).toBe(404);
    const health = await (await fetch(`${BASE}/health`)).json();
    expect(health).toMatchObject({ status: 'ok' });
  });

  it('answers unknown routes 404 and wrong methods 405, as FastAPI does', async () => {
    serve();
    expect(await (await fetch(`${BASE}/teams`)).json()).toEqual({ detail: 'Not Found' });
    const put = await fetch(`${BASE}/agents`, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(await put.json()).toEqual({ detail: 'Method Not Allowed' });
  });
});

describe('setup', () => {
  it('reports every bad agent at once', () => {
    const bad = {
      model: 'gpt-9',
      instructions: '',
      tools: [{ name: 'bad name', description: '', parameters: {} }],
    };
    expect(() => createAgnoAgentOSMock({ seed: 1, agents: { a: bad } })).toThrow(MockSetupError);
    expect(() => createAgnoAgentOSMock({ seed: 1, agents: { a: bad } })).toThrow(
      /agents\.a\.model.*gpt-9.*agents\.a\.tools\[0\]\.name/,
    );
  });
});
