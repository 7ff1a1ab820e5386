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
  let timer: AbortController | undefined;
  const arm = (ms: number | undefined, what: string) => {
    timer?.abort();
    if (ms === undefined) return;
    const current = new AbortController();
    timer = current;
    clock
      .sleep(ms, current.signal)
      .then(() => controller.abort(new DOMException(`${what} within ${ms} ms`, 'TimeoutError')))
      .catch(() => undefined);
  };
  arm(limits.firstByteMs, 'No response');
  return {
    signal: controller.signal,
    progress: () => arm(limits.idleMs, 'Nothing streamed'),
    done: () => {
      timer?.abort();
      parent?.removeEventListener('abort', onParent);
    },
  };
}
