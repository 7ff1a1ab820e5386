import { describe, expect, it } from 'vitest';
import { connectTestRedis, TEST_REDIS_URL, useTestRedis } from '../../test/support/test-redis.js';
import { createRedisStore } from './redis-store.js';
import { describeStateStoreContract } from './state-store-contract.js';
import { StateStoreError, StateStoreErrorCodes } from './state-store-error.js';

const { nextPrefix, connectAdmin } = useTestRedis('state');
const REDIS_URL = TEST_REDIS_URL;
const T0 = 1_767_225_600_000;

describeStateStoreContract('redis', async () => {
  await connectAdmin(); // fails each test with the clear message when Redis is down
  const store = await createRedisStore({ url: REDIS_URL, keyPrefix: nextPrefix() });
  return {
    store,
    passTtlTime: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
});

describe('redis store, shared by replicas', () => {
  it('shares one token bucket between two connections, atomically', async () => {
    await connectAdmin();
    const keyPrefix = nextPrefix();
    const [a, b] = await Promise.all([
      createRedisStore({ url: REDIS_URL, keyPrefix }),
      createRedisStore({ url: REDIS_URL, keyPrefix }),
    ]);
    try {
      const spec = { capacity: 10, refillPerSecond: 1 };
      expect((await a.takeTokens('rps', spec, 6, T0)).remaining).toBe(4);
      expect((await b.takeTokens('rps', spec, 4, T0)).remaining).toBe(0);
      expect((await a.takeTokens('rps', spec, 1, T0)).allowed).toBe(false);
      const takes = await Promise.all(
        Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).takeTokens('burst', spec, 1, T0)),
      );
      expect(takes.filter((t) => t.allowed)).toHaveLength(10);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('shares one breaker record: a replica with a stale version loses', async () => {
    await connectAdmin();
    const keyPrefix = nextPrefix();
    const a = await createRedisStore({ url: REDIS_URL, keyPrefix });
    const b = await createRedisStore({ url: REDIS_URL, keyPrefix });
    try {
      expect(await a.compareAndSetBreaker('p', 0, { state: 'open', openedAtMs: T0 })).toBe(true);
      expect(await b.getBreaker('p')).toEqual({ state: 'open', openedAtMs: T0, version: 1 });
      expect(await b.compareAndSetBreaker('p', 0, { state: 'open', openedAtMs: T0 + 1 })).toBe(
        false,
      );
      expect(await b.compareAndSetBreaker('p', 1, { state: 'half-open', openedAtMs: T0 })).toBe(
        true,
      );
      expect(await a.compareAndSetBreaker('p', 1, { state: 'closed' })).toBe(false);
      expect((await a.getBreaker('p'))?.state).toBe('half-open');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('redis store keys and connection', () => {
  it('namespaces keys by prefix and kind, and lets idle state expire', async () => {
    const admin = await connectAdmin();
    const keyPrefix = nextPrefix();
    const store = await createRedisStore({ url: REDIS_URL, keyPrefix });
    try {
      await store.takeTokens('k', { capacity: 10, refillPerSecond: 10 }, 1, T0);
      await store.recordOutcome('k', true, T0, { windowMs: 10_000, bucketMs: 1000 });
      await store.compareAndSetBreaker('k', 0, { state: 'closed' });
      await store.addToCounter('k', 1, 60_000);
      await store.cacheSet('k', 'v', 60_000);
      const keys = (await admin.keys(`${keyPrefix}*`)).sort();
      expect(keys).toEqual(
        ['br', 'cache', 'ctr', 'tb', 'win'].map((kind) => `${keyPrefix}${kind}:k`),
      );
      // One token short at 10/s: full again in 100 ms, and gone then.
      expect(await admin.pttl(`${keyPrefix}tb:k`)).toBeGreaterThan(0);
      expect(await admin.pttl(`${keyPrefix}tb:k`)).toBeLessThanOrEqual(101);
      expect(await admin.pttl(`${keyPrefix}win:k`)).toBeLessThanOrEqual(10_000);
      expect(await admin.pttl(`${keyPrefix}br:k`)).toBe(-1);
    } finally {
      await store.close();
    }
  });

  it('keeps a counter expiry from creation when added to again', async () => {
    const admin = await connectAdmin();
    const keyPrefix = nextPrefix();
    const store = await createRedisStore({ url: REDIS_URL, keyPrefix });
    try {
      await store.addToCounter('c', 1, 60_000);
      await admin.pexpire(`${keyPrefix}ctr:c`, 5000);
      await store.addToCounter('c', 1, 60_000);
      expect(await admin.pttl(`${keyPrefix}ctr:c`)).toBeLessThanOrEqual(5000);
    } finally {
      await store.close();
    }
  });

  it('reports a corrupted or foreign key as a bad reply, not a crash', async () => {
    const admin = await connectAdmin();
    const keyPrefix = nextPrefix();
    const store = await createRedisStore({ url: REDIS_URL, keyPrefix });
    try {
      await admin.set(`${keyPrefix}ctr:c`, 'twelve');
      await admin.set(`${keyPrefix}tb:b`, 'not a hash');
      await admin.hset(`${keyPrefix}br:x`, 'state', 'ajar', 'version', '1');
      const bad = { code: StateStoreErrorCodes.badReply };
      await expect(store.readCounter('c')).rejects.toMatchObject(bad);
      await expect(
        store.takeTokens('b', { capacity: 1, refillPerSecond: 1 }, 1, T0),
      ).rejects.toMatchObject(bad);
      await expect(store.getBreaker('x')).rejects.toMatchObject(bad);
    } finally {
      await store.close();
    }
  });

  it('leaves a client it was given open, and fails fast once that client is gone', async () => {
    const client = await connectTestRedis();
    const store = await createRedisStore({ client, keyPrefix: nextPrefix() });
    await store.cacheSet('k', 'v', 60_000);
    await store.close();
    expect(await client.ping()).toBe('PONG');
    client.disconnect();
    const error = await store.cacheGet('k').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateStoreError);
    expect(error).toMatchObject({ code: StateStoreErrorCodes.unavailable });
    expect((error as Error).message).toMatch(/^Redis not reachable at redis:\/\/[^@]+$/);
  });

  it('reconnects by itself after the connection drops', async () => {
    const admin = await connectAdmin();
    const client = await connectTestRedis();
    const store = await createRedisStore({ client, keyPrefix: nextPrefix() });
    try {
      await store.addToCounter('c', 1, 60_000);
      const id = await client.client('ID');
      const reconnected = new Promise((resolve) => client.once('ready', resolve));
      await admin.client('KILL', 'ID', String(id));
      await reconnected;
      expect(await store.readCounter('c')).toBe(1);
    } finally {
      client.disconnect();
    }
  });
});
