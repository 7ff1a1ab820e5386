import type { Clock } from '../clock.js';

export interface Deadline {
  signal: AbortSignal;
  atMs: number;
  /** Stops the timer (call when the work ends first). */
  dispose(): void;
}

/**
 * An abort signal that fires `ms` from now on `clock` (reason: a `TimeoutError`, so callers can
 * tell a passed deadline from a caller who gave up), or when `parent` aborts (its reason).
 */
export function createDeadline(clock: Clock, ms: number, parent?: AbortSignal): Deadline {
  const controller = new AbortController();
  const stop = new AbortController();
  const onParent = () => controller.abort(parent?.reason);
  if (parent?.aborted) onParent();
  else parent?.addEventListener('abort', onParent, { once: true });
  clock
    .sleep(Math.max(0, ms), stop.signal)
    .then(() =>
      controller.abort(new DOMException(`Deadline of ${Math.round(ms)} ms passed`, 'TimeoutError')),
    )
    .catch(() => undefined);
  return {
    signal: controller.signal,
    atMs: clock.now() + ms,
    dispose: () => {
      // A plain reason: abort() without one builds a DOMException (and its stack) per request.
      stop.abort('disposed');
      parent?.removeEventListener('abort', onParent);
    },
  };
}
