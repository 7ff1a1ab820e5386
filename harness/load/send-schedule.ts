/** A request's place in the schedule: the `index`-th request, meant to leave at `atMs`. */
export interface Slot {
  index: number;
  atMs: number;
}

/**
 * Hands out send slots to connections as they become free. `next(nowMs)` gives the next slot, or
 * undefined once the schedule is over. Pure: the caller owns the clock and the waiting.
 */
export interface SendSchedule {
  /** Open: slots at fixed times. Closed: a slot is whenever a connection is free. */
  readonly loop: 'open' | 'closed';
  next(nowMs: number): Slot | undefined;
  /** Slots handed out so far. */
  readonly issued: number;
}

/**
 * Open loop: slot k is at `startMs + k × 1000 / rate`, whatever happened before it, for every
 * slot before `endMs`. A connection that takes a slot early waits for it; one that takes it late
 * (every connection was busy) sends at once, and the lateness shows in the corrected latency.
 * @example openSchedule({ startMs: 0, endMs: 1000, rate: 4 }) // slots at 0, 250, 500, 750
 */
export function openSchedule(options: {
  startMs: number;
  endMs: number;
  rate: number;
}): SendSchedule {
  const { startMs, endMs, rate } = options;
  if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError(`rate must be > 0, got ${rate}`);
  const intervalMs = 1000 / rate;
  let issued = 0;
  return {
    loop: 'open',
    next(): Slot | undefined {
      const atMs = startMs + issued * intervalMs;
      if (atMs >= endMs) return undefined;
      return { index: issued++, atMs };
    },
    get issued() {
      return issued;
    },
  };
}

/** Closed loop: every free connection sends at once, until `endMs`. */
export function closedSchedule(options: { endMs: number }): SendSchedule {
  let issued = 0;
  return {
    loop: 'closed',
    next(nowMs: number): Slot | undefined {
      if (nowMs >= options.endMs) return undefined;
      return { index: issued++, atMs: nowMs };
    },
    get issued() {
      return issued;
    },
  };
}

/** How many open-loop slots fall in `[fromMs, toMs)` of a schedule starting at `startMs`. */
export function slotsIn(startMs: number, rate: number, fromMs: number, toMs: number): number {
  const intervalMs = 1000 / rate;
  const first = Math.max(0, Math.ceil((fromMs - startMs) / intervalMs - 1e-9));
  const end = Math.max(0, Math.ceil((toMs - startMs) / intervalMs - 1e-9));
  return Math.max(0, end - first);
}
