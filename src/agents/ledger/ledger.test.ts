import { afterEach, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL, useTestRedis } from '../../../test/support/test-redis.js';
import { createRedisLedger } from './redis-ledger.js';
import { createMemoryLedger, type SideEffectLedger } from './side-effect-ledger.js';

const redis = useTestRedis('ledger');
const open: SideEffectLedger[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
});

async function redisLedger(keyPrefix: string): Promise<SideEffectLedger> {
  const ledger = await createRedisLedger({ url: TEST_REDIS_URL, keyPrefix, ttlMs: 60_000 });
  open.push(ledger);
  return ledger;
}

const makers: Array<[string, () => Promise<[SideEffectLedger, SideEffectLedger]>]> = [
  [
    'memory',
    () => {
      const ledger = createMemoryLedger();
      return Promise.resolve([ledger, ledger]);
    },
  ],
  [
    'redis (two connections, as two processes)',
    async () => {
      const prefix = redis.nextPrefix();
      return [await redisLedger(prefix), await redisLedger(prefix)];
    },
  ],
];

describe.each(makers)('side-effect ledger: %s', (_name, make) => {
  it('records the first result for a key and gives it back to every later call', async () => {
    const [a, b] = await make();
    const refund = (amount: number) => () => ({ refund_id: 'RF-1', amount_usd: amount });
    expect(await a.once('refund:conv-1:ORD-1', refund(10))).toEqual({
      value: { refund_id: 'RF-1', amount_usd: 10 },
      repeated: false,
    });
    // A redelivered call, even one that would build a different record, gets the first.
    expect(await b.once('refund:conv-1:ORD-1', refund(99))).toEqual({
      value: { refund_id: 'RF-1', amount_usd: 10 },
      repeated: true,
    });
    expect((await b.once('refund:conv-2:ORD-1', refund(5))).repeated).toBe(false);
  });

  it('lets exactly one of many concurrent callers record a key', async () => {
    const [a, b] = await make();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? a : b).once('ticket:conv-race', () => ({ by: i })),
      ),
    );
    expect(results.filter((r) => !r.repeated)).toHaveLength(1);
    const winner = results.find((r) => !r.repeated)?.value;
    expect(results.every((r) => JSON.stringify(r.value) === JSON.stringify(winner))).toBe(true);
  });

  it('refuses a record that is not JSON, naming the key', async () => {
    const [a] = await make();
    await expect(a.once('bad', () => undefined)).rejects.toThrow(
      'The side effect recorded under "bad" is not JSON (undefined).',
    );
  });
});

describe('redis ledger', () => {
  it('keeps records under its prefix with the TTL it was given', async () => {
    const prefix = redis.nextPrefix();
    const ledger = await redisLedger(prefix);
    await ledger.once('ticket:conv-ttl', () => ({ ticket_id: 'ESC-1' }));
    const admin = await redis.connectAdmin();
    const ttl = await admin.pttl(`${prefix}effect:ticket:conv-ttl`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('says it is closed when used after close(), and closes twice', async () => {
    const ledger = await redisLedger(redis.nextPrefix());
    await ledger.close();
    await ledger.close();
    await expect(ledger.once('k', () => 1)).rejects.toThrow(/used after close\(\)/);
  });

  it('refuses a TTL that is not a positive whole number', async () => {
    await expect(
      createRedisLedger({ url: TEST_REDIS_URL, keyPrefix: 'x:', ttlMs: 0 }),
    ).rejects.toThrow('ttlMs must be a positive whole number of milliseconds, got 0');
  });
});
