import type OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParams,
} from 'openai/resources/chat/completions';
import { type Clock, realClock } from '../clock.js';
import { failureFromStreamError, invalidResponseFailure } from './failure.js';
import { readContentDelta } from './openai-content-delta.js';
import {
  completeThroughSdk,
  createOpenAIClient,
  emptyBody,
  estimateTokens,
  sdkFailure,
} from './openai-sdk.js';
import {
  ToolCallAccumulator,
  toFinishReason,
  toOpenAIMessages,
  toOpenAITools,
  toToolCalls,
  toUsage,
} from './openai-wire.js';
import type { ProgressGuard } from './progress-guard.js';
import type {
  CallOptions,
  FinishReason,
  ModelOutcome,
  ModelRequest,
  ModelResponse,
  Provider,
  ProviderFailure,
  Usage,
} from './provider.js';
import { sseEventBatches } from './sse-events.js';

export interface OpenAICompatibleOptions {
  /** Names the backend in records and metrics; default `openai`. */
  id?: string;
  baseURL: string;
  /** The key itself, read by the caller from the environment; never logged. */
  apiKey: string;
  clock?: Clock;
  /** Per-attempt ceiling; the request's deadline signal usually ends a call first. */
  timeoutMs?: number;
  /** A fetch implementation; default: the global fetch, looked up at call time. */
  fetch?: typeof fetch;
}

/**
 * A provider for any OpenAI-compatible chat-completions endpoint, on the official SDK.
 *
 * The SDK's own retries are switched off (`maxRetries: 0`): the bridge's pipeline is the one
 * retry owner, so attempts are never multiplied.
 *
 * @example
 * const provider = createOpenAICompatibleProvider({ baseURL: 'https://api.openai.com/v1', apiKey });
 * const outcome = await provider.complete({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
 */
export function createOpenAICompatibleProvider(options: OpenAICompatibleOptions): Provider {
  const clock = options.clock ?? realClock;
  const client = createOpenAIClient(options);
  const id = options.id ?? 'openai';

  function complete(request: ModelRequest, callOptions: CallOptions = {}): Promise<ModelOutcome> {
    const params: ChatCompletionCreateParams = {
      model: request.model,
      messages: toOpenAIMessages(request.messages),
      ...(request.tools && request.tools.length > 0 ? { tools: toOpenAITools(request.tools) } : {}),
      ...(request.maxOutputTokens === undefined
        ? {}
        : { max_completion_tokens: request.maxOutputTokens }),
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    };
    return completeThroughSdk(clock, request, callOptions, (requestOptions, guard, startedMs) =>
      request.stream
        ? streamed(params, requestOptions, startedMs, guard, callOptions)
        : plain(params, requestOptions, startedMs),
    );
  }

  async function plain(
    params: ChatCompletionCreateParams,
    requestOptions: OpenAI.RequestOptions,
    startedMs: number,
  ): Promise<ModelResponse | ProviderFailure> {
    const completion: unknown = await client.chat.completions.create(
      { ...params, stream: false },
      requestOptions,
    );
    // The SDK hands back a non-JSON 200 (a proxy's HTML page, say) as a string.
    if (!isCompletion(completion)) {
      return invalidResponseFailure('The 200 answer is not a chat completion object');
    }
    const choice = completion.choices[0];
    if (!choice) return invalidResponseFailure('The completion has no choices');
    const text = choice.message.content ?? '';
    const toolCalls = toToolCalls(choice.message);
    const usage = toUsage(completion.usage);
    return {
      text,
      toolCalls,
      usage: usage ?? estimatedUsage(params, text),
      usageEstimated: usage === undefined,
      latencyMs: clock.now() - startedMs,
      model: completion.model,
      finishReason: toFinishReason(choice.finish_reason),
    };
  }

  async function streamed(
    params: ChatCompletionCreateParams,
    requestOptions: OpenAI.RequestOptions,
    startedMs: number,
    guard: ProgressGuard,
    { onFirstByte, onText }: Pick<CallOptions, 'onFirstByte' | 'onText'>,
  ): Promise<ModelResponse | ProviderFailure> {
    // The SDK sends the request and turns error statuses into errors; the body is read here, in
    // one pass (the SDK's reader copies the rest of a chunk for every event it takes from it).
    const response = await client.chat.completions
      .create({ ...params, stream: true, stream_options: { include_usage: true } }, requestOptions)
      .asResponse();
    guard.progress();
    onFirstByte?.();
    const calls = new ToolCallAccumulator();
    let text = '';
    let ttftMs: number | undefined;
    let usage: Usage | undefined;
    let model = params.model;
    let finishReason: FinishReason | undefined;
    let done = false;
    const addText = (content: string) => {
      ttftMs ??= clock.now() - startedMs;
      text += content;
      onText?.(content);
    };
    for await (const events of sseEventBatches(response.body ?? emptyBody())) {
      guard.progress();
      for (const event of events) {
        if (done) continue;
        if (event.data.startsWith('[DONE]')) {
          done = true;
          continue;
        }
        // Most chunks only add text: read those by shape, parse the rest.
        const plain = readContentDelta(event.data);
        if (plain) {
          model = plain.model || model;
          if (plain.content !== '') addText(plain.content);
          continue;
        }
        const chunk = JSON.parse(event.data) as ChatCompletionChunk & { error?: unknown };
        if (chunk.error) return streamErrorFailure(chunk.error);
        model = chunk.model || model;
        usage = toUsage(chunk.usage) ?? usage;
        // With n > 1 the choices' chunks interleave; the answer is choice 0.
        const choice = chunk.choices.find((c) => c.index === 0);
        if (!choice) continue;
        const delta = choice.delta;
        if (delta.content) addText(delta.content);
        // A tool call's first fragment is the first token too.
        else if ((delta.tool_calls?.length ?? 0) > 0) ttftMs ??= clock.now() - startedMs;
        calls.add(delta.tool_calls);
        if (choice.finish_reason) finishReason = toFinishReason(choice.finish_reason);
      }
    }
    if (finishReason === undefined) {
      // The SDK ends a stream quietly when its signal aborts: tell a deadline from a bad stream.
      const signal = guard.signal;
      if (signal?.aborted) return sdkFailure(signal.reason, signal);
      return invalidResponseFailure('The stream ended before its final chunk (no finish_reason)');
    }
    return {
      text,
      toolCalls: calls.result(),
      usage: usage ?? estimatedUsage(params, text),
      usageEstimated: usage === undefined,
      ...(ttftMs === undefined ? {} : { ttftMs }),
      latencyMs: clock.now() - startedMs,
      model,
      finishReason,
    };
  }

  return { id, complete };
}

function isCompletion(value: unknown): value is ChatCompletion {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { choices?: unknown }).choices)
  );
}

/** An `error` event inside a stream that had started fine (its HTTP status was 200). */
function streamErrorFailure(error: unknown): ProviderFailure {
  const message =
    typeof error === 'object' && error !== null && 'message' in error
      ? String(error.message)
      : JSON.stringify(error);
  return failureFromStreamError({ error }, message);
}

function estimatedUsage(params: ChatCompletionCreateParams, text: string): Usage {
  return {
    inputTokens: estimateTokens(
      JSON.stringify(params.messages) + JSON.stringify(params.tools ?? []),
    ),
    outputTokens: estimateTokens(text),
  };
}
