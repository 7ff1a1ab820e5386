export type { AgnoAgentOSOptions, AgnoModelResponse } from './agno-agentos.js';
export { createAgnoAgentOSProvider, serverToolCallsOf } from './agno-agentos.js';
export type { AnthropicProviderOptions } from './anthropic.js';
export { createAnthropicProvider, DEFAULT_ANTHROPIC_MAX_TOKENS } from './anthropic.js';
export {
  abortFailure,
  failureFromHttp,
  failureFromStreamError,
  networkFailure,
  parseRetryAfterMs,
  timeoutFailure,
} from './failure.js';
export type { UndiciFetch, UndiciFetchOptions } from './http/undici-fetch.js';
export { createUndiciFetch } from './http/undici-fetch.js';
export type { OpenAICompatibleOptions } from './openai-compatible.js';
export { createOpenAICompatibleProvider } from './openai-compatible.js';
export type { OpenAIResponsesOptions } from './openai-responses.js';
export { createOpenAIResponsesProvider } from './openai-responses.js';
export type {
  CallOptions,
  ChatMessage,
  FailureCode,
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
export { FAILURE_CODES, isRetryable } from './provider.js';
export type { Script, ScriptedProvider, ScriptedStep } from './scripted.js';
export { createScriptedProvider } from './scripted.js';
