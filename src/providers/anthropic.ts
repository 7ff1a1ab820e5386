import type Anthropic from '@anthropic-ai/sdk';
import type {
  Message,
  MessageCreateParamsBase,
  RawMessageStreamEvent,
} from '@anthropic-ai/sdk/resources/messages';
import type { Stream } from '@anthropic-ai/sdk/streaming';
import { type Clock, realClock } from '../clock.js';
import {
  StreamedMessage,
  textOf,
  toAnthropicParams,
  toFinishReason,
  toolCallsOf,
  toUsage,
} from './anthropic-wire.js';
import {
  abortFailure,
  failureFromHttp,
  invalidResponseFailure,
  networkFailure,
  timeoutFailure,
} from './failure.js';
import { isConnectionError } from './http/undici-fetch.js';
import type {
  CallOptions,
  ModelOutcome,
  ModelRequest,
  ModelResponse,
  Provider,
  ProviderFailure,
} from './provider.js';
import { callHeaders } from './provider.js';

export { DEFAULT_ANTHROPIC_MAX_TOKENS } from './anthropic-wire.js';

export interface AnthropicProviderOptions {
  /** Names the backend in records and metrics; default `anthropic`. */
  id?: string;
  /** The API origin without `/v1`, e.g. `https://api.anthropic.com`: the SDK adds `/v1/messages`. */
  baseURL: string;
  /** The key itself, read by the caller from the environment; never logged. */
  apiKey: string;
  clock?: Clock;
  /** Per-attempt ceiling; the request's deadline signal usually ends a call first. */
  timeoutMs?: number;
  /** A fetch implementation; default: the global fetch, looked up at call time. */
  fetch?: typeof fetch;
}

/*
 * Requests go through the client's typed `post` rather than `messages.create`: create() adds
 * nothing to the request for these parameters, but it `console.warn`s on every call naming a
 * deprecated model (claude-sonnet-4-5 in SDK 1.13), which would flood stderr under load.
 */
const MESSAGES_PATH = '/v1/messages';

type AnthropicSdk = typeof import('@anthropic-ai/sdk');

/*
 * The SDK (some 250 modules, about 24 MB of a process) is loaded with the first call of the first
 * Anthropic provider, not with the library: a bridge serving another provider never carries it.
 */
let sdkLoading: Promise<AnthropicSdk> | undefined;
let sdk: AnthropicSdk | undefined;
function loadSdk(): Promise<AnthropicSdk> {
  sdkLoading ??= import('@anthropic-ai/sdk').then((loaded) => {
    sdk = loaded;
    return loaded;
  });
  return sdkLoading;
}

/**
 * A provider for the Anthropic Messages API, on the official SDK.
 *
 * The SDK's own retries are switched off (`maxRetries: 0`): the bridge's pipeline is the one
 * retry owner. Its logger and OpenTelemetry spans are off too: library code never prints, and
 * the bridge's telemetry owns the spans.
 *
 * @example
 * const provider = createAnthropicProvider({ baseURL: 'https://api.anthropic.com', apiKey });
 * const outcome = await provider.complete({
 *   model: 'claude-haiku-4-5',
 *   messages: [{ role: 'user', content: 'Hi' }],
 * });
 */
