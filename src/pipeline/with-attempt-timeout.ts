import type { PathName } from '../routing/path.js';
import { createDeadline } from './deadline.js';
import type { Middleware } from './request-scope.js';

export interface AttemptTimeouts {
  /** A non-streamed attempt's ceiling. */
  attemptTimeoutMs: number;
  /** A streamed attempt's wait for its first byte. */
  firstByteTimeoutMs?: number;
  /** A streamed attempt's wait for each next chunk once it has started. */
  streamIdleTimeoutMs?: number;
}

/**
 * Limits each attempt inside the request's deadline, so one stalled call cannot eat the whole
 * request. A non-streamed attempt ends at `min(attempt ceiling, time left)`. A streamed attempt
 * is cut when it does not start within `firstByteTimeoutMs` or goes quiet for
 * `streamIdleTimeoutMs`, but a stream that keeps flowing may run to the deadline: a slow, healthy
 * answer is not a failure to retry.
 */
export function withAttemptTimeout(
  timeouts: Readonly<Record<PathName, AttemptTimeouts>>,
): Middleware {
  return (next) => async (request, options) => {
    const { scope } = options;
    const left = scope.deadlineAtMs - scope.clock.now();
    const limits = timeouts[scope.tier];
    const streamLimits = {
      ...(limits.firstByteTimeoutMs === undefined
        ? {}
        : { firstByteTimeoutMs: limits.firstByteTimeoutMs }),
      ...(limits.streamIdleTimeoutMs === undefined
        ? {}
        : { streamIdleTimeoutMs: limits.streamIdleTimeoutMs }),
    };
    // Under the caller's signal when there is one (a hedge leg can be aborted on its own).
    const parent = options.signal ?? scope.signal;
    // A stream's ceiling is the scope's deadline: a signal that already ends there needs no
    // second timer (nor a signal of its own, which costs more than the timer).
    if (request.stream && (parent === scope.signal || options.withinScopeDeadline === true))
      return next(request, { ...options, signal: parent, ...streamLimits });
    const ceiling = request.stream ? left : Math.min(limits.attemptTimeoutMs, left);
    const attempt = createDeadline(scope.clock, ceiling, parent);
    try {
      return await next(request, { ...options, signal: attempt.signal, ...streamLimits });
    } finally {
      attempt.dispose();
    }
  };
}
