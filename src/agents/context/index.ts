export type {
  ContextChange,
  ContextDraft,
  ContextEnding,
  ContextHandoff,
  ContextStore,
  ContextTurn,
  ConversationContext,
  PutResult,
  TranscriptMessage,
  TranscriptRole,
  UpdateOptions,
} from './context-store.js';
export {
  ContextStoreError,
  type ContextStoreErrorCode,
  ContextStoreErrorCodes,
  ContextUpdateConflictError,
} from './context-store-error.js';
export {
  createMemoryContextStore,
  type MemoryContextStoreOptions,
} from './memory-context-store.js';
export { createRedisContextStore, type RedisContextStoreOptions } from './redis-context-store.js';
export {
  type HandoffBrief,
  type HandoffSummaryOptions,
  renderHandoffBrief,
  summarizeForHandoff,
} from './summarize-for-handoff.js';
