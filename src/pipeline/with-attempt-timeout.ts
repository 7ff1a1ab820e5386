import type { PathName } from '../routing/path.js';
import { createDeadline } from './deadline.js';
import type { Middleware } from './request-scope.js';

export interface AttemptTimeouts {
  attemptTimeoutMs: number;
  /** Streamed attempts only: how long the response may take to start. */
  firstByteTimeoutMs?: number;
}

/**
 * Gives each attempt its own ceiling inside the request's deadline, so one stalled call cannot
 * eat the whole request: the attempt's signal aborts at `min(attempt ceiling, time left)`, and a
 * streamed attempt that has not started answering is cut at `firstByteTimeoutMs`.
 */
export function withAttemptTimeout(
  timeouts: Readonly<Record<PathName, AttemptTimeouts>>,
): Middleware {
  return (next) => async (request, options) => {
    const { scope } = options;
    const left = scope.deadlineAtMs - scope.clock.now();
    const { attemptTimeoutMs, firstByteTimeoutMs } = timeouts[scope.tier];
    const attempt = createDeadline(scope.clock, Math.min(attemptTimeoutMs, left), scope.signal);
    try {
      return await next(request, {
        ...options,
        signal: attempt.signal,
        ...(firstByteTimeoutMs === undefined ? {} : { firstByteTimeoutMs }),
      });
    } finally {
      attempt.dispose();
    }
  };
}
