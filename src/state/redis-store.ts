import type { Redis } from 'ioredis';
import { decodeBreakerHash, encodeBreakerHash, parseRedisNumber } from './breaker-hash.js';
import {
  bucketsInWindow,
  checkCounter,
  checkTake,
  checkTtl,
  checkVersion,
  checkWindow,
} from './check-args.js';
import {
  connectRedis,
  type RedisConnectOptions,
  redactRedisUrl,
  unavailableError,
} from './redis-connection.js';
import { defineStateScripts } from './redis-scripts.js';
import type { StateStore } from './state-store.js';
import { StateStoreError, StateStoreErrorCodes } from './state-store-error.js';

/** The store opens its own connection from `url`, and `close()` quits it. */
interface OwnConnection {
  url: string;
  client?: never;
}

/** A connection the caller owns: used as it is, never closed by the store. */
interface GivenConnection {
  client: Redis;
  url?: never;
}

export type RedisStoreOptions = RedisConnectOptions &
  (OwnConnection | GivenConnection) & {
    /** Namespace of every key this store writes. Default `hb:`. */
    keyPrefix?: string;
  };

/**
 * A {@link StateStore} in Redis, so many bridge replicas share rate limits, breakers, budgets
 * and the cache. Every read-modify-write is one Lua script, atomic across replicas. Expiry of
 * counters and cache entries follows the Redis server's clock. Keys are `<prefix><kind>:<key>`
 * with kinds `tb` (token bucket), `win` (outcome window), `br` (breaker), `ctr`, `cache`.
 *
 * @example
 * const store = await createRedisStore({ url: 'redis://127.0.0.1:6379' });
 * try { await store.takeTokens('rps', { capacity: 10, refillPerSecond: 5 }, 1, Date.now()); }
 * finally { await store.close(); }
 */
export async function createRedisStore(options: RedisStoreOptions): Promise<StateStore> {
  const owned = options.client === undefined;
  const client = options.client ?? (await connectRedis(options.url, options));
  const safeUrl = options.url
    ? redactRedisUrl(options.url)
    : `redis://${client.options.host ?? 'localhost'}:${client.options.port ?? 6379}`;
  const prefix = options.keyPrefix ?? 'hb:';
  const scripts = defineStateScripts(client);
  const keyOf = {
    bucket: (key: string) => `${prefix}tb:${key}`,
    window: (key: string) => `${prefix}win:${key}`,
    breaker: (key: string) => `${prefix}br:${key}`,
    counter: (key: string) => `${prefix}ctr:${key}`,
    cache: (key: string) => `${prefix}cache:${key}`,
  };

  /** Runs one call, turning a driver failure into a StateStoreError that names the server. */
  async function call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof StateStoreError) throw error;
      // A ReplyError is Redis answering "no" (e.g. WRONGTYPE on a foreign key), not Redis gone.
      if (error instanceof Error && error.name === 'ReplyError')
        throw new StateStoreError(
          StateStoreErrorCodes.badReply,
          `Redis at ${safeUrl} refused a command: ${error.message}`,
          { cause: error },
        );
      throw unavailableError(safeUrl, error);
    }
  }

  return {
    async takeTokens(key, spec, cost, nowMs) {
      checkTake(spec, cost, nowMs);
      const [allowed, remaining, retryAfterMs] = await call(() =>
        scripts.takeTokens(keyOf.bucket(key), spec.capacity, spec.refillPerSecond, cost, nowMs),
      );
      return {
        allowed: allowed === 1,
        remaining,
        retryAfterMs: retryAfterMs < 0 ? Number.POSITIVE_INFINITY : retryAfterMs,
      };
    },

    async recordOutcome(key, ok, nowMs, window) {
      checkWindow(window, nowMs);
      const index = Math.floor(nowMs / window.bucketMs);
      const [successes, failures] = await call(() =>
        scripts.recordOutcome(
          keyOf.window(key),
          index,
          bucketsInWindow(window),
          ok ? 1 : 0,
          window.windowMs,
        ),
      );
      return { successes, failures };
    },

    async readOutcomes(key, nowMs, window) {
      checkWindow(window, nowMs);
      const index = Math.floor(nowMs / window.bucketMs);
      const [successes, failures] = await call(() =>
        scripts.readOutcomes(keyOf.window(key), index, bucketsInWindow(window)),
      );
      return { successes, failures };
    },

    async resetOutcomes(key) {
      await call(() => client.del(keyOf.window(key)));
    },

    async getBreaker(key) {
      const hash = await call(() => client.hgetall(keyOf.breaker(key)));
      return decodeBreakerHash(hash, safeUrl);
    },

    async compareAndSetBreaker(key, expectedVersion, next) {
      checkVersion(expectedVersion);
      const fields = encodeBreakerHash(next);
      return call(() => scripts.casBreaker(keyOf.breaker(key), expectedVersion, fields));
    },

    async addToCounter(key, amount, ttlMs) {
      checkCounter(amount, ttlMs);
      return call(() => scripts.addToCounter(keyOf.counter(key), amount, Math.ceil(ttlMs)));
    },

    async readCounter(key) {
      const raw = await call(() => client.get(keyOf.counter(key)));
      return raw === null ? 0 : parseRedisNumber(raw, `counter ${key}`, safeUrl);
    },

    async cacheGet(key) {
      return (await call(() => client.get(keyOf.cache(key)))) ?? undefined;
    },

    async cacheSet(key, value, ttlMs) {
      checkTtl(ttlMs);
      await call(() => client.set(keyOf.cache(key), value, 'PX', Math.ceil(ttlMs)));
    },

    async close() {
      if (!owned || client.status === 'end') return;
      await client.quit().catch(() => client.disconnect());
    },
  };
}
