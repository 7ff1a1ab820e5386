import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import {
  AIMessage,
  AIMessageChunk,
  type BaseMessage,
  HumanMessage,
  SystemMessage,
  ToolMessage,
} from '@langchain/core/messages';
import type { Runnable } from '@langchain/core/runnables';
import { type Clock, realClock } from '../clock.js';
import { ConfigError } from '../errors.js';
import {
  abortFailure,
  failureFromHttp,
  failureFromStreamError,
  type HeaderSource,
  invalidResponseFailure,
  networkFailure,
  timeoutFailure,
} from './failure.js';
import { callProgressGuard } from './progress-guard.js';
import type {
  CallOptions,
  ChatMessage,
  FinishReason,
  ModelOutcome,
  ModelRequest,
  ModelResponse,
  Provider,
  ProviderFailure,
  ServerToolCall,
  ToolCall,
  ToolSpec,
  Usage,
} from './provider.js';
import { callHeaders } from './provider.js';

/** What the bridge asks of one call that a chat model takes when it is built. */
export interface LangChainModelSettings {
  /** The model name the bridge routed to (`gpt-4o-mini`, a fallback, …). */
  model: string;
  maxOutputTokens?: number;
  temperature?: number;
}

/**
 * Builds the chat model for one call's settings (e.g. `new ChatOpenAI({ model, maxTokens })`):
 * LangChain chat models take their model name, output limit and temperature when constructed.
 * Models are kept per distinct settings, so the factory runs once per combination.
 */
export type LangChainModelFactory = (settings: LangChainModelSettings) => BaseChatModel;

/** Call options sent with every call, built from the bridge's request headers. */
export type LangChainCallOptionsOf = (call: {
  headers: Readonly<Record<string, string>>;
}) => Record<string, unknown>;

interface CommonOptions {
  /** Names the backend in records and metrics; default `langchain`. */
  id?: string;
  /** See {@link createLangChainProvider} for who retries by default. */
  retryOwner?: 'caller' | 'provider';
  clock?: Clock;
  /**
   * Extra call options per call, from the request's headers (`x-client-request-id`, trace
   * context, harness labels). Default: for OpenAI chat models (`ChatOpenAI`, whose `_llmType()`
   * is `openai`) the headers go out with the HTTP request; other models get none.
   */
  callOptions?: LangChainCallOptionsOf;
}

export interface LangChainModelOptions extends CommonOptions {
  /**
   * A chat model, or a factory of chat models. An instance keeps its own model name, output
   * limit and temperature; a factory gets the ones each request asks for. Tools in a request
   * are bound with the model's `bindTools` (JSON Schema tools).
   */
  model: BaseChatModel | LangChainModelFactory;
  runnable?: never;
}

export interface LangChainRunnableOptions extends CommonOptions {
  /**
   * Any runnable: a chat model with its tools already bound, a chain, a compiled graph. It keeps
   * its own model, tools and settings; a request's `tools`, `model`, `maxOutputTokens` and
   * `temperature` are not applied to it.
   */
  runnable: Runnable;
  model?: never;
  /** What the runnable takes; default the messages themselves (a graph: `(m) => ({ messages: m })`). */
  input?: (messages: BaseMessage[]) => unknown;
}

export type LangChainProviderOptions = LangChainModelOptions | LangChainRunnableOptions;

export const LangChainProviderErrorCodes = {
  /** Neither or both of `model` and `runnable`. */
  invalid: 'HB_LANGCHAIN_OPTIONS_INVALID',
} as const;

/** The bound on models kept per settings (a run uses a handful: paths and fallbacks). */
const MAX_KEPT_MODELS = 32;

