import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupportDemo } from '../agents/support/support-demo.js';
import { createBridge } from '../bridge/create-bridge.js';
import { createScriptedProvider } from '../providers/scripted.js';
import { parseApiKeys } from './api-keys.js';
import { type BridgeServer, createBridgeServer } from './create-bridge-server.js';

const KEY = 'sk-hb-test-0123456789abcdef';
const USER_KEY = 'sk-hb-user-0123456789abcdef';
const SCRAPER_KEY = 'sk-hb-scrape-0123456789abcdef';
const LIMITED_KEY = 'sk-hb-limited-0123456789abcdef';
const ANSWER = 'Standard shipping takes 3-5 business days within the country.';

let served: BridgeServer;
let baseURL: string;

beforeAll(async () => {
  const provider = createScriptedProvider({
    script: () => ({ text: ANSWER, usage: { inputTokens: 120, outputTokens: 14 }, latencyMs: 5 }),
  });
  const { prototype, team } = createSupportDemo();
  served = createBridgeServer({
    bridge: createBridge({ prototype, team, provider }),
    apiKeys: parseApiKeys(
      [
        `ci:${KEY} role=admin`,
        `web:${USER_KEY}`,
        `prometheus:${SCRAPER_KEY} role=metrics`,
        `trial:${LIMITED_KEY} rps=0.001 burst=2`,
      ].join('\n'),
      'test keys',
    ),
    maxBodyBytes: 4096,
    metrics: async () => ({ contentType: 'text/plain; version=0.0.4', body: 'hb_up 1\n' }),
  });
  await new Promise<void>((resolve) => served.server.listen(0, '127.0.0.1', resolve));
  const { port } = served.server.address() as AddressInfo;
  baseURL = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await served.close(1_000);
});

const client = (apiKey = KEY) => new OpenAI({ apiKey, baseURL: `${baseURL}/v1`, maxRetries: 0 });
const ask = { role: 'user' as const, content: 'How long does standard shipping take?' };

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseURL}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...headers },
    body,
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as { error?: { message: string; code: string; type: string } },
  };
}

describe('the bridge over HTTP, as the official openai client sees it', () => {
  it('answers a chat completion', async () => {
    const completion = await client().chat.completions.create({
      model: 'hybrid-bench',
      messages: [ask],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.message.content).toBe(ANSWER);
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({
      prompt_tokens: 120,
      completion_tokens: 14,
      total_tokens: 134,
    });
  });

  it('streams it, usage last when asked', async () => {
    const stream = await client().chat.completions.create({
      model: 'hybrid-bench-simple',
      // Another question: the first one's answer is in the bridge's cache now (no tokens used).
      messages: [{ role: 'user', content: 'Do you ship to Canada?' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let chunks = 0;
    let usage: unknown;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe(ANSWER);
    expect(chunks).toBeGreaterThan(3);
    expect(usage).toMatchObject({ completion_tokens: 14 });
  });

  it('serves health and metrics', async () => {
    expect((await fetch(`${baseURL}/health/live`)).status).toBe(200);
    expect(await (await fetch(`${baseURL}/health/ready`)).json()).toEqual({ status: 'ready' });
    const scrape = await fetch(`${baseURL}/metrics`, {
      headers: { authorization: `Bearer ${SCRAPER_KEY}` },
    });
    expect(await scrape.text()).toBe('hb_up 1\n');
  });
});

describe('roles and per-key rate limits', () => {
  const metricsAs = (key?: string) =>
    fetch(`${baseURL}/metrics`, key ? { headers: { authorization: `Bearer ${key}` } } : {});

  it('lets a user key chat on the routed path but not force one', async () => {
    const routed = await client(USER_KEY).chat.completions.create({
      model: 'hybrid-bench',
      messages: [ask],
    });
    expect(routed.choices[0]?.message.content).toBe(ANSWER);
    await expect(
      client(USER_KEY).chat.completions.create({ model: 'hybrid-bench-full', messages: [ask] }),
    ).rejects.toMatchObject({ status: 403, code: 'insufficient_role' });
    const byHeader = await post(JSON.stringify({ model: 'hybrid-bench', messages: [ask] }), {
      authorization: `Bearer ${USER_KEY}`,
      'x-bench-path': 'complex',
    });
    expect(byHeader.status).toBe(403);
    expect(byHeader.body.error?.message).toBe(
      'Key "web" has role user; to force the complex path a key needs role admin.',
    );
  });

  it('keeps /metrics for admin and metrics keys, and chat from a metrics key', async () => {
    expect((await metricsAs()).status).toBe(401);
    expect((await metricsAs(USER_KEY)).status).toBe(403);
    expect((await metricsAs(KEY)).status).toBe(200);
    const chat = await post(JSON.stringify({ model: 'hybrid-bench', messages: [ask] }), {
      authorization: `Bearer ${SCRAPER_KEY}`,
    });
    expect(chat.status).toBe(403);
  });

  it('refuses a key past its rate limit with 429 and Retry-After, other keys unaffected', async () => {
    const body = JSON.stringify({ model: 'hybrid-bench', messages: [ask] });
    const limited = { authorization: `Bearer ${LIMITED_KEY}` };
    expect((await post(body, limited)).status).toBe(200);
    expect((await post(body, limited)).status).toBe(200);
    const refused = await post(body, limited);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'rate_limit_exceeded', type: 'requests' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(100);
    expect((await post(body)).status).toBe(200);
  });
});

describe('bad requests get the right status and a clear OpenAI-shaped error', () => {
  it('401 without a key or with a wrong one', async () => {
    await expect(
      client('sk-wrong-key-0000000000').chat.completions.create({
        model: 'hybrid-bench',
        messages: [ask],
      }),
    ).rejects.toMatchObject({ status: 401, code: 'invalid_api_key' });
    const none = await post('{}', { authorization: '' });
    expect(none.status).toBe(401);
    expect(none.body.error?.message).toMatch(/Missing API key/);
  });

  it('400 for a body that is not JSON, or misses a field', async () => {
    const broken = await post('{"model": "hybrid-bench", "messages": [');
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatchObject({
      code: 'invalid_json',
      type: 'invalid_request_error',
    });
    const missing = await post(JSON.stringify({ model: 'hybrid-bench' }));
    expect(missing.status).toBe(400);
    expect(missing.body.error?.message).toMatch(/^messages: /);
    const badRole = await post(
      JSON.stringify({ model: 'hybrid-bench', messages: [{ role: 'robot', content: 'x' }] }),
    );
    expect(badRole.body.error?.message).toMatch(/^messages\[0\]\.role: /);
  });

  it('404 for an unknown model or route, 413 for an oversized body, 400 for an unknown path', async () => {
    const model = await post(JSON.stringify({ model: 'gpt-9', messages: [ask] }));
    expect(model.status).toBe(404);
    expect(model.body.error?.message).toMatch(/Use one of: hybrid-bench/);
    expect((await fetch(`${baseURL}/v2/nothing`)).status).toBe(404);
    const huge = await post(
      JSON.stringify({
        model: 'hybrid-bench',
        messages: [{ role: 'user', content: 'x'.repeat(10_000) }],
      }),
    );
    expect(huge.status).toBe(413);
    const path = await post(JSON.stringify({ model: 'hybrid-bench', messages: [ask] }), {
      'x-bench-path': 'medium',
    });
    expect(path.status).toBe(400);
  });

  it('keeps serving after all of that', async () => {
    const completion = await client().chat.completions.create({
      model: 'hybrid-bench',
      messages: [ask],
    });
    expect(completion.choices[0]?.message.content).toBe(ANSWER);
  });
});
