/**
 * The one interface every model backend implements, and the normalised shapes it speaks.
 *
 * A call's expected failures (429, 5xx, timeouts, aborts, network errors) are values, not
 * exceptions: `complete()` resolves to `{ state: 'error' }` with a {@link ProviderFailure}
 * that retry and breaker policies can read without knowing which vendor produced it.
 */

export interface ToolCall {
  id: string;
  name: string;
  /** The arguments exactly as the model produced them (a JSON string, possibly invalid). */
  arguments: string;
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: readonly ToolCall[] }
  | { role: 'tool'; content: string; toolCallId: string };

/** A tool as a model sees it: name, description and a JSON Schema for its arguments. */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export interface ModelRequest {
  model: string;
  messages: readonly ChatMessage[];
  tools?: readonly ToolSpec[];
  maxOutputTokens?: number;
  temperature?: number;
  /** Stream the response (time to first token is only measured when streaming). */
  stream?: boolean;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Sent to the backend as `x-client-request-id`, so its logs and mocks can correlate calls. */
  requestId?: string;
  /** Extra request headers (trace context, test-harness labels). Never put secrets here. */
  headers?: Readonly<Record<string, string>>;
  /**
   * Streaming calls only: give up (`timeout`) when the response has not started within this
   * long, so a backend stalled before its first byte costs seconds, not the whole deadline.
   */
  firstByteTimeoutMs?: number;
  /** Streaming calls only: give up (`timeout`) when, once started, nothing arrives for this long. */
  streamIdleTimeoutMs?: number;
  /** Streaming calls only: called once, when the response starts arriving (for hedging). */
  onFirstByte?: () => void;
  /** Streaming calls only: each piece of answer text as it arrives (tool-call deltas excluded). */
  onText?: (delta: string) => void;
}

/** The headers a call sends: the caller's, and `x-client-request-id` when it has a request id. */
export function callHeaders(options: CallOptions): Record<string, string> {
  return options.requestId
    ? { ...options.headers, 'x-client-request-id': options.requestId }
    : { ...options.headers };
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  /** Input tokens served from the provider's prompt cache (billed at the cache-read price). */
  cachedInputTokens?: number;
}

export const FINISH_REASONS = ['stop', 'length', 'tool_calls', 'content_filter', 'other'] as const;
export type FinishReason = (typeof FINISH_REASONS)[number];

/** A tool call a server-side agent made and ran itself (e.g. an Agno AgentOS run). */
export interface ServerToolCall extends ToolCall {
  /** The tool's result as the server gave it to the model. */
  result: string;
  isError: boolean;
  durationMs?: number;
}

export interface ModelResponse {
  text: string;
  toolCalls: ToolCall[];
  usage: Usage;
  /** True when the backend sent no usage and the tokens were counted locally. */
  usageEstimated: boolean;
  /** Time to the first content or tool-call token; only known when streaming. */
  ttftMs?: number;
  latencyMs: number;
  /** The model that answered, as the backend reports it (may be a dated snapshot name). */
  model: string;
  finishReason: FinishReason;
  /** Served from the bridge's response cache, not the backend: says nothing about model latency. */
  cached?: boolean;
  /** Tools the backend already ran (remote agents); `toolCalls` then stays empty. */
  serverToolCalls?: readonly ServerToolCall[];
}

/** Stable, vendor-neutral failure classes. */
export const FAILURE_CODES = [
  'rate_limited',
  'overloaded',
  'server_error',
  'bad_request',
  'context_length_exceeded',
  'auth',
  'not_found',
  'timeout',
  'network',
  'aborted',
  'invalid_response',
  // Refusals made by the bridge itself, before or instead of calling the backend:
  'circuit_open',
  'budget_exceeded',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

export interface ProviderFailure {
  code: FailureCode;
  message: string;
  /** HTTP status when the backend answered; absent for network errors, timeouts and aborts. */
  status?: number;
  /** The backend's own error code or type (e.g. `rate_limit_exceeded`), for diagnostics. */
  providerCode?: string;
  /** From `retry-after-ms` or `retry-after` (seconds or HTTP date). */
  retryAfterMs?: number;
  isNetwork: boolean;
  isAbort: boolean;
}

export type ModelOutcome =
  | { state: 'ok'; response: ModelResponse }
  | { state: 'error'; error: ProviderFailure; latencyMs: number; model: string };

export interface Provider {
  /** Identifies the backend in records, metrics and breaker keys, e.g. `openai`. */
  readonly id: string;
  /**
   * Who retries failed calls. `caller` (the default): this provider makes exactly one attempt
   * and the bridge's retry policy owns retries. `provider`: it retries internally (an SDK left
   * at its defaults, a remote agent), so the bridge must not add attempts on top.
   */
  readonly retryOwner?: 'caller' | 'provider';
  complete(request: ModelRequest, options?: CallOptions): Promise<ModelOutcome>;
}

/** A failure is worth retrying when the backend may succeed on a later attempt. */
export function isRetryable(failure: ProviderFailure): boolean {
  return isTransientFailure(failure.code);
}

/**
 * Failures that come from the backend's condition (overloaded, erroring, slow, unreachable),
 * not from the request or the caller: worth a retry, and held against the backend's breaker.
 */
export function isTransientFailure(code: FailureCode): boolean {
  switch (code) {
    case 'rate_limited':
    case 'overloaded':
    case 'server_error':
    case 'timeout':
    case 'network':
    // A cut or garbled answer is a transport accident; the same request usually succeeds again.
    case 'invalid_response':
      return true;
    case 'bad_request':
    case 'context_length_exceeded':
    case 'auth':
    case 'not_found':
    case 'aborted':
    case 'circuit_open':
    case 'budget_exceeded':
      return false;
  }
}
