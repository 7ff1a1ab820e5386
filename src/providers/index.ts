export {
  abortFailure,
  failureFromHttp,
  networkFailure,
  parseRetryAfterMs,
  timeoutFailure,
} from './failure.js';
export type { OpenAICompatibleOptions } from './openai-compatible.js';
export { createOpenAICompatibleProvider } from './openai-compatible.js';
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
  ToolCall,
  ToolSpec,
  Usage,
} from './provider.js';
export { FAILURE_CODES, isRetryable } from './provider.js';
export type { Script, ScriptedProvider, ScriptedStep } from './scripted.js';
export { createScriptedProvider } from './scripted.js';
