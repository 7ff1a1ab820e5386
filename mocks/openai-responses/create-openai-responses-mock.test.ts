import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import OpenAI from 'openai';
import type { ResponseStreamEvent } from 'openai/resources/responses/responses';
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultRule } from '../faults/fault-profile.js';
import { readFaultCall } from '../faults/read-call.js';
import { withFaults } from '../faults/with-faults.js';
import { createOpenAIChatMock } from '../openai/create-openai-chat-mock.js';
import { singleAgentTools } from '../testing/support-tools.js';
import { type InstalledMock, installMswMock } from '../transports/msw.js';
import { createOpenAIResponsesMock } from './create-openai-responses-mock.js';

const BASE = 'http://mock.test/v1';
let installed: InstalledMock | undefined;
afterEach(() => {
  installed?.close();
  installed = undefined;
});

function sdk(handler: (request: Request) => Promise<Response>): OpenAI {
  installed = installMswMock({ baseUrl: BASE, paths: ['/responses'], handler });
  return new OpenAI({ apiKey: 'test', baseURL: BASE, maxRetries: 0 });
}

const tools = singleAgentTools.map((t) => ({
  type: 'function' as const,
  name: t.function.name,
  description: t.function.description ?? null,
  parameters: t.function.parameters ?? null,
  strict: false,
}));
const FAQ = 'Acme facts:\n- Standard shipping takes 3-5 business days.';
const shipping = {
  model: 'gpt-4o-mini',
  instructions: FAQ,
  input: [{ role: 'user' as const, content: 'How long does standard shipping take?' }],
  store: false,
};
const sameId = { headers: { 'x-client-request-id': 'resp-1' } };

