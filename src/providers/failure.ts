import type { FailureCode, ProviderFailure } from './provider.js';

/** Minimal header access, so plain objects and `Headers` both work. */
export interface HeaderSource {
  get(name: string): string | null;
}

/**
 * How long the backend asked us to wait, from `retry-after-ms` (Azure, OpenAI) or `retry-after`
 * (seconds, or an HTTP date). Undefined when absent or unparseable.
 */
export function parseRetryAfterMs(
  headers: HeaderSource | undefined,
  nowMs = Date.now(),
): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const after = headers.get('retry-after');
  if (after === null || after.trim() === '') return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Context overflow, as OpenAI, OpenAI-compatible servers (e.g. DeepSeek) and Anthropic word it. */
const CONTEXT_OVERFLOW = /maximum context length|context[_ ]length[_ ]exceeded|prompt is too long/i;

function codeForStatus(
  status: number,
  providerCode: string | undefined,
  message: string | undefined,
): FailureCode {
  if (providerCode === 'context_length_exceeded') return 'context_length_exceeded';
  if (status === 400 && message !== undefined && CONTEXT_OVERFLOW.test(message))
    return 'context_length_exceeded';
  if (status === 429) return 'rate_limited';
  if (status === 529 || providerCode === 'overloaded_error') return 'overloaded';
  if (status === 408) return 'timeout';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  if (status >= 500) return 'server_error';
  return 'bad_request';
}

/**
 * Reads `{ error: { code, type, message } }` (OpenAI), `{ type: 'error', error: { type } }`
 * (Anthropic) or `{ detail: "…" }` (FastAPI servers such as AgentOS).
 */
function describeBody(body: unknown): { providerCode?: string; message?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const detail = (body as { detail?: unknown }).detail;
  if (typeof detail === 'string') return { message: detail };
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return {};
  const { code, type, message } = error as { code?: unknown; type?: unknown; message?: unknown };
  const providerCode =
    typeof code === 'string' ? code : typeof type === 'string' ? type : undefined;
  return {
    ...(providerCode === undefined ? {} : { providerCode }),
    ...(typeof message === 'string' ? { message } : {}),
  };
}

/** Normalises an HTTP error answer from any backend. */
export function failureFromHttp(
  status: number,
  body: unknown,
  headers: HeaderSource | undefined,
  nowMs?: number,
): ProviderFailure {
  const { providerCode, message } = describeBody(body);
  const retryAfterMs = parseRetryAfterMs(headers, nowMs);
  return {
    code: codeForStatus(status, providerCode, message),
    message: message ?? `HTTP ${status}`,
    status,
    ...(providerCode === undefined ? {} : { providerCode }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    isNetwork: false,
    isAbort: false,
  };
}

/**
 * An error reported inside a stream after a 200 (OpenAI sends `data: {"error": …}`): the
 * backend failed mid-answer, which is a server error unless the body says otherwise.
 */
export function failureFromStreamError(body: unknown, fallbackMessage: string): ProviderFailure {
  const { providerCode, message } = describeBody(body);
  const code: FailureCode =
    providerCode === 'rate_limit_exceeded' || providerCode === 'rate_limit_error'
      ? 'rate_limited'
      : providerCode === 'overloaded_error'
        ? 'overloaded'
        : 'server_error';
  return {
    code,
    message: message ?? fallbackMessage,
    ...(providerCode === undefined ? {} : { providerCode }),
    isNetwork: false,
    isAbort: false,
  };
}

export function networkFailure(message: string): ProviderFailure {
  return { code: 'network', message, isNetwork: true, isAbort: false };
}

export function timeoutFailure(message: string): ProviderFailure {
  return { code: 'timeout', message, isNetwork: false, isAbort: false };
}

export function abortFailure(message = 'The call was aborted'): ProviderFailure {
  return { code: 'aborted', message, isNetwork: false, isAbort: true };
}

export function invalidResponseFailure(message: string): ProviderFailure {
  return { code: 'invalid_response', message, isNetwork: false, isAbort: false };
}
