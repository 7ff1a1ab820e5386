import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../../state/redis-connection.js';
import { describeContextStoreContract } from './context-store-contract.js';
import { ContextStoreError, ContextStoreErrorCodes } from './context-store-error.js';
import { createRedisContextStore } from './redis-context-store.js';

// The real Redis of the development and CI machines. These tests fail, never skip, without it.
const REDIS_URL = process.env.HB_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const RUN_PREFIX = `hb-test:context:${randomUUID()}:`;
let storeCount = 0;
const nextPrefix = () => `${RUN_PREFIX}${++storeCount}:`;

async function connectTestRedis(): Promise<Redis> {
  try {
    return await connectRedis(REDIS_URL);
  } catch (error) {
    throw new Error(
      `Redis not reachable at ${REDIS_URL.replace(/^redis:\/\//, '')}: start it with ` +
        '`redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save ""`, ' +
        'or point HB_TEST_REDIS_URL at one.',
      { cause: error },
    );
  }
}

// One connection for inspecting and cleaning keys, opened by the first test that needs it. Not
// in beforeAll: a failing beforeAll reports every test as skipped, and these must fail.
let adminConnection: Promise<Redis> | undefined;
const connectAdmin = () => {
  adminConnection ??= connectTestRedis();
  return adminConnection;
};
afterAll(async () => {
  const admin = await adminConnection?.catch(() => undefined);
  if (!admin) return;
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await admin.scan(cursor, 'MATCH', `${RUN_PREFIX}*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  if (keys.length > 0) await admin.del(...keys);
  await admin.quit();
});

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
