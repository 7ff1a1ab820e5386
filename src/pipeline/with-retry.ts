import type { Middleware } from './request-scope.js';
import { decideRetry, type RetryPolicy } from './retry-policy.js';

/**
 * Retries failed attempts per {@link decideRetry}: retryable failures only, full-jitter
 * backoff, `Retry-After` honoured, never past the deadline. The one retry owner: a provider that
 * retries internally (`retryOwner: 'provider'`) gets a single attempt here, so attempts are
 * never multiplied.
 */
export function withRetry(policy: RetryPolicy, providerRetriesItself = false): Middleware {
  if (providerRetriesItself || policy.maxAttempts <= 1) return (next) => next;
  return (next) => async (request, options) => {
    const { scope } = options;
    for (let attempt = 1; ; attempt++) {
      const outcome = await next(request, {
        ...options,
        attemptKind: attempt === 1 ? (options.attemptKind ?? 'first') : 'retry',
      });
      if (outcome.state === 'ok') return outcome;
      const decision = decideRetry({
        failure: outcome.error,
        attempt,
        policy,
        nowMs: scope.clock.now(),
        deadlineAtMs: scope.deadlineAtMs,
        random: scope.random(),
      });
      if (!decision.retry) return outcome;
      scope.telemetry.retried({
        model: request.model,
        attempt,
        reason: outcome.error.code,
        delayMs: decision.delayMs,
      });
      const waitStartedMs = scope.clock.now();
      try {
        await scope.clock.sleep(decision.delayMs, scope.signal);
      } catch {
        return outcome;
      } finally {
        scope.backoffMs += scope.clock.now() - waitStartedMs;
      }
    }
  };
}
