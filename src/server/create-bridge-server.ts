import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Bridge } from '../bridge/create-bridge.js';
import type { ApiKeys } from './api-keys.js';
import { parseChatRequest } from './chat-request.js';
import { chatCompletion, chatCompletionEvents } from './chat-response.js';
import { HttpError, sendError, sendJson } from './http-error.js';
import { readJsonBody } from './read-json-body.js';

export interface BridgeServerOptions {
  bridge: Bridge;
  apiKeys: ApiKeys;
  /** Bodies above this get 413; default 1 MiB. */
  maxBodyBytes?: number;
  /** Prometheus exposition for `GET /metrics`; absent: 404. */
  metrics?: () => Promise<{ contentType: string; body: string }>;
  /** Whether to take traffic (`GET /health/ready`); default: always. */
  ready?: () => Promise<boolean>;
}

export interface BridgeServer {
  server: Server;
  /** Stops accepting, lets requests in flight finish (up to `graceMs`), then closes. */
  close(graceMs?: number): Promise<void>;
}

const notFound = () =>
  new HttpError(
    404,
    'invalid_request_error',
    'not_found',
    'No such route. POST /v1/chat/completions.',
  );

/**
 * The bridge behind an OpenAI-compatible HTTP API: `POST /v1/chat/completions` (JSON or SSE),
 * `GET /health/live`, `GET /health/ready`, `GET /metrics`. Keys are bearer tokens; every refusal
 * is an OpenAI-shaped error, and nothing a client sends can take the process down.
 */
export function createBridgeServer(options: BridgeServerOptions): BridgeServer {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  let inFlight = 0;
  let draining = false;
  const idle: Array<() => void> = [];

  async function chat(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const token = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim();
    const key = token ? options.apiKeys.find(token) : undefined;
    if (!key) {
      throw new HttpError(
        401,
        'invalid_request_error',
        'invalid_api_key',
        token
          ? 'Incorrect API key provided.'
          : 'Missing API key: send Authorization: Bearer <key>.',
      );
    }
    const body = await readJsonBody(request, maxBodyBytes);
    const header = request.headers['x-bench-path'];
    const parsed = parseChatRequest(body, Array.isArray(header) ? header[0] : header);
    const id = `chatcmpl-${randomUUID()}`;
    const abort = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) abort.abort();
    });
    const result = await options.bridge.run(
      { ...parsed.bridgeRequest, userId: parsed.bridgeRequest.userId ?? key.name },
      { mode: 'hybrid', requestId: id, signal: abort.signal },
    );
    if (result.rejected) {
      const seconds = Math.max(1, Math.ceil((result.rejected.retryAfterMs ?? 1000) / 1000));
      throw new HttpError(
        429,
        result.rejected.reason === 'rate_limited' ? 'requests' : 'insufficient_quota',
        result.rejected.reason,
        `Refused by the ${result.rejected.scope} ${result.rejected.reason === 'rate_limited' ? 'rate limit' : 'budget'}.`,
        { 'retry-after': String(seconds) },
      );
    }
    if (result.state === 'error') {
      throw new HttpError(
        503,
        'server_error',
        'unavailable',
        `The bridge could not answer (${result.error?.code ?? 'error'}). Try again later.`,
      );
    }
    response.setHeader('x-bench-served-by', result.servedBy);
    if (!parsed.stream) {
      sendJson(response, 200, chatCompletion(id, parsed.model, result));
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    for (const event of chatCompletionEvents(id, parsed.model, result, parsed.includeUsage))
      response.write(event);
    response.end();
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/v1/chat/completions') {
      if (request.method !== 'POST')
        throw new HttpError(405, 'invalid_request_error', 'method_not_allowed', 'Use POST.');
      if (draining)
        throw new HttpError(503, 'server_error', 'shutting_down', 'The server is shutting down.');
      return chat(request, response);
    }
    if (request.method !== 'GET') throw notFound();
    if (path === '/health/live') return sendJson(response, 200, { status: 'ok' });
    if (path === '/health/ready') {
      const ready = !draining && ((await options.ready?.()) ?? true);
      return sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
    }
    if (path === '/metrics' && options.metrics) {
      const { contentType, body } = await options.metrics();
      response.writeHead(200, { 'content-type': contentType });
      response.end(body);
      return;
    }
    throw notFound();
  }

  const server = createServer((request, response) => {
    inFlight++;
    route(request, response)
      .catch((error: unknown) => {
        const refusal =
          error instanceof HttpError
            ? error
            : new HttpError(500, 'server_error', 'internal_error', 'Internal error.');
        if (response.headersSent) response.destroy();
        else sendError(response, refusal);
      })
      .finally(() => {
        inFlight--;
        if (inFlight === 0) for (const wake of idle.splice(0)) wake();
      });
  });
  // A client that stops mid-request must not leave a socket error unhandled.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });

  return {
    server,
    async close(graceMs = 10_000) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => idle.push(resolve)),
          new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref()),
        ]);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}
