import { type Clock, startTimer } from '../clock.js';

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
  // One controller and one timer: a deadline is made per request and per attempt.
  const controller = new AbortController();
  let cancel: (() => void) | undefined;
  const onParent = () => {
    cancel?.();
    controller.abort(parent?.reason);
  };
  if (parent?.aborted) onParent();
  else {
    parent?.addEventListener('abort', onParent, { once: true });
    cancel = startTimer(clock, Math.max(0, ms), () => {
      parent?.removeEventListener('abort', onParent);
      controller.abort(new DOMException(`Deadline of ${Math.round(ms)} ms passed`, 'TimeoutError'));
    });
  }
  return {
    signal: controller.signal,
    atMs: clock.now() + ms,
    dispose: () => {
      cancel?.();
      parent?.removeEventListener('abort', onParent);
    },
  };
}
