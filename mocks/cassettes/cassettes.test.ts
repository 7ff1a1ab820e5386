import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { createOpenAICompatibleProvider } from '../../src/providers/openai-compatible.js';
import { installMswMock } from '../transports/msw.js';
import type { Cassette } from './cassette.js';
import { importRecording } from './import-recordings.js';
import { createRecorder } from './record.js';
import { createReplayHandler } from './replay.js';

const SSE = [
  'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],"usage":null}\n\n',
  'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Hi there"},"finish_reason":null}],"usage":null}\n\n',
  'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":null}\n\n',
  'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}\n\n',
  'data: [DONE]\n\n',
];

let upstream: Server;
let upstreamUrl: string;
let seenAuthorization: string | undefined;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    seenAuthorization = req.headers.authorization;
    req.resume();
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'x-request-id': 'req_1',
        'set-cookie': 'session=abc',
      });
      let i = 0;
      const next = () => {
        const chunk = SSE[i++];
        if (chunk === undefined) return res.end();
        res.write(chunk);
        setTimeout(next, 15);
      };
      next();
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => upstream.close(resolve)));

const viaHandler =
  (handler: (r: Request) => Promise<Response>) =>
  (input: string | URL | Request, init?: RequestInit) =>
    handler(new Request(input, init));
const ask = {
  model: 'gpt-4o-mini',
  messages: [{ role: 'user' as const, content: 'Hi' }],
  stream: true,
};

describe('record and replay', () => {
  let cassette: Cassette;

  it('records a live stream chunk by chunk with timing, secrets stripped, answer unchanged', async () => {
    const recorder = createRecorder({ upstream: upstreamUrl });
    const provider = createOpenAICompatibleProvider({
      baseURL: 'http://proxy.invalid/v1',
      apiKey: 'sk-live-secret',
      fetch: viaHandler(recorder.handler),
    });
    const outcome = await provider.complete(ask);
    expect(outcome.state === 'ok' && outcome.response.text).toBe('Hi there');
    expect(seenAuthorization).toBe('Bearer sk-live-secret');
    cassette = recorder.cassette();
    const [interaction] = cassette.interactions;
    expect(interaction?.request).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      body: { model: 'gpt-4o-mini', stream: true },
    });
    expect(interaction?.request.headers.authorization).toBe('[redacted]');
    expect(interaction?.response.headers['set-cookie']).toBe('[redacted]');
    expect(JSON.stringify(cassette)).not.toContain('sk-live-secret');
    const chunks = interaction?.response.chunks ?? [];
    expect(chunks.map((c) => c.data).join('')).toBe(SSE.join(''));
    expect(chunks.at(-1)?.atMs ?? 0).toBeGreaterThan(chunks[0]?.atMs ?? 0);
  });

  it('replays with the recorded chunk timing on the injected clock', async () => {
    const clock = new ManualClock();
    const chunks = [
      { atMs: 100, data: SSE[0] ?? '' },
      { atMs: 400, data: SSE[1] ?? '' },
    ];
    const replay = createReplayHandler(
      {
        ...cassette,
        interactions: [
          {
            request: { method: 'POST', path: '/v1/x', headers: {} },
            response: { status: 200, headers: {}, chunks },
          },
        ],
      },
      { clock },
    );
    const answered = replay(new Request('http://m.invalid/v1/x', { method: 'POST' }));
    await clock.whenSleeping();
    await clock.advance(99);
    let settled = false;
    void answered.then(() => {
      settled = true;
    });
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    await clock.advance(1);
    const reader = (await answered).body?.getReader();
    expect(new TextDecoder().decode((await reader?.read())?.value)).toBe(SSE[0]);
    const second = reader?.read();
    await clock.whenSleeping();
    expect(clock.now()).toBe(100);
    await clock.advance(300);
    expect(new TextDecoder().decode((await second)?.value)).toBe(SSE[1]);
  });

  it('serves a recording to the project’s client exactly as the live answer', async () => {
    const provider = createOpenAICompatibleProvider({
      baseURL: 'http://replay.invalid/v1',
      apiKey: 'k',
      fetch: viaHandler(createReplayHandler(cassette, { timeScale: 0 })),
    });
    const outcome = await provider.complete(ask);
    expect(outcome.state === 'ok' && outcome.response).toMatchObject({
      text: 'Hi there',
      usage: { inputTokens: 9, outputTokens: 2 },
    });
  });

  it('replays through msw as well, to an unchanged client', async () => {
    const mock = installMswMock({
      baseUrl: 'http://replay-msw.invalid/v1',
      handler: createReplayHandler(cassette, { timeScale: 0 }),
    });
    try {
      const provider = createOpenAICompatibleProvider({
        baseURL: 'http://replay-msw.invalid/v1',
        apiKey: 'k',
      });
      const outcome = await provider.complete(ask);
      expect(outcome.state === 'ok' && outcome.response.text).toBe('Hi there');
    } finally {
      mock.close();
    }
  });

  it('fails closed on a request it has no recording for', async () => {
    const response = await createReplayHandler(cassette)(
      new Request('http://r.invalid/v1/chat/completions', {
        method: 'POST',
        body: '{"model":"other"}',
      }),
    );
    expect(response.status).toBe(501);
    expect(await response.json()).toMatchObject({ error: { type: 'cassette_miss' } });
  });
});

