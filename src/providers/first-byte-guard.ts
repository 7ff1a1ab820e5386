import type { Clock } from '../clock.js';

export interface FirstByteGuard {
  /** The signal to give the call: the caller's, plus the first-byte timer until `arrived()`. */
  signal: AbortSignal | undefined;
  /** The first byte is here: the timer stops, the caller's signal still applies. */
  arrived(): void;
}

/**
 * Aborts a call (reason: `TimeoutError`) when no response has started `ms` after it began — a
 * backend stalled before its first byte is caught in seconds, while a long answer that is
 * streaming may take as long as it needs.
 */
export function firstByteGuard(
  clock: Clock,
  ms: number | undefined,
  parent: AbortSignal | undefined,
): FirstByteGuard {
  if (ms === undefined) return { signal: parent, arrived: () => undefined };
  const controller = new AbortController();
  const stopTimer = new AbortController();
  const onParent = () => controller.abort(parent?.reason);
  if (parent?.aborted) onParent();
  else parent?.addEventListener('abort', onParent, { once: true });
  clock
    .sleep(ms, stopTimer.signal)
    .then(() => controller.abort(new DOMException(`No response within ${ms} ms`, 'TimeoutError')))
    .catch(() => undefined);
  return { signal: controller.signal, arrived: () => stopTimer.abort() };
}
