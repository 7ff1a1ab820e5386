import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll } from 'vitest';
import { connectRedis } from '../../src/state/redis-connection.js';

/** The real Redis of the development and CI machines. Tests that need it fail, never skip, without it. */
export const TEST_REDIS_URL = process.env.HB_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Every key matching `pattern`, by SCAN (never KEYS). */
export async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}

/** A new connection to the test Redis, or an error that says how to start one. */
export async function connectTestRedis(): Promise<Redis> {
  try {
    return await connectRedis(TEST_REDIS_URL);
  } catch (error) {
    throw new Error(
      `Redis not reachable at ${TEST_REDIS_URL.replace(/^redis:\/\//, '')}: start it with ` +
        '`redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save ""` (or run `bash .ci/run`, ' +
        'which starts it), or point HB_TEST_REDIS_URL at one.',
      { cause: error },
    );
  }
}

/**
 * A test file's share of the real Redis: key prefixes unique to this run (`nextPrefix()`), an
 * admin connection for inspecting keys, and every key under the run's prefix deleted after the
 * file. The admin connection opens on first use, not in `beforeAll`: a failing `beforeAll`
 * reports every test as skipped, and these must fail.
 */
export function useTestRedis(label: string) {
  const runPrefix = `hb-test:${label}:${randomUUID()}:`;
  let count = 0;
  let admin: Promise<Redis> | undefined;
  const connectAdmin = () => {
    admin ??= connectTestRedis();
    return admin;
  };
  afterAll(async () => {
    const connection = await admin?.catch(() => undefined);
    if (!connection) return;
    const keys = await scanKeys(connection, `${runPrefix}*`);
    if (keys.length > 0) await connection.del(...keys);
    await connection.quit();
  });
  return {
    /** A fresh prefix under the run's own, ending in `end` (default `:`). */
    nextPrefix: (end = ':') => `${runPrefix}${++count}${end}`,
    connectAdmin,
  };
}
