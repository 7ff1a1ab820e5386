export type { CountableMessage } from './prompt-tokens.js';
export { countPromptTokens, TOOL_CALL_OVERHEAD_TOKENS, toolCallTokens } from './prompt-tokens.js';
export type { TokenCounter } from './token-counter.js';
export { createTokenCounter } from './token-counter.js';
