export type { CreateStateStoreOptions } from './create-state-store.js';
export { createStateStore } from './create-state-store.js';
export type { MemoryStoreOptions } from './memory-store.js';
export { createMemoryStore } from './memory-store.js';
export type { RedisConnectOptions } from './redis-connection.js';
export type { RedisStoreOptions } from './redis-store.js';
export { createRedisStore } from './redis-store.js';
export type {
  BreakerRecord,
  OutcomeCounts,
  OutcomeWindow,
  StateStore,
  TokenBucketSpec,
  TokenTake,
} from './state-store.js';
export type { StateStoreErrorCode } from './state-store-error.js';
export { StateStoreError, StateStoreErrorCodes } from './state-store-error.js';
