import type {
  FunctionTool,
  Response,
  ResponseCreateParamsBase,
  ResponseInputItem,
  ResponseUsage,
} from 'openai/resources/responses/responses';
import type {
  ChatMessage,
  FinishReason,
  ModelRequest,
  ToolCall,
  ToolSpec,
  Usage,
} from './provider.js';

/**
 * The body of a Responses API call, without `stream`. Leading system messages become
 * `instructions`; a system message later in the conversation stays in place as a `system`
 * message item. `store: false`: the bridge keeps the conversation and sends it whole each time.
 */
export function toResponsesParams(
  request: ModelRequest,
): ResponseCreateParamsBase & { model: string } {
  const leading: string[] = [];
  let start = 0;
  for (const message of request.messages) {
    if (message.role !== 'system') break;
    leading.push(message.content);
    start += 1;
  }
  return {
    model: request.model,
    ...(leading.length > 0 ? { instructions: leading.join('\n\n') } : {}),
    input: toResponsesInput(request.messages.slice(start)),
    ...(request.tools && request.tools.length > 0
      ? { tools: toResponsesTools(request.tools) }
      : {}),
    ...(request.maxOutputTokens === undefined
      ? {}
      : { max_output_tokens: request.maxOutputTokens }),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    store: false,
  };
}

/** Our messages → Responses input items (messages, `function_call`, `function_call_output`). */
export function toResponsesInput(messages: readonly ChatMessage[]): ResponseInputItem[] {
  const items: ResponseInputItem[] = [];
  for (const m of messages) {
    switch (m.role) {
      case 'system':
      case 'user':
        items.push({ type: 'message', role: m.role, content: m.content });
        break;
      case 'tool':
        items.push({ type: 'function_call_output', call_id: m.toolCallId, output: m.content });
        break;
      case 'assistant': {
        const calls = m.toolCalls ?? [];
        // An assistant turn that only called tools has no text: it is its calls alone.
        if (m.content !== '' || calls.length === 0) {
          items.push({ type: 'message', role: 'assistant', content: m.content });
        }
        for (const call of calls) {
          items.push({
            type: 'function_call',
            call_id: call.id,
            name: call.name,
            arguments: call.arguments,
          });
        }
        break;
      }
    }
  }
  return items;
}

/** Our tool specs → function tools. `strict: false`: the schemas are not written for strict mode. */
export function toResponsesTools(tools: readonly ToolSpec[]): FunctionTool[] {
  return tools.map((t) => ({
    type: 'function',
    name: t.name,
    description: t.description,
    parameters: t.parameters,
    strict: false,
  }));
}

/** The answer text: every `output_text` part of every assistant message item, in order. */
export function responseText(output: Response['output']): string {
  let text = '';
  for (const item of output) {
    if (item.type !== 'message') continue;
    for (const part of item.content) if (part.type === 'output_text') text += part.text;
  }
  return text;
}

/** Function calls among the output items; the bridge's tool-call id is the item's `call_id`. */
export function responseToolCalls(output: Response['output']): ToolCall[] {
  const calls: ToolCall[] = [];
  for (const item of output) {
    if (item.type === 'function_call') {
      calls.push({ id: item.call_id, name: item.name, arguments: item.arguments });
    }
  }
  return calls;
}

export function responseUsage(usage: ResponseUsage | null | undefined): Usage | undefined {
  if (!usage) return undefined;
  const cached = usage.input_tokens_details?.cached_tokens ?? 0;
  return {
    inputTokens: usage.input_tokens,
    outputTokens: usage.output_tokens,
    ...(cached > 0 ? { cachedInputTokens: cached } : {}),
  };
}

/**
 * A finished response's reason to stop: `incomplete` for `max_output_tokens` is `length`, for
 * `content_filter` is `content_filter`; a completed response that called functions is
 * `tool_calls`, else `stop`.
 */
export function responseFinishReason(
  response: Pick<Response, 'status' | 'incomplete_details'>,
  hasToolCalls: boolean,
): FinishReason {
  if (response.status === 'incomplete') {
    const reason = response.incomplete_details?.reason;
    if (reason === 'max_output_tokens') return 'length';
    if (reason === 'content_filter') return 'content_filter';
    return 'other';
  }
  if (hasToolCalls) return 'tool_calls';
  return response.status === 'completed' || response.status === undefined ? 'stop' : 'other';
}

/** A value that has the shape of a Response object (what a 200 should carry). */
export function isResponseObject(value: unknown): value is Response {
  if (typeof value !== 'object' || value === null) return false;
  const { object, output } = value as { object?: unknown; output?: unknown };
  return (object === undefined || object === 'response') && Array.isArray(output);
}

/** Assembles streamed function calls, keyed by their `output_index`. */
export class ResponseCallAccumulator {
  readonly #calls = new Map<number, ToolCall>();

  /** `response.output_item.added` / `.done` of a `function_call` item. */
  item(
    outputIndex: number,
    item: { call_id?: string; name?: string; arguments?: string },
    done: boolean,
  ): void {
    const current = this.#calls.get(outputIndex) ?? { id: '', name: '', arguments: '' };
    if (item.call_id) current.id = item.call_id;
    if (item.name) current.name = item.name;
    if (done || (item.arguments && current.arguments === '')) {
      current.arguments = item.arguments ?? current.arguments;
    }
    this.#calls.set(outputIndex, current);
  }

  /** `response.function_call_arguments.delta`. */
  delta(outputIndex: number, delta: string): void {
    const current = this.#calls.get(outputIndex) ?? { id: '', name: '', arguments: '' };
    current.arguments += delta;
    this.#calls.set(outputIndex, current);
  }

  /** `response.function_call_arguments.done`: the whole arguments string. */
  done(outputIndex: number, args: string, name: string | undefined): void {
    const current = this.#calls.get(outputIndex) ?? { id: '', name: '', arguments: '' };
    current.arguments = args;
    if (name) current.name = name;
    this.#calls.set(outputIndex, current);
  }

  get size(): number {
    return this.#calls.size;
  }

  result(): ToolCall[] {
    return [...this.#calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
  }
}
