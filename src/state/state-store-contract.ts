import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type StoreUnderTest, T0, WINDOW } from './contract-fixtures.js';
import { describeOutcomeWindowContract } from './outcome-window-contract.js';
import { describeStoredRecordsContract } from './stored-records-contract.js';
import { describeTokenBucketContract } from './token-bucket-contract.js';

export type { StoreUnderTest } from './contract-fixtures.js';

/**
 * The behaviour every StateStore must have, run against each implementation so the memory store
 * and the Redis store are interchangeable. `makeStore` gives a fresh, empty store per test.
 *
 * @example
 * describeStateStoreContract('memory', async () => ({ store: createMemoryStore(), passTtlTime }));
 */
export function describeStateStoreContract(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
): void {
  describe(`${name}: StateStore contract`, () => {
    let subject: StoreUnderTest | undefined;
    const current = (): StoreUnderTest => {
      if (!subject) throw new Error('no store: makeStore failed for this test');
      return subject;
    };
    beforeEach(async () => {
      subject = await makeStore();
    });
    afterEach(async () => {
      await subject?.store.close();
      subject = undefined;
    });

    describeTokenBucketContract(current);
    describeOutcomeWindowContract(current);
    describeStoredRecordsContract(current);

    it('keeps keys of different kinds apart', async () => {
      const { store } = current();
      const spec = { capacity: 3, refillPerSecond: 1 };
      expect((await store.takeTokens('same', spec, 1, T0)).remaining).toBe(2);
      expect(await store.recordOutcome('same', false, T0, WINDOW)).toEqual({
        successes: 0,
        failures: 1,
      });
      expect(await store.compareAndSetBreaker('same', 0, { state: 'closed' })).toBe(true);
      expect(await store.addToCounter('same', 4, 60_000)).toBe(4);
      await store.cacheSet('same', 'cached', 60_000);
      expect((await store.takeTokens('same', spec, 1, T0)).remaining).toBe(1);
      expect(await store.readOutcomes('same', T0, WINDOW)).toEqual({ successes: 0, failures: 1 });
      expect(await store.getBreaker('same')).toEqual({ state: 'closed', version: 1 });
      expect(await store.readCounter('same')).toBe(4);
      expect(await store.cacheGet('same')).toBe('cached');
    });

    it('can be closed twice', async () => {
      const { store } = current();
      await store.close();
      await expect(store.close()).resolves.toBeUndefined();
    });
  });
}
