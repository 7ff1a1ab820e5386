import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Bridge } from '../bridge/create-bridge.js';
import { type Clock, realClock } from '../clock.js';
import { createMemoryStore } from '../state/memory-store.js';
import type { StateStore } from '../state/state-store.js';
import type { ApiKey, ApiKeyRole, ApiKeys } from './api-keys.js';
import { parseChatRequest } from './chat-request.js';
import { chatCompletion } from './chat-response.js';
import { HttpError, sendError, sendJson } from './http-error.js';
import { readJsonBody } from './read-json-body.js';
import { SseAnswer, servedHeaders } from './sse-answer.js';

export interface BridgeServerOptions {
  bridge: Bridge;
  apiKeys: ApiKeys;
  /** Bodies above this get 413; default 1 MiB. */
  maxBodyBytes?: number;
  /** Prometheus exposition for `GET /metrics`; absent: 404. */
  metrics?: () => Promise<{ contentType: string; body: string }>;
  /** Whether to take traffic (`GET /health/ready`); default: always. */
  ready?: () => Promise<boolean>;
  /** Told how long each write of a streamed answer's text waited in the server (a metric). */
  onChunkRelayed?: (latencyMs: number) => void;
  /** Where per-key rate limits are counted (share the bridge's, so replicas agree); default: memory. */
  store?: StateStore;
  clock?: Clock;
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

const CHAT_ROLES: readonly ApiKeyRole[] = ['user', 'admin'];
const METRICS_ROLES: readonly ApiKeyRole[] = ['admin', 'metrics'];

const forbidden = (key: ApiKey, roles: readonly ApiKeyRole[], action = 'use this endpoint') =>
  new HttpError(
    403,
    'permission_error',
    'insufficient_role',
    `Key "${key.name}" has role ${key.role}; to ${action} a key needs role ${roles.join(' or ')}.`,
  );

/**
 * The bridge behind an OpenAI-compatible HTTP API: `POST /v1/chat/completions` (JSON or SSE),
 * `GET /health/live`, `GET /health/ready`, `GET /metrics`. Keys are bearer tokens; every refusal
 * is an OpenAI-shaped error, and nothing a client sends can take the process down.
 */
export function createBridgeServer(options: BridgeServerOptions): BridgeServer {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const store = options.store ?? createMemoryStore();
  const clock = options.clock ?? realClock;
  let inFlight = 0;
  let draining = false;
  const idle: Array<() => void> = [];

  /** The caller's key if it has one of `roles` and its rate limit has room; else a refusal. */
  async function authorize(
    request: IncomingMessage,
    roles: readonly ApiKeyRole[],
  ): Promise<ApiKey> {
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
    if (!roles.includes(key.role)) throw forbidden(key, roles);
    if (key.rateLimit) {
      const take = await store.takeTokens(
        `requests:key:${key.name}`,
        key.rateLimit,
        1,
        clock.wallNow(),
      );
      if (!take.allowed) {
        throw new HttpError(
          429,
          'requests',
          'rate_limit_exceeded',
          `Rate limit of key "${key.name}" reached (${key.rateLimit.refillPerSecond} requests/s).`,
          { 'retry-after': String(Math.max(1, Math.ceil(take.retryAfterMs / 1000))) },
        );
      }
    }
    return key;
  }

  async function chat(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const key = await authorize(request, CHAT_ROLES);
    const body = await readJsonBody(request, maxBodyBytes);
    const header = request.headers['x-bench-path'];
    const parsed = parseChatRequest(body, Array.isArray(header) ? header[0] : header);
    if (parsed.bridgeRequest.metadata?.path !== undefined && key.role !== 'admin')
      throw forbidden(key, ['admin'], `force the ${parsed.bridgeRequest.metadata.path} path`);
    const id = `chatcmpl-${randomUUID()}`;
    const abort = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) abort.abort();
    });
    const sse = parsed.stream
      ? new SseAnswer(response, id, parsed.model, options.onChunkRelayed)
      : undefined;
    const result = await options.bridge.run(
      { ...parsed.bridgeRequest, userId: parsed.bridgeRequest.userId ?? key.name },
      {
        mode: 'hybrid',
        requestId: id,
        signal: abort.signal,
        ...(sse ? { onAnswerText: sse.onText } : {}),
      },
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
      const message = `The bridge could not answer (${result.error?.code ?? 'error'}). Try again later.`;
      if (sse?.started) return sse.fail(message);
      throw new HttpError(503, 'server_error', 'unavailable', message);
    }
    if (sse) return sse.finish(result, parsed.includeUsage);
    // What a load tool needs per request without parsing the body.
    for (const [name, value] of Object.entries(servedHeaders(result)))
      response.setHeader(name, value);
    sendJson(response, 200, chatCompletion(id, parsed.model, result));
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
      await authorize(request, METRICS_ROLES);
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