/**
 * A provider over a LangChain.js prototype: a chat model (e.g. `ChatOpenAI`) or any runnable.
 *
 * Retries. LangChain chat models retry failed calls themselves (`maxRetries`, 6 by default), and
 * the bridge's pipeline retries too: left alone, one bridge attempt could become seven calls.
 * - With a chat model (instance or factory) the default is `retryOwner: 'caller'`: every call
 *   is sent with LangChain's per-call `maxRetries: 0`, so one bridge attempt is one model call
 *   and the bridge's retry policy, breaker and budgets see every failure. Pass
 *   `retryOwner: 'provider'` to let the model retry with its own setting instead; the bridge
 *   then adds no attempts.
 * - With a runnable the default is `retryOwner: 'provider'`: a chain or graph may retry inside
 *   (its models' `maxRetries`, node retry policies) where the adapter cannot reach. Declare
 *   `retryOwner: 'caller'` only for a runnable built without retries; `maxRetries: 0` is then
 *   sent in its config too, which reaches a bound chat model.
 *
 * Streaming uses `.stream()` and concatenates the message chunks; failures are values with the
 * project's failure codes, never exceptions.
 *
 * Published as `hybrid-bench/langchain`, apart from the main entry, so that importing the
 * runtime does not load LangChain.
 *
 * @example
 * import { createLangChainProvider } from 'hybrid-bench/langchain';
 * const provider = createLangChainProvider({
 *   model: ({ model, maxOutputTokens }) => new ChatOpenAI({ model, maxTokens: maxOutputTokens }),
 * });
 */
