import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from 'openai';
import type { Clock } from '../clock.js';
import {
  abortFailure,
  failureFromHttp,
  failureFromStreamError,
  invalidResponseFailure,
  networkFailure,
  timeoutFailure,
} from './failure.js';
import { isConnectionError } from './http/undici-fetch.js';
import { callProgressGuard, type ProgressGuard } from './progress-guard.js';
import type {
  CallOptions,
  ModelOutcome,
  ModelRequest,
  ModelResponse,
  ProviderFailure,
} from './provider.js';
import { callHeaders } from './provider.js';

/*
 * What the two providers on the official `openai` SDK share (chat completions and the Responses
 * API): the client as the bridge wants it, one call's frame (progress guard, headers, outcome),
 * and how the SDK's errors become failures.
 */

export interface OpenAIClientOptions {
  baseURL: string;
  /** The key itself, read by the caller from the environment; never logged. */
  apiKey: string;
  /** Per-attempt ceiling; the request's deadline signal usually ends a call first. */
  timeoutMs?: number;
  /** A fetch implementation; default: the global fetch, looked up at call time (msw can intercept). */
  fetch?: typeof fetch;
}

/** The SDK client with its own retries off (the bridge's pipeline owns them) and its logger silent. */
export function createOpenAIClient(options: OpenAIClientOptions): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    maxRetries: 0,
    timeout: options.timeoutMs ?? 120_000,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    logLevel: 'off',
  });
}

/** What one attempt sends with the SDK call: the guard's signal and the request's headers. */
export interface SdkRequestOptions {
  signal?: AbortSignal;
  headers: Record<string, string>;
}

/** The answer of one attempt, or the failure its body or stream turned out to be. */
export type SdkAttempt = (
  requestOptions: SdkRequestOptions,
  guard: ProgressGuard,
  startedMs: number,
) => Promise<ModelResponse | ProviderFailure>;

/**
 * One call's frame: a progress guard for streams (first byte, idle), the caller's headers and
 * request id, `attempt` run inside it, and any failure — returned or thrown — as a value.
 */
export async function completeThroughSdk(
  clock: Clock,
  request: ModelRequest,
  callOptions: CallOptions,
  attempt: SdkAttempt,
): Promise<ModelOutcome> {
  const startedMs = clock.now();
  const guard = callProgressGuard(clock, request, callOptions);
  const requestOptions: SdkRequestOptions = {
    ...(guard.signal ? { signal: guard.signal } : {}),
    headers: callHeaders(callOptions),
  };
  try {
    const response = await attempt(requestOptions, guard, startedMs);
    return 'code' in response
      ? {
          state: 'error',
          error: response,
          latencyMs: clock.now() - startedMs,
          model: request.model,
        }
      : { state: 'ok', response };
  } catch (error) {
    return {
      state: 'error',
      error: sdkFailure(error, guard.signal),
      latencyMs: clock.now() - startedMs,
      model: request.model,
    };
  } finally {
    guard.done();
  }
}

/** An SDK error as a failure; `signal` tells a passed deadline from a caller who gave up. */
export function sdkFailure(error: unknown, signal: AbortSignal | undefined): ProviderFailure {
  if (signal?.aborted) {
    const reason: unknown = signal.reason;
    return reason instanceof Error && reason.name === 'TimeoutError'
      ? timeoutFailure('The request deadline passed during the call')
      : abortFailure();
  }
  if (error instanceof APIUserAbortError) return abortFailure();
  if (error instanceof APIConnectionTimeoutError) return timeoutFailure(error.message);
  if (error instanceof APIConnectionError) return networkFailure(error.message);
  if (error instanceof APIError && typeof error.status === 'number') {
    return failureFromHttp(error.status, { error: error.error }, error.headers);
  }
  // An `error` event inside a stream that had started fine: the SDK throws it without a status.
  if (error instanceof APIError)
    return failureFromStreamError({ error: error.error }, error.message);
  if (error instanceof SyntaxError)
    return invalidResponseFailure(`Malformed response: ${error.message}`);
  if (error instanceof TypeError || isConnectionError(error)) return networkFailure(error.message);
  throw error;
}

/** Rough count used only when a backend omits usage: about four characters per token. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** The body of a response that has none, as an empty stream. */
export async function* emptyBody(): AsyncGenerator<Uint8Array> {}
