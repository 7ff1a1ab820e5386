import { type Clock, realClock } from '../clock.js';
import { abortFailure, timeoutFailure } from './failure.js';
import type {
  CallOptions,
  FailureCode,
  FinishReason,
  ModelOutcome,
  ModelRequest,
  Provider,
  ProviderFailure,
  ServerToolCall,
  Usage,
} from './provider.js';

export type ScriptedStep =
  | {
      text?: string;
      toolCalls?: Array<{ name: string; arguments: Record<string, unknown> | string; id?: string }>;
      usage?: Partial<Usage>;
      latencyMs?: number;
      ttftMs?: number;
      finishReason?: FinishReason;
      model?: string;
      serverToolCalls?: ServerToolCall[];
    }
  | { error: Partial<ProviderFailure> & { code: FailureCode }; latencyMs?: number };

export type Script =
  | readonly ScriptedStep[]
  | ((request: ModelRequest, callIndex: number) => ScriptedStep | Promise<ScriptedStep>);

export interface ScriptedProvider extends Provider {
  /** Every request received, in order, for assertions. */
  readonly calls: ModelRequest[];
}

function countTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * A deterministic provider for tests: answers from a script (a list consumed in order, or a
 * function of the request), waits on the injected clock, honours abort signals, and records
 * every request. Usage defaults to a four-characters-per-token count of the exchanged text.
 *
 * @example
 * const provider = createScriptedProvider({
 *   script: [{ toolCalls: [{ name: 'lookup_order', arguments: { order_id: 'ORD-10001' } }] }, { text: 'Shipped.' }],
 * });
 */
export function createScriptedProvider(options: {
  script: Script;
  id?: string;
  clock?: Clock;
}): ScriptedProvider {
  const clock = options.clock ?? realClock;
  const calls: ModelRequest[] = [];

  async function nextStep(request: ModelRequest, index: number): Promise<ScriptedStep> {
    if (typeof options.script === 'function') return options.script(request, index);
    const step = options.script[index];
    if (!step)
      throw new Error(
        `Scripted provider: no step ${index} in a script of ${options.script.length}`,
      );
    return step;
  }

  async function complete(
    request: ModelRequest,
    callOptions: CallOptions = {},
  ): Promise<ModelOutcome> {
    const index = calls.length;
    calls.push(request);
    const startedMs = clock.now();
    const step = await nextStep(request, index);
    try {
      // A streamed call starts answering at its time to first token.
      // (A step that names none starts answering at once.)
      const ttftMs = 'error' in step ? undefined : (step.ttftMs ?? 0);
      if (
        request.stream &&
        ttftMs !== undefined &&
        (callOptions.onFirstByte || callOptions.onText)
      ) {
        // Streamed: the first word at the time to first token, the rest at the end.
        const text = 'error' in step ? '' : (step.text ?? '');
        const firstWord = /^\S*\s*/.exec(text)?.[0] ?? '';
        await clock.sleep(ttftMs, callOptions.signal);
        callOptions.onFirstByte?.();
        if (firstWord) callOptions.onText?.(firstWord);
        await clock.sleep((step.latencyMs ?? 0) - ttftMs, callOptions.signal);
        if (text.length > firstWord.length) callOptions.onText?.(text.slice(firstWord.length));
      } else {
        await clock.sleep(step.latencyMs ?? 0, callOptions.signal);
      }
    } catch {
      const reason: unknown = callOptions.signal?.reason;
      const error =
        reason instanceof Error && reason.name === 'TimeoutError'
          ? timeoutFailure('The request deadline passed during the call')
          : abortFailure();
      return { state: 'error', error, latencyMs: clock.now() - startedMs, model: request.model };
    }
    const latencyMs = clock.now() - startedMs;
    if ('error' in step) {
      const error: ProviderFailure = {
        message: step.error.code,
        isNetwork: step.error.code === 'network',
        isAbort: step.error.code === 'aborted',
        ...step.error,
      };
      return { state: 'error', error, latencyMs, model: request.model };
    }
    const toolCalls = (step.toolCalls ?? []).map((call, i) => ({
      id: call.id ?? `call_${index}_${i}`,
      name: call.name,
      arguments:
        typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
    }));
    const text = step.text ?? '';
    const promptText = request.messages.map((m) => m.content).join('\n');
    const usage: Usage = {
      inputTokens: step.usage?.inputTokens ?? countTokens(promptText),
      outputTokens:
        step.usage?.outputTokens ??
        countTokens(text + toolCalls.map((c) => c.name + c.arguments).join('')),
      ...(step.usage?.cachedInputTokens === undefined
        ? {}
        : { cachedInputTokens: step.usage.cachedInputTokens }),
    };
    return {
      state: 'ok',
      response: {
        text,
        toolCalls,
        usage,
        usageEstimated: false,
        ...(step.ttftMs === undefined ? {} : { ttftMs: step.ttftMs }),
        latencyMs,
        model: step.model ?? request.model,
        finishReason: step.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
        ...(step.serverToolCalls ? { serverToolCalls: step.serverToolCalls } : {}),
      },
    };
  }

  return { id: options.id ?? 'scripted', calls, complete };
}