export function createAnthropicProvider(options: AnthropicProviderOptions): Provider {
  const clock = options.clock ?? realClock;
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let client: Anthropic | undefined;
  const clientOf = async (): Promise<Anthropic> => {
    const { default: AnthropicClient } = await loadSdk();
    client ??= new AnthropicClient({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      maxRetries: 0,
      timeout: options.timeoutMs ?? 120_000,
      fetch: fetchImpl,
      logLevel: 'off',
      openTelemetry: false,
    });
    return client;
  };
  const id = options.id ?? 'anthropic';

  async function complete(
    request: ModelRequest,
    callOptions: CallOptions = {},
  ): Promise<ModelOutcome> {
    const startedMs = clock.now();
    const params = toAnthropicParams(request);
    const requestOptions = {
      ...(callOptions.signal ? { signal: callOptions.signal } : {}),
      headers: callHeaders(callOptions),
    };
    const failed = (error: ProviderFailure): ModelOutcome => ({
      state: 'error',
      error,
      latencyMs: clock.now() - startedMs,
      model: request.model,
    });
    try {
      const client = await clientOf();
      const response = request.stream
        ? await streamed(
            client,
            params,
            requestOptions,
            startedMs,
            callOptions.signal,
            callOptions.onText,
          )
        : await plain(client, params, requestOptions, startedMs);
      return 'code' in response ? failed(response) : { state: 'ok', response };
    } catch (error) {
      return failed(toFailure(error, callOptions.signal));
    }
  }

  async function plain(
    client: Anthropic,
    params: MessageCreateParamsBase,
    requestOptions: Anthropic.RequestOptions,
    startedMs: number,
  ): Promise<ModelResponse> {
    const message = await client.post<Message>(MESSAGES_PATH, {
      body: { ...params, stream: false },
      ...requestOptions,
    });
    return {
      text: textOf(message.content),
      toolCalls: toolCallsOf(message.content),
      usage: toUsage(message.usage),
      usageEstimated: false,
      latencyMs: clock.now() - startedMs,
      model: message.model,
      finishReason: toFinishReason(message.stop_reason),
    };
  }

  async function streamed(
    client: Anthropic,
    params: MessageCreateParamsBase,
    requestOptions: Anthropic.RequestOptions,
    startedMs: number,
    signal: AbortSignal | undefined,
    onText: ((delta: string) => void) | undefined,
  ): Promise<ModelResponse | ProviderFailure> {
    const stream = await client.post<Stream<RawMessageStreamEvent>>(MESSAGES_PATH, {
      body: { ...params, stream: true },
      stream: true,
      ...requestOptions,
    });
    const message = new StreamedMessage(params.model);
    let ttftMs: number | undefined;
    for await (const event of stream) {
      if (message.add(event) && ttftMs === undefined) ttftMs = clock.now() - startedMs;
      if (onText && event.type === 'content_block_delta' && event.delta.type === 'text_delta')
        onText(event.delta.text);
    }
    // The SDK ends a stream quietly when its request aborts; the caller must still hear why.
    signal?.throwIfAborted();
    const usage = message.usage();
    if (!message.stopped || usage === undefined) {
      return invalidResponseFailure('The stream ended before message_stop');
    }
    return {
      text: message.text,
      toolCalls: message.toolCalls(),
      usage,
      usageEstimated: false,
      ...(ttftMs === undefined ? {} : { ttftMs }),
      latencyMs: clock.now() - startedMs,
      model: message.model,
      finishReason: toFinishReason(message.stopReason),
    };
  }

  return { id, complete };
}

// An error event inside a 200 stream carries only its type; these are the statuses it stands for.
const STATUS_OF_ERROR_TYPE: Readonly<Record<string, number>> = {
  invalid_request_error: 400,
  authentication_error: 401,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  overloaded_error: 529,
};

function toFailure(error: unknown, signal: AbortSignal | undefined): ProviderFailure {
  if (signal?.aborted) {
    const reason: unknown = signal.reason;
    return reason instanceof Error && reason.name === 'TimeoutError'
      ? timeoutFailure('The request deadline passed during the call')
      : abortFailure();
  }
  // No SDK loaded: the error is its failure to load, a bug or a broken install, not a failure.
  if (!sdk) throw error;
  const { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } = sdk;
  if (error instanceof APIUserAbortError) return abortFailure();
  if (error instanceof APIConnectionTimeoutError) return timeoutFailure(error.message);
  if (error instanceof APIConnectionError) return networkFailure(error.message);
  if (error instanceof APIError) {
    const inStream = typeof error.status !== 'number';
    const status = inStream ? (STATUS_OF_ERROR_TYPE[error.type ?? ''] ?? 500) : error.status;
    const failure = failureFromHttp(status, error.error, error.headers);
    // The API says a prompt is over the context window only in words ("prompt is too long:
    // 208310 tokens > 200000 maximum"), with the generic invalid_request_error type.
    if (failure.code === 'bad_request' && /prompt is too long/i.test(failure.message)) {
      failure.code = 'context_length_exceeded';
    }
    // The HTTP answer of an in-stream error was a 200; its failure code tells the rest.
    return inStream ? { ...failure, status: 200 } : failure;
  }
  if (error instanceof SyntaxError) {
    return invalidResponseFailure(`Malformed response: ${error.message}`);
  }
  if (error instanceof TypeError || isConnectionError(error)) return networkFailure(error.message);
  throw error;
}