export function createLangChainProvider(options: LangChainProviderOptions): Provider {
  const hasModel = options.model !== undefined;
  const hasRunnable = options.runnable !== undefined;
  if (hasModel === hasRunnable) {
    throw new ConfigError(
      LangChainProviderErrorCodes.invalid,
      'createLangChainProvider needs exactly one of `model` (a chat model or a factory) and `runnable`.',
    );
  }
  const clock = options.clock ?? realClock;
  const id = options.id ?? 'langchain';
  const retryOwner = options.retryOwner ?? (hasModel ? 'caller' : 'provider');
  const modelFor = options.model === undefined ? undefined : modelSource(options.model);

  function target(request: ModelRequest): { runnable: Runnable; model?: BaseChatModel } {
    if (options.runnable !== undefined || modelFor === undefined) {
      return { runnable: options.runnable as Runnable };
    }
    const model = modelFor(request);
    const tools = request.tools ?? [];
    if (tools.length === 0) return { runnable: model, model };
    if (typeof model.bindTools !== 'function') {
      throw new UnsupportedToolsError(
        `The chat model ${model.getName()} cannot bind tools (no bindTools)`,
      );
    }
    return { runnable: model.bindTools(toLangChainTools(tools)), model };
  }

  async function complete(
    request: ModelRequest,
    callOptions: CallOptions = {},
  ): Promise<ModelOutcome> {
    const startedMs = clock.now();
    const guard = callProgressGuard(clock, request, callOptions);
    const failed = (error: ProviderFailure): ModelOutcome => ({
      state: 'error',
      error,
      latencyMs: clock.now() - startedMs,
      model: request.model,
    });
    try {
      const { runnable, model } = target(request);
      const headers = callHeaders(callOptions);
      const extra =
        options.callOptions?.({ headers }) ??
        (model !== undefined && isOpenAIChatModel(model) ? openAIHeaders(headers) : {});
      const config = {
        ...extra,
        ...(retryOwner === 'caller' ? { maxRetries: 0 } : {}),
        ...(guard.signal ? { signal: guard.signal } : {}),
      };
      const messages = toLangChainMessages(request.messages);
      const input =
        options.runnable !== undefined && options.input ? options.input(messages) : messages;
      const read: { value: unknown; chunked?: boolean; ttftMs?: number } = request.stream
        ? await streamed(runnable, input, config, startedMs, () => guard.progress(), callOptions)
        : { value: await runnable.invoke(input, config) };
      if (read.value === undefined && guard.signal?.aborted) {
        return failed(toFailure(guard.signal.reason, guard.signal));
      }
      const response = toResponse(read.value, messages.length, request, startedMs, read.ttftMs);
      if ('code' in response) return failed(response);
      if (read.chunked === true && response.finishReasonMissing) {
        // A stream that ends quietly: the caller's abort, a deadline, or a cut connection.
        if (guard.signal?.aborted) return failed(toFailure(guard.signal.reason, guard.signal));
        return failed(
          invalidResponseFailure('The stream ended before its final chunk (no finish reason)'),
        );
      }
      const { finishReasonMissing: _, ...rest } = response;
      return { state: 'ok', response: rest };
    } catch (error) {
      return failed(toFailure(error, guard.signal));
    } finally {
      guard.done();
    }
  }

  async function streamed(
    runnable: Runnable,
    input: unknown,
    config: Record<string, unknown>,
    startedMs: number,
    progress: () => void,
    { onFirstByte, onText }: Pick<CallOptions, 'onFirstByte' | 'onText'>,
  ): Promise<{ value: unknown; chunked: boolean; ttftMs?: number }> {
    const stream = await runnable.stream(input, config);
    let message: AIMessageChunk | undefined;
    let last: unknown;
    let ttftMs: number | undefined;
    let started = false;
    for await (const chunk of stream as AsyncIterable<unknown>) {
      progress();
      if (!started) {
        started = true;
        onFirstByte?.();
      }
      if (!AIMessageChunk.isInstance(chunk)) {
        // A chain or graph streams its own values (state snapshots); the last one is the answer.
        last = chunk;
        continue;
      }
      const text = chunk.text;
      if (ttftMs === undefined && (text !== '' || (chunk.tool_call_chunks?.length ?? 0) > 0)) {
        ttftMs = clock.now() - startedMs;
      }
      if (text !== '') onText?.(text);
      message = message === undefined ? chunk : message.concat(chunk);
    }
    // Chunks are a model's token stream, which ends with a finish reason unless it was cut.
    return {
      value: message ?? last,
      chunked: message !== undefined,
      ...(ttftMs === undefined ? {} : { ttftMs }),
    };
  }

  function toResponse(
    value: unknown,
    inputCount: number,
    request: ModelRequest,
    startedMs: number,
    ttftMs: number | undefined,
  ): (ModelResponse & { finishReasonMissing: boolean }) | ProviderFailure {
    const answer = answerOf(value, inputCount);
    if (answer === undefined) {
      return invalidResponseFailure(
        'The runnable returned neither an AI message nor a state with one in `messages`',
      );
    }
    const { message, steps } = answer;
    const text = message.text;
    const toolCalls = toolCallsOf(message);
    const usage = sumUsage([...steps.map((s) => s.message), message]);
    const metadata = message.response_metadata as Record<string, unknown> | undefined;
    const rawFinish = metadata?.finish_reason ?? metadata?.stop_reason;
    const serverToolCalls = steps.flatMap((s) => s.calls);
    return {
      text,
      toolCalls,
      usage: usage ?? estimatedUsage(request, text),
      usageEstimated: usage === undefined,
      ...(ttftMs === undefined ? {} : { ttftMs }),
      latencyMs: clock.now() - startedMs,
      model: modelNameOf(metadata) ?? request.model,
      finishReason: toFinishReason(rawFinish, toolCalls.length > 0),
      ...(serverToolCalls.length > 0 ? { serverToolCalls } : {}),
      finishReasonMissing: typeof rawFinish !== 'string',
    };
  }

  return { id, retryOwner, complete };
}

/** A request's tools could not be given to the model: the request cannot be served as asked. */
class UnsupportedToolsError extends Error {
  override readonly name = 'UnsupportedToolsError';
}

function modelSource(
  model: BaseChatModel | LangChainModelFactory,
): (request: ModelRequest) => BaseChatModel {
  if (typeof model !== 'function') return () => model;
  const kept = new Map<string, BaseChatModel>();
  return (request) => {
    const settings: LangChainModelSettings = {
      model: request.model,
      ...(request.maxOutputTokens === undefined
        ? {}
        : { maxOutputTokens: request.maxOutputTokens }),
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    };
    const key = JSON.stringify([settings.model, settings.maxOutputTokens, settings.temperature]);
    let built = kept.get(key);
    if (built === undefined) {
      if (kept.size >= MAX_KEPT_MODELS) kept.clear();
      built = model(settings);
      kept.set(key, built);
    }
    return built;
  };
}

