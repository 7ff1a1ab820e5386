import { describe, expect, it } from 'vitest';
import { TEST_REDIS_URL, useTestRedis } from '../../../test/support/test-redis.js';
import { describeContextStoreContract } from './context-store-contract.js';
import { ContextStoreError, ContextStoreErrorCodes } from './context-store-error.js';
import { createRedisContextStore } from './redis-context-store.js';

const { nextPrefix, connectAdmin } = useTestRedis('context');
const REDIS_URL = TEST_REDIS_URL;

describeContextStoreContract('redis', async ({ ttlMs }) => {
  await connectAdmin(); // fails each test with the clear message when Redis is down
  const keyPrefix = nextPrefix();
  const store = await createRedisContextStore({ url: REDIS_URL, keyPrefix, ttlMs });
  return {
    store,
    // A second connection, as another process would open.
    openPeer: () => createRedisContextStore({ url: REDIS_URL, keyPrefix, ttlMs }),
    passTime: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
});

describe('redis context store', () => {
  const open = async (keyPrefix = nextPrefix()) => {
    const admin = await connectAdmin();
    const store = await createRedisContextStore({ url: REDIS_URL, keyPrefix, ttlMs: 60_000 });
    return { admin, store, key: (id: string) => `${keyPrefix}context:${id}` };
  };
  const draft = { conversationId: 'c1', transcript: [], facts: { a: 1 }, handoffs: [] };

  it('stores one hash per conversation, with the version, the JSON and an expiry', async () => {
    const { admin, store, key } = await open();
    await store.put(draft, 0);
    expect(await admin.hgetall(key('c1'))).toEqual({ v: '1', doc: JSON.stringify(draft) });
    const ttl = await admin.pttl(key('c1'));
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    await store.close();
  });

  it('names the key in a typed error when a stored value is corrupt', async () => {
    const { admin, store, key } = await open();
    const cases: Array<[string, () => Promise<unknown>]> = [
      ['not JSON', () => admin.hset(key('c1'), 'v', '1', 'doc', '{oops')],
      ['bad shape', () => admin.hset(key('c1'), 'v', '1', 'doc', '{"conversationId":"c1"}')],
      [
        'other conversation',
        () =>
          admin.hset(key('c1'), 'v', '1', 'doc', JSON.stringify({ ...draft, conversationId: 'x' })),
      ],
      ['bad version', () => admin.hset(key('c1'), 'v', 'one', 'doc', JSON.stringify(draft))],
      ['no value', () => admin.hset(key('c1'), 'v', '2')],
      ['not a hash', () => admin.set(key('c1'), 'plain string')],
    ];
    for (const [, corruptIt] of cases) {
      await admin.del(key('c1'));
      await corruptIt();
      for (const attempt of [() => store.get('c1'), () => store.put(draft, 0)]) {
        const error = await attempt().catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(ContextStoreError);
        expect(error).toMatchObject({ code: ContextStoreErrorCodes.corrupt });
        expect((error as Error).message).toContain(key('c1'));
      }
    }
    await store.close();
  });

  it('fails fast with a typed error, without the password, when Redis is not there', async () => {
    const error = await createRedisContextStore({
      url: 'redis://user:s3cret@127.0.0.1:1',
      keyPrefix: 'x:',
      ttlMs: 1000,
      connectTimeoutMs: 500,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: ContextStoreErrorCodes.unavailable });
    expect((error as Error).message).not.toContain('s3cret');
    await expect(
      createRedisContextStore({ url: 'http://user:s3cret@x', keyPrefix: 'x:', ttlMs: 1000 }),
    ).rejects.toMatchObject({ code: ContextStoreErrorCodes.badUrl, isUserError: true });
    await expect(
      createRedisContextStore({ url: REDIS_URL, keyPrefix: 'x:', ttlMs: 0 }),
    ).rejects.toMatchObject({ code: ContextStoreErrorCodes.badArgument });
  });
});
