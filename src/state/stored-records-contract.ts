import { beforeEach, describe, expect, it } from 'vitest';
import { type StoreUnderTest, T0, TTL_MS } from './contract-fixtures.js';
import type { StateStore } from './state-store.js';
import { StateStoreErrorCodes } from './state-store-error.js';

/** Breaker records (compare-and-set), counters and the cache. Part of the StateStore contract. */
export function describeStoredRecordsContract(current: () => StoreUnderTest): void {
  let store: StateStore;
  beforeEach(() => {
    store = current().store;
  });

  describe('breaker record', () => {
    it('is absent until first written with expectedVersion 0', async () => {
      expect(await store.getBreaker('br')).toBeUndefined();
      expect(await store.compareAndSetBreaker('br', 0, { state: 'open', openedAtMs: T0 })).toBe(
        true,
      );
      expect(await store.getBreaker('br')).toEqual({ state: 'open', openedAtMs: T0, version: 1 });
    });

    it('refuses a write with a stale version and keeps the record', async () => {
      await store.compareAndSetBreaker('br', 0, { state: 'open', openedAtMs: T0 });
      expect(await store.compareAndSetBreaker('br', 0, { state: 'closed' })).toBe(false);
      expect(await store.compareAndSetBreaker('br', 2, { state: 'closed' })).toBe(false);
      expect(await store.getBreaker('br')).toEqual({ state: 'open', openedAtMs: T0, version: 1 });
    });

    it('replaces the whole record and bumps the version on success', async () => {
      await store.compareAndSetBreaker('br', 0, { state: 'open', openedAtMs: T0 });
      const halfOpen = {
        state: 'half-open',
        openedAtMs: T0,
        probesInFlight: 1,
        probeSuccesses: 0,
      } as const;
      expect(await store.compareAndSetBreaker('br', 1, halfOpen)).toBe(true);
      expect(await store.getBreaker('br')).toEqual({ ...halfOpen, version: 2 });
      expect(await store.compareAndSetBreaker('br', 2, { state: 'closed' })).toBe(true);
      expect(await store.getBreaker('br')).toEqual({ state: 'closed', version: 3 });
    });

    it('lets exactly one of many concurrent writers win', async () => {
      const wins = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store.compareAndSetBreaker('br', 0, { state: 'open', openedAtMs: T0 + i }),
        ),
      );
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect((await store.getBreaker('br'))?.version).toBe(1);
    });
  });

  describe('counter', () => {
    it('reads 0 when absent, accumulates, and takes refunds', async () => {
      expect(await store.readCounter('c')).toBe(0);
      expect(await store.addToCounter('c', 5, 60_000)).toBe(5);
      expect(await store.addToCounter('c', 7, 60_000)).toBe(12);
      expect(await store.addToCounter('c', -2, 60_000)).toBe(10);
      expect(await store.readCounter('c')).toBe(10);
    });

    it('expires ttl after creation, not after the last add', async () => {
      await store.addToCounter('c', 1, TTL_MS);
      await current().passTtlTime(TTL_MS / 2);
      expect(await store.addToCounter('c', 1, TTL_MS)).toBe(2);
      await current().passTtlTime(TTL_MS / 2 + 50);
      expect(await store.readCounter('c')).toBe(0);
      expect(await store.addToCounter('c', 3, TTL_MS)).toBe(3);
    });

    it('loses no increment to concurrent writers', async () => {
      await Promise.all(Array.from({ length: 50 }, () => store.addToCounter('c', 1, 60_000)));
      expect(await store.readCounter('c')).toBe(50);
    });

    it('rejects an amount that is not an integer', async () => {
      await expect(store.addToCounter('c', 0.5, 60_000)).rejects.toMatchObject({
        code: StateStoreErrorCodes.badArgument,
      });
    });
  });

  describe('cache', () => {
    it('misses, then returns what was set, the latest value winning', async () => {
      expect(await store.cacheGet('k')).toBeUndefined();
      await store.cacheSet('k', 'first', 60_000);
      await store.cacheSet('k', 'second ✓', 60_000);
      expect(await store.cacheGet('k')).toBe('second ✓');
      await store.cacheSet('empty', '', 60_000);
      expect(await store.cacheGet('empty')).toBe('');
    });

    it('forgets an entry after its ttl', async () => {
      await store.cacheSet('k', 'v', TTL_MS);
      expect(await store.cacheGet('k')).toBe('v');
      await current().passTtlTime(TTL_MS + 50);
      expect(await store.cacheGet('k')).toBeUndefined();
    });
  });
}
