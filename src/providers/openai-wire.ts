import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';
import {
  type ChatMessage,
  FINISH_REASONS,
  type FinishReason,
  type ToolCall,
  type ToolSpec,
  type Usage,
} from './provider.js';

/** Our messages → OpenAI chat-completions messages. */
export function toOpenAIMessages(messages: readonly ChatMessage[]): ChatCompletionMessageParam[] {
  return messages.map(toOpenAIMessage);
}

function toOpenAIMessage(m: ChatMessage): ChatCompletionMessageParam {
  switch (m.role) {
    case 'system':
    case 'user':
      return { role: m.role, content: m.content };
    case 'tool':
      return { role: 'tool', content: m.content, tool_call_id: m.toolCallId };
    case 'assistant':
      return m.toolCalls && m.toolCalls.length > 0
        ? {
            role: 'assistant',
            content: m.content === '' ? null : m.content,
            tool_calls: m.toolCalls.map((c) => ({
              id: c.id,
              type: 'function',
              function: { name: c.name, arguments: c.arguments },
            })),
          }
        : { role: 'assistant', content: m.content };
  }
}

export function toOpenAITools(tools: readonly ToolSpec[]): ChatCompletionTool[] {
  return tools.map((t) => ({
    type: 'function',
    function: { name: t.name, description: t.description, parameters: t.parameters },
  }));
}

export function toFinishReason(value: string | null | undefined): FinishReason {
  return (FINISH_REASONS as readonly string[]).includes(value ?? '')
    ? (value as FinishReason)
    : value === 'function_call'
      ? 'tool_calls'
      : 'other';
}

export function toUsage(
  usage: ChatCompletion['usage'] | ChatCompletionChunk['usage'],
): Usage | undefined {
  if (!usage) return undefined;
  const cached = usage.prompt_tokens_details?.cached_tokens ?? 0;
  return {
    inputTokens: usage.prompt_tokens,
    outputTokens: usage.completion_tokens,
    ...(cached > 0 ? { cachedInputTokens: cached } : {}),
  };
}

/** Tool calls from a non-streamed completion (custom tools are not used by the bridge). */
export function toToolCalls(message: ChatCompletion.Choice['message']): ToolCall[] {
  const calls: ToolCall[] = [];
  for (const call of message.tool_calls ?? []) {
    if (call.type === 'function') {
      calls.push({ id: call.id, name: call.function.name, arguments: call.function.arguments });
    }
  }
  return calls;
}

/** Assembles streamed tool-call fragments, keyed by the delta's `index`. */
export class ToolCallAccumulator {
  readonly #calls = new Map<number, ToolCall>();

  add(deltas: ChatCompletionChunk.Choice.Delta['tool_calls']): void {
    for (const delta of deltas ?? []) {
      const current = this.#calls.get(delta.index) ?? { id: '', name: '', arguments: '' };
      if (delta.id) current.id = delta.id;
      if (delta.function?.name) current.name += delta.function.name;
      if (delta.function?.arguments) current.arguments += delta.function.arguments;
      this.#calls.set(delta.index, current);
    }
  }

  result(): ToolCall[] {
    return [...this.#calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
  }
}
