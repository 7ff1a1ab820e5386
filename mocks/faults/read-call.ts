import { createHash } from 'node:crypto';
import type { FaultDialect } from './fault-profile.js';

/** What a fault decision needs to know about one call. */
export interface FaultCall {
  dialect: FaultDialect;
  /** The body's `model`; for Agno, which names none, the agent (team, workflow) id. */
  model: string;
  streaming: boolean;
  /** The `x-bench-path` header, or null. */
  benchPath: string | null;
  /** The `x-bench-agent` header (the agent making the call), or null. */
  benchAgent: string | null;
  /** The `x-bench-scenario` header (the suite request served), or null. */
  benchScenario: string | null;
  /** `x-client-request-id`, or a hash of the body: the same call keeps the same key. */
  requestKey: string;
  /** The body as read, to hand on to the wrapped handler. */
  body: Uint8Array | undefined;
}

const AGNO_RUN = /\/(?:agents|teams|workflows)\/([^/]+)\/runs$/;
// pydantic's lax bool parsing of the `stream` form field (AgentOS defaults it to true).
const FALSE_WORDS = new Set(['0', 'off', 'f', 'false', 'n', 'no']);
const decoder = new TextDecoder();

/**
 * The provider dialect from the URL path. OpenAI's chat completions and Responses API
 * (`/v1/responses`) are `openai`, as is anything unknown (treated as OpenAI-compatible).
 */
export function dialectOf(pathname: string): FaultDialect {
  if (pathname.endsWith('/messages')) return 'anthropic';
  if (AGNO_RUN.test(pathname)) return 'agno';
  return 'openai';
}

function jsonFields(text: string): { model: string; stream: boolean } {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body !== 'object' || body === null) return { model: '', stream: false };
    const { model, stream } = body as { model?: unknown; stream?: unknown };
    return { model: typeof model === 'string' ? model : '', stream: stream === true };
  } catch {
    // Not JSON: the wrapped handler will answer it with its own 400.
    return { model: '', stream: false };
  }
}

async function agnoStreaming(request: Request, body: Uint8Array | undefined): Promise<boolean> {
  if (body === undefined) return true;
  try {
    const form = await new Request(request.url, {
      method: 'POST',
      headers: request.headers,
      body,
    }).formData();
    const stream = form.getAll('stream').at(-1);
    return typeof stream !== 'string' || !FALSE_WORDS.has(stream.toLowerCase());
  } catch {
    return true;
  }
}

/** Reads the call once: the body is consumed here and handed on in {@link FaultCall.body}. */
export async function readFaultCall(request: Request): Promise<FaultCall> {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const body = hasBody ? new Uint8Array(await request.arrayBuffer()) : undefined;
  const pathname = new URL(request.url).pathname;
  const dialect = dialectOf(pathname);
  const clientKey = request.headers.get('x-client-request-id');
  const requestKey =
    clientKey ??
    createHash('sha256')
      .update(body ?? '')
      .digest('hex');
  const labels = {
    benchPath: request.headers.get('x-bench-path'),
    benchAgent: request.headers.get('x-bench-agent'),
    benchScenario: request.headers.get('x-bench-scenario'),
  };
  if (dialect === 'agno') {
    const agentId = AGNO_RUN.exec(pathname)?.[1] ?? '';
    const streaming = await agnoStreaming(request, body);
    return { dialect, model: decodeURIComponent(agentId), streaming, ...labels, requestKey, body };
  }
  const { model, stream } = body ? jsonFields(decoder.decode(body)) : { model: '', stream: false };
  return { dialect, model, streaming: stream, ...labels, requestKey, body };
}

/**
 * The request again, with the body already read. `signal` is forwarded by a getter rather than
 * passed to `new Request`: undici would follow it with a new AbortController per request, which
 * costs more than the rest of this copy (see the loopback server's note on signals).
 */
export function withBody(request: Request, body: Uint8Array | undefined): Request {
  const copy = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    ...(body === undefined ? {} : { body }),
  });
  Object.defineProperty(copy, 'signal', { get: () => request.signal, configurable: true });
  return copy;
}
