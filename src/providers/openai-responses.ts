import type OpenAI from 'openai';
import type {
  Response as OpenAIResponse,
  ResponseCreateParamsBase,
  ResponseStreamEvent,
} from 'openai/resources/responses/responses';
import { type Clock, realClock } from '../clock.js';
import { failureFromStreamError, invalidResponseFailure } from './failure.js';
import {
  isResponseObject,
  ResponseCallAccumulator,
  responseFinishReason,
  responseText,
  responseToolCalls,
  responseUsage,
  toResponsesParams,
} from './openai-responses-wire.js';
import {
  completeThroughSdk,
  createOpenAIClient,
  emptyBody,
  estimateTokens,
  sdkFailure,
} from './openai-sdk.js';
import type { ProgressGuard } from './progress-guard.js';
import type {
  CallOptions,
  ModelOutcome,
  ModelRequest,
  ModelResponse,
  Provider,
  ProviderFailure,
  Usage,
} from './provider.js';
import { sseEventBatches } from './sse-events.js';

export interface OpenAIResponsesOptions {
  /** Names the backend in records and metrics; default `openai-responses`. */
  id?: string;
  /** With its `/v1`, e.g. `https://api.openai.com/v1`; the client adds `/responses`. */
  baseURL: string;
  /** The key itself, read by the caller from the environment; never logged. */
  apiKey: string;
  clock?: Clock;
  /** Per-attempt ceiling; the request's deadline signal usually ends a call first. */
  timeoutMs?: number;
  /** A fetch implementation; default: the global fetch, looked up at call time. */
  fetch?: typeof fetch;
}

type Params = ResponseCreateParamsBase & { model: string };

/**
 * A provider for the OpenAI Responses API (`POST /v1/responses`), on the official SDK.
 *
 * Stateless by design: every call sends the whole conversation with `store: false`, as the
 * bridge keeps the conversation itself (no `previous_response_id`). The SDK's own retries are
 * off (`maxRetries: 0`): the bridge's pipeline is the one retry owner.
 *
 * @example
 * const provider = createOpenAIResponsesProvider({ baseURL: 'https://api.openai.com/v1', apiKey });
 * const outcome = await provider.complete({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
 */
