import type { OutcomeCounts } from './state-store.js';

interface Slot {
  /** `Math.floor(nowMs / bucketMs)` of the bucket this slot holds. */
  index: number;
  successes: number;
  failures: number;
}

/**
 * A sliding window of outcomes as a ring of fixed-width buckets. A slot is reused when its
 * bucket index comes round again, so stale buckets never need a sweep: anything older than the
 * window is simply not counted. Memory is one small object per bucket, whatever the traffic.
 */
export class OutcomeRing {
  readonly #slots: (Slot | undefined)[];

  constructor(readonly bucketCount: number) {
    this.#slots = new Array<Slot | undefined>(bucketCount).fill(undefined);
  }

  /** A ring of another size holding this ring's buckets that are still live at `index`. */
  resized(bucketCount: number, index: number): OutcomeRing {
    const next = new OutcomeRing(bucketCount);
    for (const slot of this.#slots) {
      if (slot && slot.index > index - bucketCount) next.#slots[next.#slotOf(slot.index)] = slot;
    }
    return next;
  }

  record(ok: boolean, index: number): void {
    const at = this.#slotOf(index);
    let slot = this.#slots[at];
    if (slot?.index !== index) {
      slot = { index, successes: 0, failures: 0 };
      this.#slots[at] = slot;
    }
    if (ok) slot.successes++;
    else slot.failures++;
  }

  /**
   * Counts the buckets of the window ending at bucket `index`. A bucket ahead of `index` (a
   * reading from a clock slightly ahead) still counts, as it does in the Redis store.
   */
  count(index: number): OutcomeCounts {
    let successes = 0;
    let failures = 0;
    for (const slot of this.#slots) {
      if (slot && slot.index > index - this.bucketCount) {
        successes += slot.successes;
        failures += slot.failures;
      }
    }
    return { successes, failures };
  }

  #slotOf(index: number): number {
    return ((index % this.bucketCount) + this.bucketCount) % this.bucketCount;
  }
}
