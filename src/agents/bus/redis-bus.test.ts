import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../../state/redis-connection.js';
import { describeAgentBusContract } from './bus-contract.js';
import { AgentBusErrorCodes } from './bus-error.js';
import { createRedisBus } from './redis-bus.js';

// The real Redis of the development and CI machines. These tests fail, never skip, without it.
const REDIS_URL = process.env.HB_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const RUN_PREFIX = `hb-test:${randomUUID()}`;
let busCount = 0;
const nextPrefix = () => `${RUN_PREFIX}:${++busCount}`;

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

// Opened by the first test, not in beforeAll: a failing beforeAll reports tests as skipped.
let adminConnection: Promise<Redis> | undefined;
const connectAdmin = () => {
  adminConnection ??= connectTestRedis();
  return adminConnection;
};

async function keysOf(admin: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await admin.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}

afterAll(async () => {
  const admin = await adminConnection?.catch(() => undefined);
  if (!admin) return;
  const keys = await keysOf(admin, `${RUN_PREFIX}:*`);
  if (keys.length > 0) await admin.del(...keys);
  await admin.quit();
});

describeAgentBusContract('redis', async (settings) => {
  await connectAdmin(); // fails each test with the clear message when Redis is down
  return createRedisBus({ url: REDIS_URL, keyPrefix: nextPrefix(), blockMs: 50, ...settings });
});

describe('redis bus, on Redis itself', () => {
  it('keeps one stream and group per agent, the agents set and the dead-letter stream', async () => {
    const admin = await connectAdmin();
    const keyPrefix = nextPrefix();
    const bus = await createRedisBus({
      url: REDIS_URL,
      keyPrefix,
      ackTimeoutMs: 100,
      maxAttempts: 1,
      blockMs: 50,
    });
    try {
      await bus.subscribe('technical-support', 'w1', async () => {});
      await bus.send({
        conversationId: 'c',
        from: 'a',
        to: 'technical-support',
        type: 't',
        body: 1,
      });
      await expect.poll(async () => (await bus.deadLetters()).length, { timeout: 5000 }).toBe(1);
      expect((await keysOf(admin, `${keyPrefix}:*`)).sort()).toEqual(
        [
          `${keyPrefix}:bus:agents`,
          `${keyPrefix}:bus:dead`,
          `${keyPrefix}:bus:technical-support`,
        ].sort(),
      );
      expect(await admin.smembers(`${keyPrefix}:bus:agents`)).toEqual(['technical-support']);
      const groups = (await admin.xinfo(
        'GROUPS',
        `${keyPrefix}:bus:technical-support`,
      )) as unknown[][];
      expect(groups).toHaveLength(1);
      expect(groups[0]?.[1]).toBe('technical-support');
      expect(
        await admin.xpending(`${keyPrefix}:bus:technical-support`, 'technical-support'),
      ).toEqual([0, null, null, null]);
    } finally {
      await bus.close();
    }
  });

  it('lets two buses (two processes) share the agents: a broadcast from one reaches the other', async () => {
    await connectAdmin();
    const keyPrefix = nextPrefix();
    const settings = { url: REDIS_URL, keyPrefix, ackTimeoutMs: 500, maxAttempts: 3, blockMs: 50 };
    const [a, b] = await Promise.all([createRedisBus(settings), createRedisBus(settings)]);
    try {
      const got: string[] = [];
      await b.subscribe('escalation', 'w1', async (d) => {
        got.push(d.message.type);
        await d.ack();
      });
      await a.send({ conversationId: 'c', from: 'a', to: '*', type: 'hello', body: {} });
      await expect.poll(() => got, { timeout: 5000 }).toEqual(['hello']);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('fails with HB_BUS_UNAVAILABLE when nothing answers, and HB_BUS_BAD_URL without the password', async () => {
    await expect(
      createRedisBus({
        url: 'redis://:secret@127.0.0.1:1',
        keyPrefix: 'x',
        ackTimeoutMs: 100,
        maxAttempts: 1,
      }),
    ).rejects.toMatchObject({ code: AgentBusErrorCodes.unavailable });
    const error: unknown = await createRedisBus({
      url: 'http://user:secret@host',
      keyPrefix: 'x',
      ackTimeoutMs: 100,
      maxAttempts: 1,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: AgentBusErrorCodes.badUrl, isUserError: true });
    expect(String((error as Error).message)).not.toContain('secret');
  });
});
