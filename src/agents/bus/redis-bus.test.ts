import { describe, expect, it } from 'vitest';
import { scanKeys, TEST_REDIS_URL, useTestRedis } from '../../../test/support/test-redis.js';
import { describeAgentBusContract } from './bus-contract.js';
import { AgentBusErrorCodes } from './bus-error.js';
import { createRedisBus } from './redis-bus.js';

const { nextPrefix: nextPrefixEndingIn, connectAdmin } = useTestRedis('bus');
const REDIS_URL = TEST_REDIS_URL;
/** The bus adds its own `:bus:…` to a prefix. */
const nextPrefix = () => nextPrefixEndingIn('');
const keysOf = scanKeys;

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
