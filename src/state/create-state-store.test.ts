import { describe, expect, it } from 'vitest';
import { createStateStore } from './create-state-store.js';
import { StateStoreErrorCodes } from './state-store-error.js';

const UNREACHABLE = 'redis://127.0.0.1:1';
const REDIS_URL = process.env.HB_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const unavailable = { code: StateStoreErrorCodes.unavailable };

describe('createStateStore', () => {
  it('keeps state in memory when no Redis URL is set (or it is blank)', async () => {
    for (const env of [{}, { REDIS_URL: '  ' }]) {
      const store = await createStateStore({ env });
      expect(await store.addToCounter('c', 2, 60_000)).toBe(2);
      await store.close();
    }
  });

  it('uses Redis when REDIS_URL is set', async () => {
    await expect(createStateStore({ env: { REDIS_URL: UNREACHABLE } })).rejects.toMatchObject(
      unavailable,
    );
  });

  it('prefers the redisUrl option over REDIS_URL', async () => {
    await expect(
      createStateStore({ redisUrl: UNREACHABLE, env: { REDIS_URL: REDIS_URL } }),
    ).rejects.toMatchObject(unavailable);
    const store = await createStateStore({ redisUrl: REDIS_URL, env: { REDIS_URL: UNREACHABLE } });
    expect(await store.readCounter(`hb-test:absent:${process.pid}`)).toBe(0);
    await store.close();
  });
});