function isOpenAIChatModel(model: BaseChatModel): boolean {
  try {
    return model._llmType() === 'openai';
  } catch {
    return false;
  }
}

/**
 * ChatOpenAI reads request options from `options` on plain calls and takes the call options
 * themselves as request options when streaming: the headers go in both places.
 */
function openAIHeaders(headers: Record<string, string>): Record<string, unknown> {
  if (Object.keys(headers).length === 0) return {};
  return { headers, options: { headers } };
}

/** The project's messages as LangChain messages. */
export function toLangChainMessages(messages: readonly ChatMessage[]): BaseMessage[] {
  return messages.map(toLangChainMessage);
}

function toLangChainMessage(message: ChatMessage): BaseMessage {
  switch (message.role) {
    case 'system':
      return new SystemMessage(message.content);
    case 'user':
      return new HumanMessage(message.content);
    case 'assistant':
      return new AIMessage({
        content: message.content,
        tool_calls: (message.toolCalls ?? []).map((call) => ({
          id: call.id,
          name: call.name,
          args: parseArguments(call.arguments),
          type: 'tool_call' as const,
        })),
      });
    case 'tool':
      return new ToolMessage({ content: message.content, tool_call_id: message.toolCallId });
  }
}

/**
 * A tool call's arguments as LangChain holds them (an object). Arguments the model produced as
 * invalid JSON, or as something other than an object, are kept under `input`, so the call still
 * pairs with its tool result instead of failing the whole request.
 */
function parseArguments(raw: string): Record<string, unknown> {
  if (raw.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
    return { input: parsed };
  } catch {
    return { input: raw };
  }
}

/** The project's tool specs as OpenAI-style function tools, which every `bindTools` accepts. */
export function toLangChainTools(tools: readonly ToolSpec[]) {
  return tools.map((tool) => ({
    type: 'function' as const,
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }));
}

interface Step {
  message: AIMessage;
  calls: ServerToolCall[];
}

/**
 * The answer in what a runnable returned: an AI message (a chat model, a chain ending in one), or
 * a state whose `messages` end with one (a graph). A graph's AI messages before the answer, with
 * the tool messages that answer them, are the tools it ran itself.
 */
function answerOf(
  value: unknown,
  inputCount: number,
): { message: AIMessage; steps: Step[] } | undefined {
  if (AIMessage.isInstance(value)) return { message: value, steps: [] };
  if (typeof value !== 'object' || value === null) return undefined;
  const all = (value as { messages?: unknown }).messages;
  if (!Array.isArray(all)) return undefined;
  const messages = all as unknown[];
  const last = messages.at(-1);
  if (!AIMessage.isInstance(last)) return undefined;
  // A graph that appends keeps the input first; one that rewrote its history shows no steps.
  const added = messages.length > inputCount ? messages.slice(inputCount, -1) : [];
  const results = new Map<string, ToolMessage>();
  for (const m of added) if (ToolMessage.isInstance(m)) results.set(m.tool_call_id, m);
  const steps = added.filter(AIMessage.isInstance).map(
    (m): Step => ({
      message: m,
      calls: toolCallsOf(m).map((call) => {
        const result = results.get(call.id);
        return {
          ...call,
          result: result?.text ?? '',
          isError: result === undefined || result.status === 'error',
        };
      }),
    }),
  );
  return { message: last, steps };
}

/**
 * Tool calls with their arguments as a JSON string. A streamed message keeps each call's raw
 * argument text (exactly as the model produced it, even when invalid); a whole message has
 * parsed calls, and unparseable ones among `invalid_tool_calls`.
 */
