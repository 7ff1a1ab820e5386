import { type Clock, startTimer } from '../clock.js';
import type { CallOptions, ModelRequest } from './provider.js';

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
  // when it fires, starts again for what is left. A stream of hundreds of chunks would otherwise
  // create and cancel a timer for each.
  let lastMs = clock.now();
  let started = false;
  let over = false;
  let cancel: (() => void) | undefined;
  const watch = () => {
    cancel = undefined;
    const limit = started ? limits.idleMs : limits.firstByteMs;
    if (over || limit === undefined) return;
    const leftMs = lastMs + limit - clock.now();
    if (leftMs > 0) {
      cancel = startTimer(clock, leftMs, watch);
      return;
    }
    const what = started ? 'Nothing streamed' : 'No response';
    controller.abort(new DOMException(`${what} within ${limit} ms`, 'TimeoutError'));
  };
  if (limits.firstByteMs !== undefined) watch();
  return {
    signal: controller.signal,
    progress: () => {
      lastMs = clock.now();
      if (started) return;
      // The first byte: the idle limit applies from now, with a timer of its own length.
      started = true;
      cancel?.();
      watch();
    },
    done: () => {
      over = true; // a late progress() cannot re-arm anything
      cancel?.();
      cancel = undefined;
      parent?.removeEventListener('abort', onParent);
    },
  };
}

/**
 * The guard of one provider call: a streamed request's first-byte and idle limits from its call
 * options, none for a plain one, under the call's signal.
 */
export function callProgressGuard(
  clock: Clock,
  request: Pick<ModelRequest, 'stream'>,
  options: Pick<CallOptions, 'signal' | 'firstByteTimeoutMs' | 'streamIdleTimeoutMs'>,
): ProgressGuard {
  return progressGuard(
    clock,
    request.stream
      ? { firstByteMs: options.firstByteTimeoutMs, idleMs: options.streamIdleTimeoutMs }
      : {},
    options.signal,
  );
}
