import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUndiciFetch, isConnectionError, type UndiciFetch } from './undici-fetch.js';

let server: Server;
let origin: string;

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body;
}

function route(req: IncomingMessage, res: ServerResponse): void {
  void readBody(req).then((body) => {
    if (req.url === '/echo') {
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({ method: req.method, body, auth: req.headers.authorization ?? null }),
      );
    } else if (req.url === '/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: 1\n\n');
      setTimeout(() => res.end('data: 2\n\n'), 20);
    } else if (req.url === '/hang-up') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: 1\n\n');
      setTimeout(() => res.socket?.destroy(), 20);
    } else if (req.url === '/slow') {
      res.writeHead(200);
      res.write('x');
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('no such page');
    }
  });
}

/** Reads a response's body to its end (or its error). */
async function drain(response: Response): Promise<void> {
  for await (const _ of response.body as unknown as AsyncIterable<Buffer>);
}

beforeAll(async () => {
  server = createServer(route);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
});

describe('createUndiciFetch', () => {
  let http: UndiciFetch;
  beforeEach(() => {
    http = createUndiciFetch();
  });
  afterEach(() => http.close());

  it('sends method, headers and body, and answers with status, headers and JSON', async () => {
    const response = await http.fetch(`${origin}/echo`, {
      method: 'POST',
      headers: new Headers({ authorization: 'Bearer k', 'content-type': 'application/json' }),
      body: '{"x":1}',
    });
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.has('x-missing')).toBe(false);
    expect(response.headers.get('x-missing')).toBeNull();
    expect(Object.fromEntries(response.headers.entries())).toMatchObject({
      'content-type': 'application/json',
      'set-cookie': 'a=1, b=2',
    });
    expect([...response.headers].length).toBeGreaterThan(2);
    expect(await response.json()).toEqual({ method: 'POST', body: '{"x":1}', auth: 'Bearer k' });
    expect(response.bodyUsed).toBe(true);
  });

  it('takes headers as a plain object or pairs, and a URL', async () => {
    const asObject = await http.fetch(new URL(`${origin}/echo`), {
      headers: { authorization: 'Bearer o' },
    });
    expect(await asObject.json()).toMatchObject({ method: 'GET', auth: 'Bearer o' });
    const asPairs = await http.fetch(`${origin}/echo`, {
      headers: [['authorization', 'Bearer p']],
    });
    expect(await asPairs.json()).toMatchObject({ auth: 'Bearer p' });
  });

  it('answers an error status as a response, its body as text', async () => {
    const response = await http.fetch(`${origin}/missing`);
    expect(response.ok).toBe(false);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('no such page');
  });

  it('streams the body chunk by chunk, as an async iterable', async () => {
    const response = await http.fetch(`${origin}/stream`);
    const chunks: string[] = [];
    for await (const chunk of response.body as unknown as AsyncIterable<Buffer>)
      chunks.push(String(chunk));
    expect(chunks.join('')).toBe('data: 1\n\ndata: 2\n\n');
  });

  it('raises a connection error when the server hangs up mid-body', async () => {
    const response = await http.fetch(`${origin}/hang-up`);
    const error: unknown = await drain(response).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isConnectionError(error)).toBe(true);
  });

  it('stops on the signal, before and during the body', async () => {
    const early = new AbortController();
    early.abort();
    await expect(http.fetch(`${origin}/echo`, { signal: early.signal })).rejects.toThrow();

    const late = new AbortController();
    const response = await http.fetch(`${origin}/slow`, { signal: late.signal });
    const reading = drain(response);
    late.abort(new DOMException('gone', 'AbortError'));
    await expect(reading).rejects.toThrow();
  });

  it('leaves a Request object or a stream body to the global fetch', async () => {
    const viaRequest = await http.fetch(
      new Request(`${origin}/echo`, { method: 'PUT', body: 'r' }),
    );
    expect(viaRequest).toBeInstanceOf(Response);
    expect(await viaRequest.json()).toMatchObject({ method: 'PUT', body: 'r' });
    const viaBlob = await http.fetch(`${origin}/echo`, { method: 'POST', body: new Blob(['b']) });
    expect(viaBlob).toBeInstanceOf(Response);
    expect(await viaBlob.json()).toMatchObject({ body: 'b' });
  });

  it('reports a refused connection as the rejection of the call', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    await expect(http.fetch(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});

describe('isConnectionError', () => {
  it('knows undici and system socket errors from other errors', () => {
    expect(isConnectionError(Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' }))).toBe(true);
    expect(
      isConnectionError(Object.assign(new Error('x'), { code: 'ECONNRESET', syscall: 'read' })),
    ).toBe(true);
    expect(isConnectionError(Object.assign(new Error('x'), { code: 'HB_CONFIG' }))).toBe(false);
    expect(isConnectionError(new TypeError('x'))).toBe(false);
    expect(isConnectionError('UND_ERR_SOCKET')).toBe(false);
  });
});
