import { BoundedMap } from './bounded-map.js';
import {
  bucketsInWindow,
  checkCounter,
  checkTake,
  checkTtl,
  checkVersion,
  checkWindow,
} from './check-args.js';
import { OutcomeRing } from './outcome-ring.js';
import type { BreakerRecord, StateStore } from './state-store.js';
import { type BucketState, takeFromBucket } from './token-bucket.js';

export interface MemoryStoreOptions {
  /** Most entries the response cache holds; the least recently used go first. Default 1000. */
  maxCacheEntries?: number;
  /** Most keys of each other kind (buckets, windows, breakers, counters). Default 100 000. */
  maxKeys?: number;
  /**
   * Wall-clock milliseconds, used only for the expiry of counters and cache entries (their
   * operations take no `nowMs`). Default `Date.now`; tests inject a manual clock.
   */
  now?: () => number;
}

interface Expiring<V> {
  value: V;
  expiresAtMs: number;
}

/**
 * A {@link StateStore} for one process. Every operation runs to completion synchronously before
 * its promise settles, so concurrent calls never interleave: that is what makes them atomic.
 *
 * @example
 * const store = createMemoryStore();
 * const spec = { capacity: 10, refillPerSecond: 5 };
 * const take = await store.takeTokens('rps:simple', spec, 1, Date.now());
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): StateStore {
  const maxKeys = options.maxKeys ?? 100_000;
  const now = options.now ?? Date.now;
  const buckets = new BoundedMap<BucketState>(maxKeys);
  const windows = new BoundedMap<OutcomeRing>(maxKeys);
  const breakers = new BoundedMap<BreakerRecord>(maxKeys);
  const counters = new BoundedMap<Expiring<number>>(maxKeys);
  const cache = new BoundedMap<Expiring<string>>(options.maxCacheEntries ?? 1000);

  /** The live entry, dropping an expired one. */
  function live<V>(map: BoundedMap<Expiring<V>>, key: string): Expiring<V> | undefined {
    const entry = map.get(key);
    if (entry && entry.expiresAtMs <= now()) {
      map.delete(key);
      return undefined;
    }
    return entry;
  }

  return {
    async takeTokens(key, spec, cost, nowMs) {
      checkTake(spec, cost, nowMs);
      const { state, take } = takeFromBucket(buckets.get(key), spec, cost, nowMs);
      buckets.set(key, state);
      return take;
    },

    async recordOutcome(key, ok, nowMs, window) {
      checkWindow(window, nowMs);
      const index = Math.floor(nowMs / window.bucketMs);
      const size = bucketsInWindow(window);
      let ring = windows.get(key);
      if (!ring) ring = new OutcomeRing(size);
      else if (ring.bucketCount !== size) ring = ring.resized(size, index);
      ring.record(ok, index);
      windows.set(key, ring);
      return ring.count(index);
    },

    async readOutcomes(key, nowMs, window) {
      checkWindow(window, nowMs);
      const index = Math.floor(nowMs / window.bucketMs);
      const ring = windows.get(key);
      if (!ring) return { successes: 0, failures: 0 };
      return ring.bucketCount === bucketsInWindow(window)
        ? ring.count(index)
        : ring.resized(bucketsInWindow(window), index).count(index);
    },

    async resetOutcomes(key) {
      windows.delete(key);
    },

    async getBreaker(key) {
      const record = breakers.get(key);
      return record && { ...record };
    },

    async compareAndSetBreaker(key, expectedVersion, next) {
      checkVersion(expectedVersion);
      const current = breakers.get(key)?.version ?? 0;
      if (current !== expectedVersion) return false;
      breakers.set(key, withoutUndefined({ ...next, version: expectedVersion + 1 }));
      return true;
    },

    async addToCounter(key, amount, ttlMs) {
      checkCounter(amount, ttlMs);
      const entry = live(counters, key) ?? { value: 0, expiresAtMs: now() + ttlMs };
      entry.value += amount;
      counters.set(key, entry);
      return entry.value;
    },

    async readCounter(key) {
      return live(counters, key)?.value ?? 0;
    },

    async cacheGet(key) {
      return live(cache, key)?.value;
    },

    async cacheSet(key, value, ttlMs) {
      checkTtl(ttlMs);
      cache.set(key, { value, expiresAtMs: now() + ttlMs });
    },

    async close() {},
  };
}

/** The record as Redis would give it back: absent optional fields are absent, not `undefined`. */
function withoutUndefined(record: BreakerRecord): BreakerRecord {
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== undefined),
  ) as unknown as BreakerRecord;
}
