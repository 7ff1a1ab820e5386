import { beforeEach, describe, expect, it } from 'vitest';
import { type StoreUnderTest, T0, WINDOW } from './contract-fixtures.js';
import type { StateStore } from './state-store.js';

/** Sliding outcome windows: counting, expiry of old buckets, reset. Part of the StateStore contract. */
export function describeOutcomeWindowContract(current: () => StoreUnderTest): void {
  let store: StateStore;
  beforeEach(() => {
    store = current().store;
  });

  describe('outcome window', () => {
    it('counts successes and failures, returning the counts after each', async () => {
      expect(await store.recordOutcome('w', true, T0, WINDOW)).toEqual({
        successes: 1,
        failures: 0,
      });
      await store.recordOutcome('w', false, T0 + 100, WINDOW);
      expect(await store.recordOutcome('w', true, T0 + 2500, WINDOW)).toEqual({
        successes: 2,
        failures: 1,
      });
      expect(await store.readOutcomes('w', T0 + 2500, WINDOW)).toEqual({
        successes: 2,
        failures: 1,
      });
      expect(await store.readOutcomes('other', T0, WINDOW)).toEqual({
        successes: 0,
        failures: 0,
      });
    });

    it('drops buckets older than the window', async () => {
      await store.recordOutcome('w', false, T0, WINDOW);
      await store.recordOutcome('w', true, T0 + 5000, WINDOW);
      expect(await store.readOutcomes('w', T0 + 9999, WINDOW)).toEqual({
        successes: 1,
        failures: 1,
      });
      expect(await store.readOutcomes('w', T0 + 10_000, WINDOW)).toEqual({
        successes: 1,
        failures: 0,
      });
      expect(await store.readOutcomes('w', T0 + 15_000, WINDOW)).toEqual({
        successes: 0,
        failures: 0,
      });
    });

    it('does not count a stale bucket whose slot comes round again', async () => {
      await store.recordOutcome('w', false, T0, WINDOW);
      // Twenty buckets later: the same slot of a ten-bucket ring.
      expect(await store.recordOutcome('w', true, T0 + 20_000, WINDOW)).toEqual({
        successes: 1,
        failures: 0,
      });
    });

    it('counts only its own buckets when read with a narrower window', async () => {
      await store.recordOutcome('w', false, T0, WINDOW);
      await store.recordOutcome('w', true, T0 + 8000, WINDOW);
      const narrow = { windowMs: 5000, bucketMs: 1000 };
      expect(await store.readOutcomes('w', T0 + 9000, narrow)).toEqual({
        successes: 1,
        failures: 0,
      });
    });

    it('forgets everything on reset', async () => {
      await store.recordOutcome('w', false, T0, WINDOW);
      await store.resetOutcomes('w');
      expect(await store.readOutcomes('w', T0, WINDOW)).toEqual({ successes: 0, failures: 0 });
      expect(await store.recordOutcome('w', true, T0, WINDOW)).toEqual({
        successes: 1,
        failures: 0,
      });
    });

    it('loses no outcome to concurrent writers', async () => {
      const counts = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.recordOutcome('w', i % 2 === 0, T0, WINDOW)),
      );
      const totals = counts.map((c) => c.successes + c.failures).sort((a, b) => a - b);
      expect(totals).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await store.readOutcomes('w', T0, WINDOW)).toEqual({ successes: 10, failures: 10 });
    });
  });
}
