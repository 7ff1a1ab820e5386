import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type { FetchHandler } from '../handler.js';
import { LazyAbort } from './lazy-abort.js';
import { reset, writeResponse } from './write-response.js';

export type { FetchHandler } from '../handler.js';

/** Options of {@link startHttpMockServer}. */
export interface HttpMockServerOptions {
  /** Answers every request, e.g. `createOpenAIChatMock(...)`, maybe wrapped by `withFaults`. */
  handler: FetchHandler;
  /** Default 0: the system picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Idle keep-alive sockets close after this long; default 30 s. */
  keepAliveTimeoutMs?: number;
}

/** A running loopback server. */
export interface HttpMockServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  /** Sockets open right now. */
  readonly connections: number;
  /** Stops accepting, lets in-flight requests finish, then closes idle sockets. Idempotent. */
  close(): Promise<void>;
}

const NO_BODY = new Set(['GET', 'HEAD']);

/** Node's raw header list into web `Headers`, in one pass. */
function headersOf(raw: readonly string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2)
    headers.append(raw[i] as string, raw[i + 1] as string);
  return headers;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () =>
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)),
    );
    req.once('error', reject);
  });
}

/**
 * Serves a fetch-style handler on a real loopback port: the transport for load tests, and for
 * any client msw cannot see (autocannon, k6, another process). Node's request becomes a web
 * `Request` with the body as one Buffer and a signal that aborts when the client goes away;
 * the `Response` goes back without web streams where it can (see `writeResponse`). Node adds
 * `connection: keep-alive` and `keep-alive: timeout=…` itself; setting the header by hand
 * would override a client's `connection: close` and drop the timeout hint.
 *
 * @example
 * const server = await startHttpMockServer({ handler: createOpenAIChatMock({ seed: 1 }) });
 * const client = new OpenAI({ apiKey: 'test', baseURL: `${server.url}/v1` });
 * // ... then await server.close();
 */
export async function startHttpMockServer(options: HttpMockServerOptions): Promise<HttpMockServer> {
  const host = options.host ?? '127.0.0.1';
  const keepAliveTimeoutMs = options.keepAliveTimeoutMs ?? 30_000;
  /** Every open socket, with the number of requests it is answering. */
  const sockets = new Map<Socket, number>();
  let origin = '';
  let closing: Promise<void> | undefined;

  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    const disconnect = new LazyAbort();
    const socket = req.socket;
    sockets.set(socket, (sockets.get(socket) ?? 0) + 1);
    // 'close' before 'finish' means the client left (or the socket died) mid-answer.
    res.once('close', () => {
      const inFlight = (sockets.get(socket) ?? 1) - 1;
      if (sockets.has(socket)) sockets.set(socket, inFlight);
      if (!res.writableFinished) {
        disconnect.abort();
        // Node keeps a half-closed socket (allowHalfOpen) after the client left; nothing more
        // can be said on it.
        socket.destroy();
      } else if (closing && inFlight === 0) socket.destroy();
    });
    if (closing) res.shouldKeepAlive = false;
    const method = req.method ?? 'GET';
    try {
      const body = NO_BODY.has(method) ? undefined : await readBody(req);
      const request = new Request(origin + (req.url ?? '/'), {
        method,
        headers: headersOf(req.rawHeaders),
        ...(body && body.length > 0 ? { body } : {}),
      });
      disconnect.attachTo(request);
      await writeResponse(res, await options.handler(request));
    } catch (error) {
      failRequest(res, error);
    }
  };

  const server = createServer({ keepAlive: true, noDelay: true }, (req, res) => {
    void onRequest(req, res);
  });
  server.keepAliveTimeout = keepAliveTimeoutMs;
  // Must exceed keepAliveTimeout, or a request arriving just as an idle socket expires is cut.
  server.headersTimeout = keepAliveTimeoutMs + 1_000;
  server.on('connection', (socket: Socket) => {
    socket.setNoDelay(true);
    sockets.set(socket, 0);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: origin,
    port,
    get connections() {
      return sockets.size;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        // Not events.once: it rejects on 'error', and a reset socket emits one before 'close'.
        const open = [...sockets.keys()].map(
          (socket) => new Promise((closed) => socket.once('close', closed)),
        );
        server.close(() => {
          void Promise.all(open).then(() => resolve());
        });
        // Idle sockets go now (clients may hold spare ones that never carried a request, which
        // node's closeIdleConnections leaves open); busy ones go when their answer is done.
        for (const [socket, inFlight] of sockets) if (inFlight === 0) socket.destroy();
      });
      return closing;
    },
  };
}

/** A handler that threw: a 500 the way OpenAI words it, or a reset once bytes have left. */
function failRequest(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    reset(res);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  const body = JSON.stringify({
    error: {
      message: `Mock handler failed: ${message}`,
      type: 'server_error',
      param: null,
      code: null,
    },
  });
  res.writeHead(500, { 'content-type': 'application/json' });
  res.end(body);
}
