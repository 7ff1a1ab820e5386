import { type Clock, realClock } from '../clock.js';
import {
  agentMessage,
  cancelled,
  describeDetail,
  failure,
  parseData,
  paused,
  type RunData,
  statusFailure,
  textOf,
  toServerToolCall,
} from './agno-wire.js';
import {
  abortFailure,
  failureFromHttp,
  invalidResponseFailure,
  networkFailure,
  timeoutFailure,
} from './failure.js';
import type {
  CallOptions,
  ModelOutcome,
  ModelRequest,
  ModelResponse,
  Provider,
  ProviderFailure,
  ServerToolCall,
} from './provider.js';
import { callHeaders } from './provider.js';
import { sseEventBatches } from './sse-events.js';

/** Options of {@link createAgnoAgentOSProvider}; the wire format it speaks is in agno-wire.ts. */
export interface AgnoAgentOSOptions {
  /** Names the backend in records and metrics; default `agno`. */
  id?: string;
  /** The AgentOS root, e.g. `http://localhost:7777`. */
  baseURL: string;
  /** The agent to run; it owns its model, instructions and tools. */
  agentId: string;
  /** AgentOS's security key (OS_SECURITY_KEY), sent as a bearer token; read from the environment. */
  apiKey?: string;
  /** Sent as `user_id`, for the server's per-user memory and sessions. */
  userId?: string;
  clock?: Clock;
  /** Per-call ceiling for the whole server-side run; default 300 s (a run is several model calls). */
  timeoutMs?: number;
  /** A fetch implementation; default: the global fetch, looked up at call time (msw can intercept). */
  fetch?: typeof fetch;
}

/** What this provider answers: a normal response plus what the server-side run did. */
export interface AgnoModelResponse extends ModelResponse {
  /** Tools the agent ran on the server, in order; `toolCalls` stays empty (nothing left to run). */
  serverToolCalls: ServerToolCall[];
  runId?: string;
  sessionId?: string;
}

/** The server-side tool calls of a response, empty for responses of other providers. */
export function serverToolCallsOf(response: ModelResponse): readonly ServerToolCall[] {
  return response.serverToolCalls ?? [];
}

/** What a call's response is finished from; the stream fills in `ttftMs`. */
interface Finish {
  startedMs: number;
  message: string;
  requestModel: string;
  ttftMs?: number;
  onText?: (delta: string) => void;
}

/** Used only when a server sends no metrics: about four characters per token. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * A provider for an agent served by Agno's AgentOS. The agent runs its whole tool loop on the
 * server, so the response is final: `toolCalls` is empty, the tools it ran are in
 * {@link AgnoModelResponse.serverToolCalls}, and `usage` sums every model call of the run.
 * `ModelRequest.model`, `tools`, `maxOutputTokens` and `temperature` are not sent: the agent owns
 * them, and `model` reports what AgentOS says it used. Like every provider it never retries.
 *
 * @example
 * const provider = createAgnoAgentOSProvider({ baseURL: 'http://localhost:7777', agentId: 'support-agent' });
 * const outcome = await provider.complete({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Where is ORD-10001?' }] });
 */