describe('importing other recording formats', () => {
  const limited =
    '{"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}';
  const snapshot = JSON.stringify([
    {
      request: {
        method: 'POST',
        url: 'https://api.example.com/v1/chat/completions',
        headers: { authorization: 'Bearer sk-x' },
        body: { model: 'gpt-4o-mini' },
      },
      response: {
        status_code: 429,
        headers: { 'retry-after': '1', 'content-type': 'application/json' },
        body: JSON.parse(limited),
      },
    },
    {
      request: {
        method: 'POST',
        url: 'https://api.example.com/v1/chat/completions',
        headers: {},
        body: { model: 'gpt-4o-mini' },
      },
      response: {
        status_code: 200,
        headers: { 'content-type': 'text/event-stream' },
        body: SSE.join(''),
      },
    },
  ]);

  it('replays an SDK snapshot in order: the 429, then the stream', async () => {
    const cassette = importRecording(snapshot, 'sdk-snapshot', 'snapshot.json');
    expect(JSON.stringify(cassette)).not.toContain('sk-x');
    expect(cassette.interactions[1]?.response.chunks).toHaveLength(SSE.length);
    const replay = createReplayHandler(cassette, { timeScale: 0, ignoreBody: true });
    const provider = createOpenAICompatibleProvider({
      baseURL: 'https://api.example.com/v1',
      apiKey: 'k',
      fetch: viaHandler(replay),
    });
    const first = await provider.complete(ask);
    expect(first.state === 'error' && first.error).toMatchObject({
      code: 'rate_limited',
      retryAfterMs: 1000,
    });
    const second = await provider.complete(ask);
    expect(second.state === 'ok' && second.response.text).toBe('Hi there');
  });

  it('reads VCR cassettes with list-valued headers and body strings', () => {
    const yaml = [
      'interactions:',
      '- request:',
      '    headers: { content-type: [application/json], authorization: [Bearer sk-y] }',
      '    method: POST',
      '    parsed_body: { model: gpt-4o-mini, stream: false }',
      '    uri: https://api.example.com/v1/chat/completions',
      '  response:',
      '    headers: { content-type: [application/json], openai-processing-ms: ["462"] }',
      '    body: { string: \'{"id":"x","choices":[]}\' }',
      '    status: { code: 200, message: OK }',
    ].join('\n');
    const cassette = importRecording(yaml, 'vcr-yaml', 'c.yaml');
    expect(cassette.interactions[0]?.request.headers.authorization).toBe('[redacted]');
    expect(cassette.interactions[0]?.response.headers['openai-processing-ms']).toBe('462');
    expect(cassette.interactions[0]?.response.chunks).toEqual([
      { atMs: 0, data: '{"id":"x","choices":[]}' },
    ]);
  });

  it('names the file and field when a recording is not in the stated format', () => {
    expect(() => importRecording('[{"request":{}}]', 'sdk-snapshot', 'bad.json')).toThrow(
      /bad\.json: not a sdk-snapshot recording \(0\.request\.method/,
    );
  });
});
