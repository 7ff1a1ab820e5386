import type { ConversationMessage, PolicyInput } from '../policy/answering-policy.js';
import type { MessagesRequest, RequestBlock, RequestMessage } from './request-schema.js';

function textOf(blocks: readonly RequestBlock[]): string {
  return blocks.map((block) => (block.type === 'text' ? block.text : '')).join('');
}

function toolResultText(
  content: Extract<RequestBlock, { type: 'tool_result' }>['content'],
): string {
  if (content === undefined) return '';
  if (typeof content === 'string') return content;
  return content.map((part) => (typeof part.text === 'string' ? part.text : '')).join('');
}

/**
 * One Anthropic turn as the engine's messages: `tool_result` blocks become `tool` messages (in
 * block order, before the turn's own text), `tool_use` blocks become the assistant's tool calls.
 */
function toConversation(message: RequestMessage): ConversationMessage[] {
  if (typeof message.content === 'string') {
    return [{ role: message.role, text: message.content, toolCalls: [] }];
  }
  const blocks = message.content;
  const results: ConversationMessage[] = blocks.flatMap((block) =>
    block.type === 'tool_result'
      ? [{ role: 'tool' as const, text: toolResultText(block.content), toolCalls: [] }]
      : [],
  );
  const toolCalls = blocks.flatMap((block) =>
    block.type === 'tool_use' ? [{ name: block.name, arguments: JSON.stringify(block.input) }] : [],
  );
  const text = textOf(blocks);
  const own =
    text !== '' || toolCalls.length > 0 || results.length === 0
      ? [{ role: message.role, text, toolCalls }]
      : [];
  return [...results, ...own];
}

/** The system prompt, if any, as the engine's first message. */
function systemMessages(request: MessagesRequest): ConversationMessage[] {
  const system = request.system;
  if (system === undefined) return [];
  const text = typeof system === 'string' ? system : textOf(system);
  return text === '' ? [] : [{ role: 'system', text, toolCalls: [] }];
}

/**
 * What the answering policy sees of an Anthropic request: system prompt and turns as messages,
 * the tools `tool_choice` leaves on offer, and whether parallel calls are allowed.
 */
export function policyInput(request: MessagesRequest): PolicyInput {
  const messages = [...systemMessages(request), ...request.messages.flatMap(toConversation)];
  const all = (request.tools ?? []).map((tool) => ({
    name: tool.name,
    ...(tool.description === undefined ? {} : { description: tool.description }),
    parameters: tool.input_schema,
  }));
  const choice = request.tool_choice;
  const tools =
    choice?.type === 'none'
      ? []
      : choice?.type === 'tool'
        ? all.filter((tool) => tool.name === choice.name)
        : all;
  const parallelToolCalls = !(
    choice !== undefined &&
    'disable_parallel_tool_use' in choice &&
    choice.disable_parallel_tool_use === true
  );
  return { messages, tools, parallelToolCalls };
}