export function createAgnoAgentOSProvider(options: AgnoAgentOSOptions): Provider {
  const clock = options.clock ?? realClock;
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 300_000;
  const url = `${options.baseURL.replace(/\/+$/, '')}/agents/${encodeURIComponent(options.agentId)}/runs`;

  async function complete(
    request: ModelRequest,
    callOptions: CallOptions = {},
  ): Promise<ModelOutcome> {
    const startedMs = clock.now();
    const outcome = (result: AgnoModelResponse | ProviderFailure): ModelOutcome =>
      'code' in result
        ? {
            state: 'error',
            error: result,
            latencyMs: clock.now() - startedMs,
            model: request.model,
          }
        : { state: 'ok', response: result };
    const message = agentMessage(request.messages);
    if (message === undefined) {
      return outcome(failure('bad_request', 'An AgentOS run needs a user message last'));
    }
    const stream = request.stream === true;
    const form = new URLSearchParams({ message, stream: String(stream) });
    if (options.userId) form.set('user_id', options.userId);
    if (callOptions.requestId)
      form.set('metadata', JSON.stringify({ request_id: callOptions.requestId }));

    const controller = new AbortController();
    const onAbort = () => controller.abort(callOptions.signal?.reason);
    if (callOptions.signal?.aborted) onAbort();
    callOptions.signal?.addEventListener('abort', onAbort, { once: true });
    // The own ceiling runs on the injected clock; its reason is told apart by identity.
    const ownTimeout = new DOMException(`No answer within ${timeoutMs} ms`, 'TimeoutError');
    const timer = new AbortController();
    clock.sleep(timeoutMs, timer.signal).then(
      () => controller.abort(ownTimeout),
      () => undefined, // the call ended first
    );
    const finish: Finish = {
      startedMs,
      message,
      requestModel: request.model,
      ...(callOptions.onText ? { onText: callOptions.onText } : {}),
    };
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: {
          ...callHeaders(callOptions),
          accept: stream ? 'text/event-stream' : 'application/json',
          ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
        },
        body: form,
        signal: controller.signal,
      });
      if (!response.ok) return outcome(await httpFailure(response));
      if (stream && response.body) return outcome(await readStream(response.body, finish));
      const run = parseData(await response.text());
      return outcome(toResponse(run, (run.tools ?? []).map(toServerToolCall), finish));
    } catch (error) {
      return outcome(toFailure(error, controller.signal, ownTimeout));
    } finally {
      timer.abort('call ended');
      callOptions.signal?.removeEventListener('abort', onAbort);
    }
  }

  async function httpFailure(response: Response): Promise<ProviderFailure> {
    let body: unknown;
    try {
      body = JSON.parse(await response.text());
    } catch {
      body = undefined;
    }
    return {
      ...failureFromHttp(response.status, body, response.headers, clock.wallNow()),
      ...describeDetail(body),
    };
  }

  async function readStream(body: ReadableStream<Uint8Array>, finish: Finish) {
    let text = '';
    let completed: RunData | undefined;
    let model: string | null | undefined;
    const tools: ServerToolCall[] = [];
    // Leaving early (RunError, abort) cancels the body, which releases the connection.
    for await (const events of sseEventBatches(body))
      for (const event of events) {
        const data = parseData(event.data);
        const name = (event.event ?? 'message') === 'message' ? (data.event ?? '') : event.event;
        model = data.model ?? model;
        if (name === 'RunContent' && typeof data.content === 'string' && data.content !== '') {
          finish.ttftMs ??= clock.now() - finish.startedMs;
          text += data.content;
          finish.onText?.(data.content);
        } else if (name === 'ToolCallCompleted' && data.tool)
          tools.push(toServerToolCall(data.tool));
        else if (name === 'RunCompleted') completed = data;
        else if (name === 'RunError') {
          const message = textOf(data.content) || 'The agent run failed';
          return failure('server_error', message, data.error_type ?? undefined);
        } else if (name === 'RunCancelled') return cancelled();
        else if (name === 'RunPaused') return paused();
      }
    if (!completed) return invalidResponseFailure('The stream ended before its RunCompleted event');
    const content = typeof completed.content === 'string' ? completed.content : text;
    return toResponse({ ...completed, content, model: completed.model ?? model }, tools, finish);
  }

  function toResponse(
    run: RunData,
    serverToolCalls: ServerToolCall[],
    finish: Finish,
  ): AgnoModelResponse | ProviderFailure {
    const problem = statusFailure(run.status ?? 'COMPLETED', run.content);
    if (problem) return problem;
    const text = textOf(run.content);
    const metrics = run.metrics;
    const cached = metrics?.cache_read_tokens ?? 0;
    return {
      text,
      toolCalls: [],
      serverToolCalls,
      usage: metrics
        ? {
            inputTokens: metrics.input_tokens ?? 0,
            outputTokens: metrics.output_tokens ?? 0,
            ...(cached > 0 ? { cachedInputTokens: cached } : {}),
          }
        : { inputTokens: estimateTokens(finish.message), outputTokens: estimateTokens(text) },
      usageEstimated: !metrics,
      ...(finish.ttftMs === undefined ? {} : { ttftMs: finish.ttftMs }),
      latencyMs: clock.now() - finish.startedMs,
      model: run.model ?? finish.requestModel,
      finishReason: 'stop',
      ...(run.run_id ? { runId: run.run_id } : {}),
      ...(run.session_id ? { sessionId: run.session_id } : {}),
    };
  }

  return { id: options.id ?? 'agno', complete };
}

/** A thrown error as a failure: a deadline (the caller's or our own) is a timeout, any other abort the caller's. */
function toFailure(error: unknown, signal: AbortSignal, ownTimeout: DOMException): ProviderFailure {
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    if (reason === ownTimeout) return timeoutFailure(ownTimeout.message);
    return reason instanceof Error && reason.name === 'TimeoutError'
      ? timeoutFailure('The request deadline passed during the run')
      : abortFailure();
  }
  if (error instanceof SyntaxError)
    return invalidResponseFailure(`Malformed response: ${error.message}`);
  if (error instanceof TypeError) {
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const detail = cause?.code ?? cause?.message;
    return networkFailure(
      detail === undefined ? error.message : `${error.message}: ${String(detail)}`,
    );
  }
  throw error;
}
