import type { StateStore, TokenBucketSpec } from '../state/state-store.js';
import { localFailure, type Middleware } from './request-scope.js';

/**
 * Smooths calls to a provider below its own limits: a shared token bucket per provider (shared
 * by every replica on a Redis store). An empty bucket is a local `rate_limited` failure with the
 * time until the next token, which the retry middleware waits out like a provider's 429.
 */
export function withProviderRateLimit(
  store: StateStore,
  providerId: string,
  spec: TokenBucketSpec | undefined,
): Middleware {
  if (!spec) return (next) => next;
  return (next) => async (request, options) => {
    const { scope } = options;
    const take = await store.takeTokens(`provider:${providerId}`, spec, 1, scope.clock.wallNow());
    if (take.allowed) return next(request, options);
    scope.telemetry.rejected({ reason: 'rate_limited', scope: `provider:${providerId}` });
    return localFailure(request, 'rate_limited', `Local rate limit for provider ${providerId}`, {
      retryAfterMs: take.retryAfterMs,
    });
  };
}
