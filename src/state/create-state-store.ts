import { createMemoryStore, type MemoryStoreOptions } from './memory-store.js';
import { createRedisStore } from './redis-store.js';
import type { StateStore } from './state-store.js';

export interface CreateStateStoreOptions {
  /** Redis to share state through; wins over `env.REDIS_URL`. */
  redisUrl?: string;
  /** Where `REDIS_URL` is read from. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Bounds of the in-memory store, when that is the one chosen. */
  memory?: MemoryStoreOptions;
  /** Redis only: namespace for this store's keys (separate runs or tenants on one Redis). */
  keyPrefix?: string;
}

/**
 * The state store this deployment asks for: Redis when a URL is given (option or `REDIS_URL`),
 * so replicas share state; otherwise memory, for one process with nothing to set up. With Redis
 * it connects before resolving, so a wrong URL fails at start-up with a clear message.
 *
 * @example
 * const store = await createStateStore(); // REDIS_URL=redis://127.0.0.1:6379 → Redis
 */
export async function createStateStore(options: CreateStateStoreOptions = {}): Promise<StateStore> {
  const env = options.env ?? process.env;
  const url = options.redisUrl ?? env.REDIS_URL;
  if (url !== undefined && url.trim() !== '') {
    return createRedisStore({
      url: url.trim(),
      ...(options.keyPrefix === undefined ? {} : { keyPrefix: options.keyPrefix }),
    });
  }
  return createMemoryStore(options.memory);
}