function toolCallsOf(message: AIMessage): ToolCall[] {
  if (AIMessageChunk.isInstance(message) && (message.tool_call_chunks?.length ?? 0) > 0) {
    return (message.tool_call_chunks ?? []).map((chunk, i) => ({
      id: chunk.id ?? `call_${i}`,
      name: chunk.name ?? '',
      arguments: chunk.args ?? '',
    }));
  }
  return [
    ...(message.tool_calls ?? []).map((call, i) => ({
      id: call.id ?? `call_${i}`,
      name: call.name,
      arguments: JSON.stringify(call.args),
    })),
    ...(message.invalid_tool_calls ?? []).map((call, i) => ({
      id: call.id ?? `invalid_call_${i}`,
      name: call.name ?? '',
      arguments: call.args ?? '',
    })),
  ];
}

function sumUsage(messages: readonly AIMessage[]): Usage | undefined {
  let usage: Usage | undefined;
  for (const message of messages) {
    const reported = message.usage_metadata;
    if (reported === undefined) continue;
    const cached = reported.input_token_details?.cache_read;
    const cachedSoFar = (usage?.cachedInputTokens ?? 0) + (cached ?? 0);
    usage = {
      inputTokens: (usage?.inputTokens ?? 0) + reported.input_tokens,
      outputTokens: (usage?.outputTokens ?? 0) + reported.output_tokens,
      ...(cachedSoFar > 0 ? { cachedInputTokens: cachedSoFar } : {}),
    };
  }
  return usage;
}

/** Rough count used only when a model reports no usage: about four characters per token. */
function estimatedUsage(request: ModelRequest, text: string): Usage {
  const prompt = JSON.stringify(request.messages) + JSON.stringify(request.tools ?? []);
  return { inputTokens: Math.ceil(prompt.length / 4), outputTokens: Math.ceil(text.length / 4) };
}

/** `model_name` (OpenAI and most integrations) or `model` (Anthropic). */
function modelNameOf(metadata: Record<string, unknown> | undefined): string | undefined {
  const name = metadata?.model_name ?? metadata?.model;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** OpenAI's `finish_reason` or Anthropic's `stop_reason`, as the project's finish reason. */
export function toFinishReason(raw: unknown, hasToolCalls: boolean): FinishReason {
  switch (raw) {
    case 'stop':
    case 'end_turn':
    case 'stop_sequence':
      return hasToolCalls ? 'tool_calls' : 'stop';
    case 'length':
    case 'max_tokens':
      return 'length';
    case 'tool_calls':
    case 'function_call':
    case 'tool_use':
      return 'tool_calls';
    case 'content_filter':
    case 'refusal':
      return 'content_filter';
    case undefined:
    case null:
      return hasToolCalls ? 'tool_calls' : 'stop';
    default:
      return 'other';
  }
}

/** The troubleshooting link LangChain appends to an SDK error's message. */
const TROUBLESHOOTING = /\s*Troubleshooting URL: \S+\s*$/;

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  status?: unknown;
  headers?: unknown;
  error?: unknown;
  cause?: unknown;
  code?: unknown;
  lc_error_code?: unknown;
}

function asErrorLike(error: unknown): ErrorLike | undefined {
  return typeof error === 'object' && error !== null ? error : undefined;
}

function messageOf(error: ErrorLike | undefined, fallback: string): string {
  const message = typeof error?.message === 'string' ? error.message : '';
  const cleaned = message.replace(TROUBLESHOOTING, '').trim();
  return cleaned === '' ? fallback : cleaned;
}

/** `Headers` or a plain record (SDKs differ), read case-insensitively. */
function headerSource(headers: unknown): HeaderSource | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const get = (headers as { get?: unknown }).get;
  if (typeof get === 'function') {
    return { get: (name) => (get as (n: string) => string | null).call(headers, name) };
  }
  const entries = Object.entries(headers as Record<string, unknown>).map(
    ([k, v]) => [k.toLowerCase(), v] as const,
  );
  return {
    get: (name) => {
      const value = entries.find(([k]) => k === name.toLowerCase())?.[1];
      return typeof value === 'string' ? value : null;
    },
  };
}