export function createOpenAIResponsesProvider(options: OpenAIResponsesOptions): Provider {
  const clock = options.clock ?? realClock;
  const client = createOpenAIClient(options);
  const id = options.id ?? 'openai-responses';

  function complete(request: ModelRequest, callOptions: CallOptions = {}): Promise<ModelOutcome> {
    const params = toResponsesParams(request);
    return completeThroughSdk(clock, request, callOptions, (requestOptions, guard, startedMs) =>
      request.stream
        ? streamed(params, requestOptions, startedMs, guard, callOptions)
        : plain(params, requestOptions, startedMs),
    );
  }

  async function plain(
    params: Params,
    requestOptions: OpenAI.RequestOptions,
    startedMs: number,
  ): Promise<ModelResponse | ProviderFailure> {
    // The raw answer, read here: the SDK's own unwrapping assumes an object and would fail on a
    // proxy's HTML page with a TypeError, which is not a network failure.
    const raw = await client.responses
      .create({ ...params, stream: false }, requestOptions)
      .asResponse();
    const body: unknown = JSON.parse(await raw.text());
    if (!isResponseObject(body)) {
      return invalidResponseFailure('The 200 answer is not a Responses API response object');
    }
    return finished(body, params, startedMs, undefined, undefined);
  }

  async function streamed(
    params: Params,
    requestOptions: OpenAI.RequestOptions,
    startedMs: number,
    guard: ProgressGuard,
    { onFirstByte, onText }: Pick<CallOptions, 'onFirstByte' | 'onText'>,
  ): Promise<ModelResponse | ProviderFailure> {
    // The SDK sends the request and turns error statuses into errors; the events are read here.
    const response = await client.responses
      .create({ ...params, stream: true }, requestOptions)
      .asResponse();
    guard.progress();
    onFirstByte?.();
    const calls = new ResponseCallAccumulator();
    let text = '';
    let ttftMs: number | undefined;
    let model = params.model;
    let final: OpenAIResponse | undefined;
    const started = () => {
      if (ttftMs === undefined) ttftMs = clock.now() - startedMs;
    };
    /** Reads one event; a failure ends the stream. Events the bridge has no use for pass. */
    const take = (event: ResponseStreamEvent): ProviderFailure | undefined => {
      if (event.type === 'response.created' || event.type === 'response.in_progress') {
        model = event.response.model || model;
      } else if (event.type === 'response.output_text.delta') {
        if (event.delta === '') return undefined;
        started();
        text += event.delta;
        onText?.(event.delta);
      } else if (
        event.type === 'response.output_item.added' ||
        event.type === 'response.output_item.done'
      ) {
        if (event.item.type !== 'function_call') return undefined;
        started();
        calls.item(event.output_index, event.item, event.type === 'response.output_item.done');
      } else if (event.type === 'response.function_call_arguments.delta') {
        started();
        calls.delta(event.output_index, event.delta);
      } else if (event.type === 'response.function_call_arguments.done') {
        calls.done(event.output_index, event.arguments, event.name);
      } else if (event.type === 'response.completed' || event.type === 'response.incomplete') {
        final = event.response;
      } else if (event.type === 'response.failed') {
        return failureFromStreamError(
          { error: event.response.error },
          event.response.error?.message ?? 'The response failed',
        );
      } else if (event.type === 'error') {
        return failureFromStreamError(
          { error: { code: event.code, message: event.message } },
          event.message,
        );
      }
      return undefined;
    };
    for await (const events of sseEventBatches(response.body ?? emptyBody())) {
      guard.progress();
      for (const sse of events) {
        if (final) continue;
        const event = JSON.parse(sse.data) as ResponseStreamEvent;
        const failure = take(event);
        if (failure) return failure;
      }
    }
    if (final === undefined) {
      // The SDK ends a stream quietly when its signal aborts: tell a deadline from a bad stream.
      const signal = guard.signal;
      if (signal?.aborted) return sdkFailure(signal.reason, signal);
      return invalidResponseFailure(
        'The stream ended before its final event (response.completed or response.incomplete)',
      );
    }
    if (!isResponseObject(final)) {
      return invalidResponseFailure('The final stream event carries no response object');
    }
    return finished(
      { ...final, model: final.model || model },
      params,
      startedMs,
      { text, toolCalls: calls.result() },
      ttftMs,
    );
  }

  /**
   * The bridge's response from a finished Responses object. For a stream, the text is what was
   * streamed (what `onText` saw), and the tool calls are the final body's when it lists them.
   */
  function finished(
    body: OpenAIResponse,
    params: Params,
    startedMs: number,
    streamed: { text: string; toolCalls: ModelResponse['toolCalls'] } | undefined,
    ttftMs: number | undefined,
  ): ModelResponse | ProviderFailure {
    if (body.status === 'failed') {
      return failureFromStreamError(
        { error: body.error },
        body.error?.message ?? 'The response failed',
      );
    }
    if (body.status === 'queued' || body.status === 'in_progress' || body.status === 'cancelled') {
      return invalidResponseFailure(`The response is ${body.status}, not finished`);
    }
    const bodyCalls = responseToolCalls(body.output);
    const toolCalls = bodyCalls.length > 0 || !streamed ? bodyCalls : streamed.toolCalls;
    const bodyText = responseText(body.output);
    const text = streamed && streamed.text !== '' ? streamed.text : bodyText;
    const usage = responseUsage(body.usage);
    return {
      text,
      toolCalls,
      usage: usage ?? estimatedUsage(params, text),
      usageEstimated: usage === undefined,
      ...(ttftMs === undefined ? {} : { ttftMs }),
      latencyMs: clock.now() - startedMs,
      model: body.model || params.model,
      finishReason: responseFinishReason(body, toolCalls.length > 0),
    };
  }

  return { id, complete };
}

function estimatedUsage(params: Params, text: string): Usage {
  return {
    inputTokens: estimateTokens(
      (params.instructions ?? '') +
        JSON.stringify(params.input ?? []) +
        JSON.stringify(params.tools ?? []),
    ),
    outputTokens: estimateTokens(text),
  };
}