function post(body: unknown, path = '/v1/responses'): Request {
  return new Request(`http://mock.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-client-request-id': 'raw-1' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const eventTypes = (text: string) => [...text.matchAll(/^event: (\S+)$/gm)].map((m) => m[1]);

describe('createOpenAIResponsesMock through the openai SDK', () => {
  it('answers with one output message whose usage matches the o200k count of its text', async () => {
    const client = sdk(createOpenAIResponsesMock({ seed: 1, latency: 'zero' }));
    const response = await client.responses.create(shipping, sameId);
    expect(response).toMatchObject({
      object: 'response',
      status: 'completed',
      model: 'gpt-4o-mini-2024-07-18',
      store: false,
      instructions: FAQ,
      error: null,
      incomplete_details: null,
    });
    expect(response.id).toMatch(/^resp_[0-9a-f]{50}$/);
    expect(response.output).toHaveLength(1);
    expect(response.output[0]).toMatchObject({ type: 'message', role: 'assistant' });
    expect(response.output_text).toContain('3-5 business days');
    expect(response.usage?.output_tokens).toBe(countTokens(response.output_text));
    expect(response.usage?.total_tokens).toBe(
      (response.usage?.input_tokens ?? 0) + (response.usage?.output_tokens ?? 0),
    );
  });

  it('says what the chat-completions mock says for the same conversation', async () => {
    const chat = await createOpenAIChatMock({ seed: 1, latency: 'zero' })(
      post(
        {
          model: 'gpt-4o-mini',
          messages: [{ role: 'system', content: FAQ }, ...shipping.input],
        },
        '/v1/chat/completions',
      ),
    );
    const chatText = ((await chat.json()) as { choices: Array<{ message: { content: string } }> })
      .choices[0]?.message.content;
    const client = sdk(createOpenAIResponsesMock({ seed: 1, latency: 'zero' }));
    const response = await client.responses.create(shipping, {
      headers: { 'x-client-request-id': 'raw-1' },
    });
    expect(response.output_text).toBe(chatText);
  });

  it('streams the documented event sequence, numbered, with the same text as JSON mode', async () => {
    const client = sdk(createOpenAIResponsesMock({ seed: 9, latency: 'zero' }));
    const json = await client.responses.create(shipping, sameId);
    const stream = await client.responses.create({ ...shipping, stream: true }, sameId);
    const events: ResponseStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    const types = events.map((e) => e.type);
    const deltas = events.filter((e) => e.type === 'response.output_text.delta');
    expect(types.slice(0, 4)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
    ]);
    expect(types.slice(-5)).toEqual([
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(deltas.length).toBe(json.usage?.output_tokens);
    expect(deltas.map((e) => e.delta).join('')).toBe(json.output_text);
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    const completed = events.at(-1);
    expect(completed?.type === 'response.completed' && completed.response.usage).toEqual(
      json.usage,
    );
    expect(completed?.type === 'response.completed' && completed.response.output).toEqual(
      json.output,
    );
  });

  it('streams function calls: the item with call_id and name, then argument deltas', async () => {
    const client = sdk(createOpenAIResponsesMock({ seed: 9, latency: 'zero' }));
    const stream = await client.responses.create({
      model: 'gpt-4.1',
      stream: true,
      tools,
      input: 'I want my money back for ORD-12345, it is broken',
    });
    const events: ResponseStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    const added = events.find((e) => e.type === 'response.output_item.added');
    expect(added?.type === 'response.output_item.added' && added.item).toMatchObject({
      type: 'function_call',
      name: 'lookup_order',
      arguments: '',
      status: 'in_progress',
    });
    const args = events
      .filter((e) => e.type === 'response.function_call_arguments.delta' && e.output_index === 0)
      .map((e) => (e.type === 'response.function_call_arguments.delta' ? e.delta : ''))
      .join('');
    expect(JSON.parse(args)).toEqual({ order_id: 'ORD-12345' });
    const done = events.find((e) => e.type === 'response.function_call_arguments.done');
    expect(done?.type === 'response.function_call_arguments.done' && done.arguments).toBe(args);
    const completed = events.at(-1);
    expect(completed?.type).toBe('response.completed');
    const output = completed?.type === 'response.completed' ? completed.response.output : [];
    expect(output.every((item) => item.type === 'function_call')).toBe(true);
    expect(output[0]?.type === 'function_call' && output[0].call_id).toMatch(
      /^call_[A-Za-z0-9]{24}$/,
    );
  });

  it('answers a tool result in the next turn (function_call and function_call_output)', async () => {
    const client = sdk(createOpenAIResponsesMock({ seed: 9, latency: 'zero' }));
    const ask = { role: 'user' as const, content: 'Where is my order ORD-10001?' };
    const first = await client.responses.create({ model: 'gpt-4o', tools, input: [ask] });
    const call = first.output.find((item) => item.type === 'function_call');
    expect(call?.type === 'function_call' && call.name).toBe('lookup_order');
    if (call?.type !== 'function_call') return;
    const second = await client.responses.create({
      model: 'gpt-4o',
      tools,
      input: [
        ask,
        {
          type: 'function_call',
          call_id: call.call_id,
          name: call.name,
          arguments: call.arguments,
        },
        {
          type: 'function_call_output',
          call_id: call.call_id,
          output: '{"order_id":"ORD-10001","status":"shipped","tracking_number":"TRK10000001"}',
        },
      ],
    });
    const next = second.output.find((item) => item.type === 'function_call');
    expect(next?.type === 'function_call' && JSON.parse(next.arguments)).toEqual({
      tracking_number: 'TRK10000001',
    });
  });

  it('stops at max_output_tokens as incomplete, in both modes', async () => {
    const handler = createOpenAIResponsesMock({ seed: 1, latency: 'zero' });
    const body = { ...shipping, max_output_tokens: 16 };
    const json = (await (await handler(post(body))).json()) as Record<string, unknown>;
    expect(json).toMatchObject({
      status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' },
      usage: { output_tokens: 16 },
    });
    const streamed = await (await handler(post({ ...body, stream: true }))).text();
    expect(eventTypes(streamed).at(-1)).toBe('response.incomplete');
  });
});

describe('errors in OpenAI’s format', () => {
  const handler = createOpenAIResponsesMock({ seed: 1, latency: 'zero' });
  const errorOf = async (request: Request) => {
    const response = await handler(request);
    return {
      status: response.status,
      error: ((await response.json()) as { error: Record<string, unknown> }).error,
    };
  };

  it('rejects a missing input and a max_output_tokens under 16 with 400 naming the field', async () => {
    expect(await errorOf(post({ model: 'gpt-4o-mini' }))).toMatchObject({
      status: 400,
      error: { type: 'invalid_request_error', param: 'input' },
    });
    expect(await errorOf(post({ ...shipping, max_output_tokens: 5 }))).toMatchObject({
      status: 400,
      error: { param: 'max_output_tokens' },
    });
  });

  it('answers an unknown model with 404 model_not_found, and bad JSON with 400', async () => {
    expect(await errorOf(post({ ...shipping, model: 'gpt-9' }))).toMatchObject({
      status: 404,
      error: { code: 'model_not_found' },
    });
    expect((await errorOf(post('{not json'))).status).toBe(400);
  });

  it('finds no previous response (nothing is stored) and no call for an orphan output', async () => {
    expect(await errorOf(post({ ...shipping, previous_response_id: 'resp_x' }))).toMatchObject({
      status: 400,
      error: { code: 'previous_response_not_found', param: 'previous_response_id' },
    });
    const orphan = {
      model: 'gpt-4o-mini',
      input: [{ type: 'function_call_output', call_id: 'call_x', output: '{}' }],
    };
    expect(await errorOf(post(orphan))).toMatchObject({
      status: 400,
      error: { message: expect.stringContaining('call_x'), param: 'input' },
    });
  });
});

describe('faults on the Responses mock', () => {
  const profile = (rule: FaultRule) => ({ name: 't', description: '', rules: [rule] });
  const mock = createOpenAIResponsesMock({ seed: 3, latency: 'zero' });

  it('reads the call as the openai dialect, with its model and stream flag', async () => {
    const call = await readFaultCall(post({ ...shipping, stream: true }));
    expect(call).toMatchObject({ dialect: 'openai', model: 'gpt-4o-mini', streaming: true });
  });

  it('cuts a stream before response.completed', async () => {
    const cut: FaultRule = { fault: 'stream_cut', probability: 1, params: { afterEvents: 999 } };
    const whole = eventTypes(await (await mock(post({ ...shipping, stream: true }))).text());
    const faulty = withFaults(mock, { profile: profile(cut), seed: 1 });
    const events = eventTypes(await (await faulty(post({ ...shipping, stream: true }))).text());
    expect(whole.at(-1)).toBe('response.completed');
    expect(events).toEqual(whole.slice(0, -1));
  });

  it('answers a rate limit in OpenAI’s error format with its retry headers', async () => {
    const faulty = withFaults(mock, {
      profile: profile({ fault: 'rate_limit', probability: 1 }),
      seed: 1,
    });
    const response = await faulty(post(shipping));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after-ms')).toBe('1000');
    expect(await response.json()).toMatchObject({ error: { code: 'rate_limit_exceeded' } });
  });
});
