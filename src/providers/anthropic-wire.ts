import type {
  Usage as AnthropicUsage,
  ContentBlockParam,
  Message,
  MessageCreateParamsBase,
  MessageParam,
  RawMessageStreamEvent,
  StopReason,
  Tool,
  ToolResultBlockParam,
} from '@anthropic-ai/sdk/resources/messages';
import type {
  ChatMessage,
  FinishReason,
  ModelRequest,
  ToolCall,
  ToolSpec,
  Usage,
} from './provider.js';

/** Anthropic requires `max_tokens`; this is what a request without `maxOutputTokens` gets. */
export const DEFAULT_ANTHROPIC_MAX_TOKENS = 1024;

/** Our request → Messages API parameters (without `stream`). */
export function toAnthropicParams(request: ModelRequest): MessageCreateParamsBase {
  const system = request.messages
    .flatMap((m) => (m.role === 'system' ? [m.content] : []))
    .join('\n\n');
  return {
    model: request.model,
    max_tokens: request.maxOutputTokens ?? DEFAULT_ANTHROPIC_MAX_TOKENS,
    messages: toAnthropicMessages(request.messages),
    ...(system === '' ? {} : { system }),
    ...(request.tools && request.tools.length > 0
      ? { tools: toAnthropicTools(request.tools) }
      : {}),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
  };
}

/**
 * Assistant tool calls become `tool_use` blocks; `tool` messages become `tool_result` blocks of
 * one user turn (consecutive ones merged, as the API wants every result of a turn together).
 */
function toAnthropicMessages(messages: readonly ChatMessage[]): MessageParam[] {
  const out: MessageParam[] = [];
  // The tool_result blocks of the turn being built, while tool messages keep coming.
  let results: ToolResultBlockParam[] | undefined;
  for (const m of messages) {
    if (m.role !== 'tool') results = undefined;
    switch (m.role) {
      case 'system':
        break;
      case 'user':
        out.push({ role: 'user', content: m.content });
        break;
      case 'assistant':
        out.push(toAssistantMessage(m));
        break;
      case 'tool': {
        const block: ToolResultBlockParam = {
          type: 'tool_result',
          tool_use_id: m.toolCallId,
          content: m.content,
        };
        if (results) results.push(block);
        else {
          results = [block];
          out.push({ role: 'user', content: results });
        }
        break;
      }
    }
  }
  return out;
}

function toAssistantMessage(m: Extract<ChatMessage, { role: 'assistant' }>): MessageParam {
  if (!m.toolCalls || m.toolCalls.length === 0) return { role: 'assistant', content: m.content };
  const content: ContentBlockParam[] = m.content === '' ? [] : [{ type: 'text', text: m.content }];
  for (const call of m.toolCalls) {
    content.push({ type: 'tool_use', id: call.id, name: call.name, input: parseInput(call) });
  }
  return { role: 'assistant', content };
}

/**
 * The API takes a tool's input as an object, but a model may have produced invalid JSON. Such a
 * call is sent with `{}`: the tool's own error reply, already in the conversation, says why.
 */
function parseInput(call: ToolCall): Record<string, unknown> {
  try {
    const input: unknown = JSON.parse(call.arguments);
    return typeof input === 'object' && input !== null && !Array.isArray(input)
      ? (input as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function toAnthropicTools(tools: readonly ToolSpec[]): Tool[] {
  return tools.map((t) => ({
    name: t.name,
    description: t.description,
    input_schema: t.parameters as Tool.InputSchema,
  }));
}

/** The text blocks of a message, joined. */
export function textOf(content: Message['content']): string {
  return content.map((block) => (block.type === 'text' ? block.text : '')).join('');
}

/** The `tool_use` blocks of a message, with their input as a JSON string. */
export function toolCallsOf(content: Message['content']): ToolCall[] {
  return content.flatMap((block) =>
    block.type === 'tool_use'
      ? [{ id: block.id, name: block.name, arguments: JSON.stringify(block.input ?? {}) }]
      : [],
  );
}

/** The token counts of a `usage` object, as message_start and message_delta carry them. */
type UsageCounts = Pick<
  AnthropicUsage,
  'input_tokens' | 'output_tokens' | 'cache_creation_input_tokens' | 'cache_read_input_tokens'
>;

/**
 * Anthropic's `input_tokens` leaves out cache reads and writes; ours counts every input token,
 * with the cache reads as the cached part (as OpenAI reports them).
 */
export function toUsage(usage: UsageCounts): Usage {
  const cached = usage.cache_read_input_tokens ?? 0;
  return {
    inputTokens: usage.input_tokens + cached + (usage.cache_creation_input_tokens ?? 0),
    outputTokens: usage.output_tokens,
    ...(cached > 0 ? { cachedInputTokens: cached } : {}),
  };
}

/** Anthropic's stop reason in the vendor-neutral terms of {@link FinishReason}. */
export function toFinishReason(reason: StopReason | null): FinishReason {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    case 'pause_turn':
    case null:
      return 'other';
    default:
      // A reason newer than this SDK.
      return 'other';
  }
}

/**
 * Assembles a streamed message from its events: text, tool calls (input JSON fragments joined per
 * block index), the usage of message_start updated by message_delta's cumulative counts, the stop
 * reason, and whether message_stop arrived.
 */
export class StreamedMessage {
  text = '';
  model: string;
  stopReason: StopReason | null = null;
  stopped = false;
  readonly #calls = new Map<number, ToolCall>();
  #counts: UsageCounts | undefined;

  constructor(requestedModel: string) {
    this.model = requestedModel;
  }

  /** Takes one event; true when it carried generated output (text or tool-input JSON). */
  add(event: RawMessageStreamEvent): boolean {
    switch (event.type) {
      case 'message_start':
        this.model = event.message.model || this.model;
        this.#counts = { ...event.message.usage };
        return false;
      case 'content_block_start':
        if (event.content_block.type === 'tool_use') {
          const { id, name } = event.content_block;
          this.#calls.set(event.index, { id, name, arguments: '' });
        }
        return false;
      case 'content_block_delta': {
        const delta = event.delta;
        if (delta.type === 'text_delta') this.text += delta.text;
        if (delta.type !== 'input_json_delta')
          return delta.type === 'text_delta' && delta.text !== '';
        const call = this.#calls.get(event.index);
        if (call) call.arguments += delta.partial_json;
        return delta.partial_json !== '';
      }
      case 'message_delta': {
        this.stopReason = event.delta.stop_reason ?? this.stopReason;
        // A count the event leaves null keeps message_start's value.
        const counts = this.#counts;
        const usage = event.usage;
        if (counts) {
          this.#counts = {
            input_tokens: usage.input_tokens ?? counts.input_tokens,
            output_tokens: usage.output_tokens,
            cache_creation_input_tokens:
              usage.cache_creation_input_tokens ?? counts.cache_creation_input_tokens,
            cache_read_input_tokens:
              usage.cache_read_input_tokens ?? counts.cache_read_input_tokens,
          };
        }
        return false;
      }
      case 'message_stop':
        this.stopped = true;
        return false;
      case 'content_block_stop':
        return false;
    }
  }

  /** The usage, once message_start has arrived. */
  usage(): Usage | undefined {
    return this.#counts && toUsage(this.#counts);
  }

  /** Tool calls in block order; a tool without inputs streams no JSON, so its input is `{}`. */
  toolCalls(): ToolCall[] {
    return [...this.#calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, call]) => ({ ...call, arguments: call.arguments || '{}' }));
  }
}
