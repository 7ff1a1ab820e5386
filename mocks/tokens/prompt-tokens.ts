import type { TokenCounter } from './token-counter.js';

/*
 * Chat-format accounting as in OpenAI's token-counting cookbook for gpt-4o-class models: each
 * message costs 3 tokens of framing plus its role and content, and the reply is primed with 3
 * more. Checked against a recording: a single user "Hello" reported prompt_tokens 8 (3 + 1 + 1
 * + 3).
 */
const PER_MESSAGE_TOKENS = 3;
const REPLY_PRIMING_TOKENS = 3;

/**
 * Framing around one tool call beyond its name and arguments. Recordings report 16 completion
 * tokens for get_weather (2) + {"city":"New York City"} (7), 15 for get_capital (3) +
 * {"country":"UK"} (5) and 12 for get_user_country (3) + {} (1): 7, 7 and 8 tokens of framing.
 */
export const TOOL_CALL_OVERHEAD_TOKENS = 7;

/** The parts of a message that cost prompt tokens. */
export interface CountableMessage {
  role: string;
  text: string;
  toolCalls: readonly { name: string; arguments: string }[];
}

/** Tokens of one tool call as the model writes it: name, arguments and framing. */
export function toolCallTokens(
  tokens: TokenCounter,
  call: { name: string; arguments: string },
): number {
  return tokens.count(call.name) + tokens.count(call.arguments) + TOOL_CALL_OVERHEAD_TOKENS;
}

/**
 * Prompt tokens of a request: messages with framing, plus the tool definitions as JSON.
 *
 * @example
 * countPromptTokens(tokens, [{ role: 'user', text: 'Hello', toolCalls: [] }], undefined); // 8
 */
export function countPromptTokens(
  tokens: TokenCounter,
  messages: readonly CountableMessage[],
  toolsJson: string | undefined,
): number {
  let total = REPLY_PRIMING_TOKENS + (toolsJson === undefined ? 0 : tokens.count(toolsJson));
  for (const message of messages) {
    total += PER_MESSAGE_TOKENS + tokens.count(message.role) + tokens.count(message.text);
    for (const call of message.toolCalls) total += toolCallTokens(tokens, call);
  }
  return total;
}
