import type { Clock } from '../clock.js';

export interface ProgressGuard {
  /** The signal to give the call: the caller's, plus the guard's timers. */
  signal: AbortSignal | undefined;
  /** Something arrived (the response started, or a chunk came): the idle timer starts over. */
  progress(): void;
  /** The call is over: timers stop, the caller's signal still applies. */
  done(): void;
}

/**
 * Aborts a streamed call (reason: `TimeoutError`) when the response has not started `firstByteMs`
 * after the call began, or when, once started, nothing arrives for `idleMs`. A backend that
 * stalls is caught in seconds, while a long answer that keeps streaming may take as long as its
 * deadline allows.
 */
export function progressGuard(
  clock: Clock,
  limits: { firstByteMs?: number; idleMs?: number },
  parent: AbortSignal | undefined,
): ProgressGuard {
  if (limits.firstByteMs === undefined && limits.idleMs === undefined) {
    return { signal: parent, progress: () => undefined, done: () => undefined };
  }
  const controller = new AbortController();
  const onParent = () => controller.abort(parent?.reason);
  if (parent?.aborted) onParent();
  else parent?.addEventListener('abort', onParent, { once: true });
  // One timer per quiet spell, not one per chunk: a chunk only moves `lastMs`, and the timer,
  // when it fires, sleeps again for what is left. A stream of hundreds of chunks would otherwise
  // create and abort a timer, a controller and an exception for each.
  let lastMs = clock.now();
  let started = false;
  let sleeper: AbortController | undefined;
  const currentLimit = () => (started ? limits.idleMs : limits.firstByteMs);
  const watch = async () => {
    const mine = new AbortController();
    sleeper = mine;
    try {
      for (;;) {
        const limit = currentLimit();
        if (limit === undefined) return;
        const leftMs = lastMs + limit - clock.now();
        if (leftMs <= 0) {
          const what = started ? 'Nothing streamed' : 'No response';
          controller.abort(new DOMException(`${what} within ${limit} ms`, 'TimeoutError'));
          return;
        }
        await clock.sleep(leftMs, mine.signal);
      }
    } catch {
      // replaced at the first byte, or the call is over
    }
  };
  if (limits.firstByteMs !== undefined) void watch();
  return {
    signal: controller.signal,
    progress: () => {
      lastMs = clock.now();
      if (started) return;
      // The first byte: the idle limit applies from now, with a timer of its own length.
      started = true;
      sleeper?.abort('first byte');
      sleeper = undefined;
      if (limits.idleMs !== undefined) void watch();
    },
    done: () => {
      sleeper?.abort('done');
      started = true; // a late progress() cannot re-arm anything
      parent?.removeEventListener('abort', onParent);
    },
  };
}
