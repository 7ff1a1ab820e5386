import { describe, expect, it } from 'vitest';
import type { FaultRule } from './fault-profile.js';
import { withFaults } from './with-faults.js';

const healthy = async () => Response.json({ ok: true });
type BodyInitLike = string | URLSearchParams;

async function answer(
  rule: FaultRule,
  path: string,
  body: BodyInitLike,
  contentType = 'application/json',
) {
  const handler = withFaults(healthy, {
    profile: { name: 't', description: '', rules: [rule] },
    seed: 1,
  });
  return handler(
    new Request(`http://mock.test${path}`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    }),
  );
}

const claude = JSON.stringify({ model: 'claude-sonnet-4-5', max_tokens: 64, messages: [] });
const gpt = JSON.stringify({ model: 'gpt-4o', messages: [] });

describe('fault answers speak the dialect of the URL', () => {
  it('OpenAI 429: rate_limit_exceeded, retry-after in seconds and retry-after-ms', async () => {
    const response = await answer(
      { fault: 'rate_limit', probability: 1, params: { retryAfterMs: 1_500 } },
      '/v1/chat/completions',
      gpt,
    );
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(response.headers.get('retry-after-ms')).toBe('1500');
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(await response.json()).toEqual({
      error: {
        message: expect.stringMatching(/^Rate limit reached for gpt-4o in organization/) as unknown,
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
    });
  });

  it('Anthropic 429: rate_limit_error, retry-after in whole seconds only, request-id', async () => {
    const response = await answer(
      { fault: 'rate_limit', probability: 1, params: { retryAfterMs: 1_500 } },
      '/v1/messages',
      claude,
    );
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(response.headers.get('retry-after-ms')).toBeNull();
    expect(response.headers.get('x-should-retry')).toBe('true');
    const body = (await response.json()) as {
      type: string;
      error: { type: string };
      request_id: string;
    };
    expect(body).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
    expect(body.request_id).toMatch(/^req_011C[1-9A-HJ-NP-Za-km-z]{20}$/);
    expect(response.headers.get('request-id')).toBe(body.request_id);
  });

  it('Anthropic overload: 529 overloaded_error "Overloaded", as recorded', async () => {
    const response = await answer({ fault: 'overloaded', probability: 1 }, '/v1/messages', claude);
    expect(response.status).toBe(529);
    expect(await response.json()).toMatchObject({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    });
  });

  it('Anthropic context length: 400 invalid_request_error "prompt is too long"', async () => {
    const response = await answer(
      { fault: 'context_length', probability: 1 },
      '/v1/messages',
      claude,
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/^prompt is too long: 2\d{5} tokens > 200000 maximum$/);
  });

  it('Agno AgentOS: FastAPI {"detail": ...}, the agent id standing for the model', async () => {
    const form = new URLSearchParams({ message: 'Hi', stream: 'false' });
    const rule: FaultRule = {
      fault: 'server_error',
      probability: 1,
      match: { models: ['support-agent'] },
    };
    const response = await answer(
      rule,
      '/agents/support-agent/runs',
      form,
      'application/x-www-form-urlencoded',
    );
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      detail: 'The server had an error while processing your request. Sorry about that!',
    });
  });

  it('a proxy page instead of the API: text/html, 502 or 200', async () => {
    const page = await answer(
      { fault: 'wrong_content_type', probability: 1, params: { status: 502 } },
      '/v1/chat/completions',
      gpt,
    );
    expect(page.status).toBe(502);
    expect(page.headers.get('content-type')).toBe('text/html');
    expect(await page.text()).toContain('<title>502 Bad Gateway</title>');
  });
});