/** Network error codes Node and undici put on a failed fetch's cause. */
const NETWORK_CODES =
  /^(ECONNRESET|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EPIPE|ETIMEDOUT|UND_ERR_SOCKET|UND_ERR_CONNECT_TIMEOUT)$/;

function isNetworkError(error: ErrorLike): boolean {
  const constructorName = (error as { constructor?: { name?: unknown } }).constructor?.name;
  if (constructorName === 'APIConnectionError') return true;
  for (let e: ErrorLike | undefined = error, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string' && NETWORK_CODES.test(e.code)) return true;
    if (e.name === 'TypeError' && e.message === 'fetch failed') return true;
    e = asErrorLike(e.cause);
  }
  return false;
}

/**
 * A thrown error as a failure with the project's codes. LangChain passes the model SDK's errors
 * through (OpenAI's and Anthropic's carry `status` and `headers`), renames timeouts and aborts
 * (`TimeoutError`, `AbortError`, `ModelAbortError`) and wraps context overflows
 * (`ContextOverflowError`, the SDK error as its `cause`). Anything else keeps its message under
 * `server_error`, with the error's name (or LangChain's error code) as `providerCode`.
 */
export function toFailure(error: unknown, signal?: AbortSignal): ProviderFailure {
  if (signal?.aborted) {
    const reason: unknown = signal.reason;
    return reason instanceof Error && reason.name === 'TimeoutError'
      ? timeoutFailure(`The request deadline passed during the call: ${reason.message}`)
      : abortFailure();
  }
  if (error instanceof UnsupportedToolsError) {
    return {
      code: 'bad_request',
      message: error.message,
      providerCode: 'tools_unsupported',
      isNetwork: false,
      isAbort: false,
    };
  }
  const e = asErrorLike(error);
  const constructorName = (e as { constructor?: { name?: unknown } } | undefined)?.constructor
    ?.name;
  if (
    e?.name === 'AbortError' ||
    e?.name === 'ModelAbortError' ||
    constructorName === 'APIUserAbortError'
  ) {
    return abortFailure();
  }
  if (e?.name === 'TimeoutError' || constructorName === 'APIConnectionTimeoutError') {
    return timeoutFailure(messageOf(e, 'The call timed out'));
  }
  // A context overflow wraps the SDK's error; its status and body are on the cause.
  const http = typeof e?.status === 'number' ? e : asErrorLike(e?.cause);
  if (e?.name === 'ContextOverflowError') {
    return {
      code: 'context_length_exceeded',
      message: messageOf(e, 'The input exceeds the model’s context window'),
      ...(typeof http?.status === 'number' ? { status: http.status } : {}),
      isNetwork: false,
      isAbort: false,
    };
  }
  if (e && http && typeof http.status === 'number') {
    const failure = failureFromHttp(http.status, { error: http.error }, headerSource(http.headers));
    return failure.message === `HTTP ${http.status}`
      ? { ...failure, message: messageOf(http, failure.message) }
      : failure;
  }
  // OpenAI's SDK throws an `error` event inside a started stream as an APIError with no status.
  if (constructorName === 'APIError' && e?.error !== undefined) {
    return failureFromStreamError({ error: e.error }, messageOf(e, 'The stream reported an error'));
  }
  if (e && isNetworkError(e)) return networkFailure(messageOf(e, 'Network error'));
  if (error instanceof SyntaxError) {
    return invalidResponseFailure(`Malformed response: ${error.message}`);
  }
  const providerCode =
    typeof e?.lc_error_code === 'string'
      ? e.lc_error_code
      : typeof e?.name === 'string'
        ? e.name
        : typeof error;
  return {
    code: 'server_error',
    message: messageOf(e, String(error)),
    providerCode,
    isNetwork: false,
    isAbort: false,
  };
}
