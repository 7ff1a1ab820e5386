import { describe, expect, it } from 'vitest';
import { createAnthropicMessagesMock } from './create-anthropic-messages-mock.js';

const hello = {
  model: 'claude-haiku-4-5',
  max_tokens: 1024,
  messages: [{ role: 'user' as const, content: 'Hello' }],
};

function post(body: unknown, path = '/v1/messages') {
  return new Request(`http://mock.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('errors in Anthropic format', () => {
  const handler = () => createAnthropicMessagesMock({ seed: 1, latency: 'zero' });

  it('names a missing field with its request-id in header and body', async () => {
    const response = await handler()(post({ model: 'claude-haiku-4-5', messages: hello.messages }));
    expect(response.status).toBe(400);
    expect(response.headers.get('x-should-retry')).toBe('false');
    const body = (await response.json()) as { request_id: string };
    expect(body).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'max_tokens: Field required' },
      request_id: expect.stringMatching(/^req_01/),
    });
    expect(response.headers.get('request-id')).toBe(body.request_id);
  });

  it('reports every problem at once, each with its dotted path', async () => {
    const response = await handler()(
      post({
        model: 'claude-haiku-4-5',
        max_tokens: 0,
        messages: [
          { role: 'user', content: 'a' },
          { role: 'robot', content: 'b' },
          { role: 'user', content: [{ type: 'video' }] },
        ],
      }),
    );
    const { error } = (await response.json()) as { error: { message: string } };
    expect(error.message.split('; ')).toEqual([
      'max_tokens: Input should be greater than or equal to 1',
      "messages.1.role: Input should be 'user', 'assistant' or 'system'",
      expect.stringMatching(
        /^messages\.2\.content\.0: Input tag 'video' found using 'type' does not match any of the expected tags: 'text', 'tool_use', 'tool_result', 'image', /,
      ),
    ]);
  });

  it('rejects a tool_result that answers no tool_use, as the API does', async () => {
    // The mistake of recorded_toolrunner_400_invalid_request.json: the assistant turn is missing.
    const response = await handler()(
      post({
        ...hello,
        messages: [
          { role: 'user', content: 'Where is ORD-10001?' },
          {
            role: 'user',
            content: [{ type: 'tool_result', tool_use_id: 'toolu_x', content: '{}' }],
          },
        ],
      }),
    );
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { message: string } };
    expect(error.message).toBe(
      'messages.0.content.1: unexpected `tool_use_id` found in `tool_result` blocks: toolu_x. Each `tool_result` block must have a corresponding `tool_use` block in the previous message.',
    );
  });

  it('rejects a tool_use left unanswered', async () => {
    const use = { type: 'tool_use', id: 'toolu_y', name: 'lookup_order', input: {} };
    const response = await handler()(
      post({
        ...hello,
        messages: [
          { role: 'user', content: 'Where is ORD-10001?' },
          { role: 'assistant', content: [use] },
          { role: 'user', content: 'hello?' },
        ],
      }),
    );
    const { error } = (await response.json()) as { error: { message: string } };
    expect(error.message).toMatch(
      /^messages\.1: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_y\./,
    );
  });

  it('rejects a body that is not JSON with 400 and an unknown route with 404', async () => {
    const notJson = await handler()(post('{"model": '));
    expect(notJson.status).toBe(400);
    const wrongRoute = await handler()(post(hello, '/v1/complete'));
    expect(wrongRoute.status).toBe(404);
    expect(await wrongRoute.json()).toMatchObject({
      type: 'error',
      error: { type: 'not_found_error', message: 'Not Found' },
    });
  });

  it('answers on any base path prefix', async () => {
    const response = await handler()(post(hello, '/proxy/anthropic/v1/messages'));
    expect(response.status).toBe(200);
  });

  it('answers a failure inside the mock as an api_error 500', async () => {
    const broken = {
      get intents(): never {
        throw new Error('policy bug');
      },
      outputTokens: { median: 10, sigma: 0 },
    };
    const response = await createAnthropicMessagesMock({
      seed: 1,
      latency: 'zero',
      policy: broken,
    })(post(hello));
    expect(response.status).toBe(500);
    expect(response.headers.get('x-should-retry')).toBe('true');
    expect(await response.json()).toMatchObject({
      type: 'error',
      error: { type: 'api_error', message: 'Internal server error' },
    });
  });
});
