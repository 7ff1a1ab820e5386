/**
 * The one source of time for the runtime and the harness.
 *
 * Everything that waits or measures goes through a {@link Clock}, so tests can drive time by hand
 * and a later simulation mode can run on virtual time. The real clock is the default.
 */
export interface Clock {
  /** Milliseconds on a monotonic scale; only differences are meaningful. */
  now(): number;
  /** Wall-clock milliseconds since the epoch, for timestamps in records and reports. */
  wallNow(): number;
  /** Resolves after `ms`, or rejects with the signal's reason as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Calls `fire` once, `ms` from now, unless the returned function is called first. Optional: a
   * clock without it gets a sleep and an abort controller in its place ({@link startTimer}); the
   * real and manual clocks have it, because a deadline, a hedge and a stall guard start one per
   * request, and an abort controller each would be most of their cost.
   */
  timer?(ms: number, fire: () => void): () => void;
}

/**
 * Calls `fire` once, `ms` from now on `clock`, unless the returned cancel is called first.
 *
 * @example
 * const cancel = startTimer(clock, 500, () => controller.abort());
 * // … the work ended in time:
 * cancel();
 */
export function startTimer(clock: Clock, ms: number, fire: () => void): () => void {
  if (clock.timer) return clock.timer(ms, fire);
  const stop = new AbortController();
  clock.sleep(ms, stop.signal).then(fire, () => undefined);
  return () => stop.abort('cancelled');
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** The real clock: `performance.now()` and timers. */
export const realClock: Clock = {
  now: () => performance.now(),
  wallNow: () => Date.now(),
  timer(ms, fire) {
    const timer = setTimeout(fire, Math.max(0, ms));
    return () => clearTimeout(timer);
  },
  sleep(ms, signal) {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (ms <= 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal as AbortSignal));
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
};

interface Sleeper {
  wakeAt: number;
  resolve: () => void;
}

/**
 * A clock that only moves when told to. `advance(ms)` wakes every sleeper whose time has come,
 * in order, so timing logic can be tested without real waiting.
 *
 * @example
 * const clock = new ManualClock();
 * const done = clock.sleep(100);
 * await clock.advance(100); // `done` is now resolved
 */
export class ManualClock implements Clock {
  #now: number;
  readonly #wallStart: number;
  #sleepers: Sleeper[] = [];

  constructor(startMs = 0, wallStartMs = Date.UTC(2026, 0, 1)) {
    this.#now = startMs;
    this.#wallStart = wallStartMs - startMs;
  }

  now(): number {
    return this.#now;
  }

  wallNow(): number {
    return this.#wallStart + this.#now;
  }

  /** Number of sleepers still waiting. */
  get pending(): number {
    return this.#sleepers.length;
  }

  timer(ms: number, fire: () => void): () => void {
    const sleeper: Sleeper = { wakeAt: this.#now + Math.max(0, ms), resolve: fire };
    this.#sleepers.push(sleeper);
    return () => {
      this.#sleepers = this.#sleepers.filter((s) => s !== sleeper);
    };
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.#sleepers = this.#sleepers.filter((s) => s !== sleeper);
        reject(abortReason(signal as AbortSignal));
      };
      const sleeper: Sleeper = {
        wakeAt: this.#now + Math.max(0, ms),
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.#sleepers.push(sleeper);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Resolves once at least `count` sleepers are waiting: lets a test advance time only after work reaches its sleep. */
  async whenSleeping(count = 1, maxTurns = 10_000): Promise<void> {
    for (let turn = 0; this.#sleepers.length < count; turn++) {
      if (turn >= maxTurns)
        throw new Error(
          `ManualClock: expected ${count} sleeper(s), found ${this.#sleepers.length}`,
        );
      await new Promise<void>((r) => setImmediate(r));
    }
  }

  /**
   * Settles `work` by moving time forward exactly as far as it needs: whenever every task is
   * asleep, time jumps to the next wake-up. Throws if `work` is still pending after `limitMs` of
   * virtual time or when nothing is sleeping and nothing moves (a hang).
   */
  async run<T>(work: Promise<T>, limitMs = 24 * 3_600_000): Promise<T> {
    let settled = false;
    const watched = work.finally(() => {
      settled = true;
    });
    const startMs = this.#now;
    for (let idle = 0; !settled; ) {
      await new Promise<void>((r) => setImmediate(r));
      if (settled) break;
      const next = this.#sleepers.reduce(
        (min, s) => Math.min(min, s.wakeAt),
        Number.POSITIVE_INFINITY,
      );
      if (next === Number.POSITIVE_INFINITY) {
        if (++idle > 1_000)
          throw new Error('ManualClock.run: the work is pending but nothing is asleep');
        continue;
      }
      idle = 0;
      if (next - startMs > limitMs)
        throw new Error(`ManualClock.run: still pending after ${limitMs} ms of virtual time`);
      await this.advance(Math.max(0, next - this.#now));
    }
    return watched;
  }

  /** Moves time forward by `ms`, waking sleepers due on the way (letting each settle). */
  async advance(ms: number): Promise<void> {
    const target = this.#now + ms;
    for (;;) {
      const next = this.#sleepers
        .filter((s) => s.wakeAt <= target)
        .sort((a, b) => a.wakeAt - b.wakeAt)[0];
      if (!next) break;
      this.#sleepers = this.#sleepers.filter((s) => s !== next);
      this.#now = Math.max(this.#now, next.wakeAt);
      next.resolve();
      // Let the woken task run before looking for the next sleeper: it may schedule new ones.
      await new Promise<void>((r) => setImmediate(r));
    }
    this.#now = target;
  }
}
