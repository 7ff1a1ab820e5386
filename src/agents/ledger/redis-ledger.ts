import type { Redis } from 'ioredis';
import {
  connectRedis,
  type RedisConnectOptions,
  redactRedisUrl,
} from '../../state/redis-connection.js';
import { type LedgerEntry, type SideEffectLedger, toJson } from './side-effect-ledger.js';

export interface RedisLedgerOptions extends RedisConnectOptions {
  /** redis:// or rediss:// URL; it may hold a password, which no message ever shows. */
  url: string;
  /** Put before every key, e.g. 'hb:prod:'; entries are `<keyPrefix>effect:<key>`. */
  keyPrefix: string;
  /** How long a record is kept (it must outlive every redelivery of the work that made it). */
  ttlMs: number;
}

/**
 * A ledger shared by every process on the same Redis and key prefix. A record is written with
 * `SET NX`, so of two workers racing on one key exactly one records its side effect and both
 * return that record. Opens its own connection; `close()` quits it.
 *
 * @example
 * const ledger = await createRedisLedger({ url: process.env.REDIS_URL, keyPrefix: 'hb:', ttlMs: 7 * 86_400_000 });
 */
export async function createRedisLedger(options: RedisLedgerOptions): Promise<SideEffectLedger> {
  if (!Number.isSafeInteger(options.ttlMs) || options.ttlMs < 1)
    throw new RangeError(
      `ttlMs must be a positive whole number of milliseconds, got ${String(options.ttlMs)}`,
    );
  const where = redactRedisUrl(options.url);
  const client: Redis = await connectRedis(options.url, options);
  const keyOf = (key: string) => `${options.keyPrefix}effect:${key}`;
  let closed = false;

  async function once<T>(key: string, create: () => T): Promise<LedgerEntry<T>> {
    if (closed) throw new Error(`The side-effect ledger on ${where} was used after close()`);
    const json = toJson(key, create());
    // Two rounds: a record that expires between the SET and the GET is written again.
    for (let round = 0; round < 2; round++) {
      if ((await client.set(keyOf(key), json, 'PX', options.ttlMs, 'NX')) === 'OK')
        return { value: JSON.parse(json) as T, repeated: false };
      const stored = await client.get(keyOf(key));
      if (stored !== null) return { value: JSON.parse(stored) as T, repeated: true };
    }
    throw new Error(
      `The side-effect record "${key}" on ${where} could neither be written nor read`,
    );
  }

  return {
    once,
    async close() {
      if (closed) return;
      closed = true;
      await client.quit().catch(() => client.disconnect());
    },
  };
}
