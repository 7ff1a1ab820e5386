import { beforeEach, describe, expect, it } from 'vitest';
import { type StoreUnderTest, T0 } from './contract-fixtures.js';
import type { StateStore, TokenBucketSpec } from './state-store.js';
import { StateStoreErrorCodes } from './state-store-error.js';

/** Token buckets: refill, caps, exact waits, atomic takes. Part of the StateStore contract. */
export function describeTokenBucketContract(current: () => StoreUnderTest): void {
  let store: StateStore;
  beforeEach(() => {
    store = current().store;
  });

  describe('token bucket', () => {
    const spec: TokenBucketSpec = { capacity: 10, refillPerSecond: 2 };

    it('starts full and takes down to empty', async () => {
      expect(await store.takeTokens('b', spec, 4, T0)).toEqual({
        allowed: true,
        remaining: 6,
        retryAfterMs: 0,
      });
      expect(await store.takeTokens('b', spec, 6, T0)).toMatchObject({
        allowed: true,
        remaining: 0,
      });
      expect(await store.takeTokens('b', spec, 1, T0)).toEqual({
        allowed: false,
        remaining: 0,
        retryAfterMs: 500,
      });
    });

    it('refills continuously with elapsed time', async () => {
      await store.takeTokens('b', spec, 10, T0);
      expect(await store.takeTokens('b', spec, 3, T0 + 1500)).toMatchObject({
        allowed: true,
        remaining: 0,
      });
      expect(await store.takeTokens('b', spec, 1, T0 + 1750)).toEqual({
        allowed: false,
        remaining: 0,
        retryAfterMs: 250,
      });
    });

    it('refills no further than capacity', async () => {
      await store.takeTokens('b', spec, 10, T0);
      expect(await store.takeTokens('b', spec, 1, T0 + 3_600_000)).toMatchObject({
        allowed: true,
        remaining: 9,
      });
    });

    it('gives the exact wait for a deficit, and a denied take consumes nothing', async () => {
      const fast = { capacity: 10, refillPerSecond: 4 };
      await store.takeTokens('b', fast, 10, T0);
      // 2.8 tokens after 700 ms; 5 wanted: 2.2 short at 4/s is 550 ms, float noise and all.
      expect(await store.takeTokens('b', fast, 5, T0 + 700)).toEqual({
        allowed: false,
        remaining: 2,
        retryAfterMs: 550,
      });
      expect(await store.takeTokens('b', fast, 5, T0 + 1249)).toMatchObject({ allowed: false });
      expect(await store.takeTokens('b', fast, 5, T0 + 1250)).toMatchObject({
        allowed: true,
        remaining: 0,
      });
      // A wait that is not whole milliseconds rounds up: 1 token at 3/s is 333.3 ms.
      const third = { capacity: 1, refillPerSecond: 3 };
      await store.takeTokens('c', third, 1, T0);
      expect((await store.takeTokens('c', third, 1, T0)).retryAfterMs).toBe(334);
    });

    it('does not round float noise up into an extra millisecond', async () => {
      const slow = { capacity: 5, refillPerSecond: 0.1 };
      await store.takeTokens('b', slow, 5, T0);
      // 2.9866 tokens short at 0.1/s is 29 866 ms; in floats it comes out as 29866.000000000004.
      expect((await store.takeTokens('b', slow, 3, T0 + 134)).retryAfterMs).toBe(29_866);
      expect((await store.takeTokens('b', slow, 3, T0 + 30_000)).allowed).toBe(true);
    });

    it('never allows a cost above capacity, and says it never will', async () => {
      expect(await store.takeTokens('b', spec, 11, T0)).toEqual({
        allowed: false,
        remaining: 10,
        retryAfterMs: Number.POSITIVE_INFINITY,
      });
      expect((await store.takeTokens('b', spec, 11, T0 + 3_600_000)).allowed).toBe(false);
      expect((await store.takeTokens('b', spec, 10, T0 + 3_600_000)).allowed).toBe(true);
    });

    it('says a bucket without refill never refills', async () => {
      const quota = { capacity: 2, refillPerSecond: 0 };
      await store.takeTokens('b', quota, 2, T0);
      expect(await store.takeTokens('b', quota, 1, T0 + 3_600_000)).toEqual({
        allowed: false,
        remaining: 0,
        retryAfterMs: Number.POSITIVE_INFINITY,
      });
    });

    it('refills nothing for a reading older than the last one (clock skew)', async () => {
      await store.takeTokens('b', spec, 10, T0 + 1000);
      expect((await store.takeTokens('b', spec, 1, T0)).allowed).toBe(false);
      expect((await store.takeTokens('b', spec, 1, T0 + 1500)).allowed).toBe(true);
    });

    it('allows exactly capacity out of 50 concurrent takes', async () => {
      const takes = await Promise.all(
        Array.from({ length: 50 }, () => store.takeTokens('b', spec, 1, T0)),
      );
      expect(takes.filter((t) => t.allowed)).toHaveLength(10);
    });

    it('rejects impossible arguments with a stable code', async () => {
      await expect(store.takeTokens('b', spec, 0, T0)).rejects.toMatchObject({
        code: StateStoreErrorCodes.badArgument,
      });
      await expect(
        store.takeTokens('b', { capacity: 0, refillPerSecond: 1 }, 1, T0),
      ).rejects.toMatchObject({ code: StateStoreErrorCodes.badArgument });
    });
  });
}
