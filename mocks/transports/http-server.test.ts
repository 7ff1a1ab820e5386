import { Agent, type IncomingMessage, request } from 'node:http';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAIChatMock } from '../openai/create-openai-chat-mock.js';
import { turnUntil } from '../testing/event-loop.js';
import { type FetchHandler, type HttpMockServer, startHttpMockServer } from './http-server.js';

let server: HttpMockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: FetchHandler): Promise<HttpMockServer> {
  server = await startHttpMockServer({ handler });
  return server;
}

/** A raw node:http POST: resolves with the response, or rejects with the socket error. */
function post(url: string, body = '{}', agent?: Agent): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', ...(agent ? { agent } : {}) }, resolve);
    req.on('error', reject);
    req.end(body);
  });
}

function deferred() {
  let release = () => {};
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

const encode = (text: string) => new TextEncoder().encode(text);

describe('startHttpMockServer', () => {
  it('hands the handler method, path, query, headers and body, and sends its answer back', async () => {
    const { url } = await serve(async (req) =>
      Response.json(
        {
          method: req.method,
          url: req.url,
          header: req.headers.get('x-bench-path'),
          body: await req.text(),
        },
        { status: 201, headers: { 'x-answer': 'yes' } },
      ),
    );
    const response = await fetch(`${url}/v1/chat/completions?q=1`, {
      method: 'POST',
      headers: { 'x-bench-path': 'simple' },
      body: '{"a":1}',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-answer')).toBe('yes');
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await response.json()).toEqual({
      method: 'POST',
      url: `${url}/v1/chat/completions?q=1`,
      header: 'simple',
      body: '{"a":1}',
    });
  });

  it('serves the OpenAI mock to the openai SDK, plain and streamed', async () => {
    const { url } = await serve(createOpenAIChatMock({ seed: 1, latency: 'zero' }));
    const client = new OpenAI({ apiKey: 'test', baseURL: `${url}/v1`, maxRetries: 0 });
    const question = {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user' as const, content: 'Hello' }],
    };
    const plain = await client.chat.completions.create(question, {
      headers: { 'x-client-request-id': 'a' },
    });
    const stream = await client.chat.completions.create(
      { ...question, stream: true },
      { headers: { 'x-client-request-id': 'a' } },
    );
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe(plain.choices[0]?.message.content);
  });

  it('sends each event of a stream as soon as it is produced', async () => {
    const second = deferred();
    const { url } = await serve(async () => {
      let step = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          step += 1;
          if (step === 1) return controller.enqueue(encode('data: one\n\n'));
          await second.promise;
          controller.enqueue(encode('data: two\n\n'));
          controller.close();
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    });
    const reader = (await fetch(url, { method: 'POST' })).body?.getReader();
    expect(new TextDecoder().decode((await reader?.read())?.value)).toBe('data: one\n\n');
    second.release();
    expect(new TextDecoder().decode((await reader?.read())?.value)).toBe('data: two\n\n');
  });

  it('answers a handler that throws with an OpenAI-style 500, and keeps serving', async () => {
    let calls = 0;
    const { url } = await serve(async () => {
      calls += 1;
      if (calls === 1) throw new Error('policy bug');
      return Response.json({ ok: true });
    });
    const failed = await fetch(url, { method: 'POST' });
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({
      error: {
        message: 'Mock handler failed: policy bug',
        type: 'server_error',
        param: null,
        code: null,
      },
    });
    expect((await fetch(url, { method: 'POST' })).status).toBe(200);
  });

  it('resets the connection for Response.error(), and keeps serving', async () => {
    let calls = 0;
    const { url } = await serve(async () => (++calls === 1 ? Response.error() : Response.json({})));
    await expect(post(url)).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect((await post(url)).statusCode).toBe(200);
  });

  it('resets the connection when a streamed body fails mid-way', async () => {
    const firstRead = deferred();
    const { url } = await serve(async () => {
      let sent = false;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (!sent) {
            sent = true;
            return controller.enqueue(encode('data: one\n\n'));
          }
          // Fail only once the client has the first event (a reset drops unread data).
          await firstRead.promise;
          controller.error(new Error('upstream died'));
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    });
    const response = await post(url);
    const received: string[] = [];
    const ended = new Promise<string>((resolve) => {
      response.on('data', (chunk: Buffer) => {
        received.push(chunk.toString());
        firstRead.release();
      });
      response.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      response.on('end', () => resolve('clean end'));
    });
    expect(await ended).toBe('ECONNRESET');
    expect(received.join('')).toBe('data: one\n\n');
  });

  it('aborts the request signal when the client goes away', async () => {
    let signal: AbortSignal | undefined;
    const { url } = await serve((req) => {
      signal = req.signal;
      return new Promise<Response>(() => {});
    });
    const leave = new AbortController();
    const pending = fetch(url, { method: 'POST', signal: leave.signal }).catch(() => 'left');
    await turnUntil(() => signal !== undefined);
    leave.abort();
    expect(await pending).toBe('left');
    await turnUntil(() => signal?.aborted === true);
  });

  it('respects backpressure: a client that stops reading stops the source', async () => {
    let pulls = 0;
    const { url } = await serve(async () => {
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulls += 1;
          controller.enqueue(new Uint8Array(64 * 1024));
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    });
    const response = await post(url);
    response.pause();
    // Wait until the source has been still for a while (socket buffers full), at most ~2 s.
    let last = -1;
    for (let still = 0, tries = 0; still < 5 && tries < 200; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      still = pulls === last ? still + 1 : 0;
      last = pulls;
    }
    expect(pulls).toBeLessThan(256); // 16 MB: unbounded pumping would go on for ever
    response.destroy();
  });

  it('closes gracefully: in-flight answers finish, idle sockets go, a second close is harmless', async () => {
    const gate = deferred();
    const started = deferred();
    const { url } = await serve(async () => {
      started.release();
      await gate.promise;
      return Response.json({ late: true });
    });
    const agent = new Agent({ keepAlive: true });
    const inFlight = post(url, '{}', agent);
    await started.promise;
    const closed = server?.close();
    gate.release();
    const response = await inFlight;
    expect(response.statusCode).toBe(200);
    response.resume();
    await closed;
    await server?.close();
    expect(server?.connections).toBe(0);
    await expect(post(url)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    agent.destroy();
  });

  it('keeps connections alive between requests', async () => {
    const { url } = await serve(async () => Response.json({}));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = 0; i < 3; i += 1) (await post(url, '{}', agent)).resume();
    await turnUntil(() => server?.connections === 1);
    agent.destroy();
  });
});
