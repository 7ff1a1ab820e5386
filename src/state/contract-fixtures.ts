import type { StateStore } from './state-store.js';

/** A fresh, empty store, and a way to let time pass on the clock it judges TTLs by. */
export interface StoreUnderTest {
  store: StateStore;
  /** A manual clock moves at once; a server's own clock (Redis) is waited for. */
  passTtlTime(ms: number): Promise<void>;
}

/** A realistic wall-clock reading, aligned to a second so bucket boundaries are easy to follow. */
export const T0 = 1_767_225_600_000;

/** Ten one-second buckets. */
export const WINDOW = { windowMs: 10_000, bucketMs: 1000 } as const;

/** Long enough that a Redis round trip on a busy CI machine stays well inside it. */
export const TTL_MS = 600;
