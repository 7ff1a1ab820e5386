import type { BridgeConfig } from '../config/schema.js';
import type { PriceTable } from '../cost/price-table.js';
import type { Provider } from '../providers/provider.js';
import { PATH_NAMES, type PathName } from '../routing/path.js';
import type { StateStore } from '../state/state-store.js';
import { compose } from './compose.js';
import type { Dispatch } from './request-scope.js';
import { withAttemptTimeout } from './with-attempt-timeout.js';
import { withBreaker } from './with-breaker.js';
import { withBudget } from './with-budget.js';
import { withCache } from './with-cache.js';
import { withFallback } from './with-fallback.js';
import { withHedge } from './with-hedge.js';
import { withMeter } from './with-meter.js';
import { withProviderRateLimit } from './with-provider-rate-limit.js';
import { withRetry } from './with-retry.js';

function hedgeDelays(
  timeouts: BridgeConfig['resilience']['timeouts'],
): Partial<Record<PathName, number>> {
  const delays: Partial<Record<PathName, number>> = {};
  for (const path of PATH_NAMES) {
    const after = timeouts[path].hedgeAfterMs;
    if (after !== false) delays[path] = after;
  }
  return delays;
}

/**
 * The provider's `complete` as the innermost dispatch (scope and attempt kind are ours, not its).
 * A streamed call offered no tools passes its text to the scope's answer listener, tagged with
 * this attempt.
 */
function toDispatch(provider: Provider): Dispatch {
  return (request, { scope, attemptKind: _kind, ...callOptions }) => {
    const listener = scope.onAnswerText;
    if (!listener || !request.stream || (request.tools?.length ?? 0) > 0)
      return provider.complete(request, callOptions);
    const attempt = {};
    return provider.complete(request, {
      ...callOptions,
      onText: (delta) => listener(delta, attempt),
    });
  };
}

/**
 * The hybrid's model-call pipeline, outermost first: request cost cap → cache → model fallback
 * → retry → hedge → breaker → provider rate limit → attempt timeout → meter → provider. Each piece can
 * be switched off in the config.
 */
export function createHybridDispatch(
  provider: Provider,
  config: BridgeConfig,
  store: StateStore,
  prices: PriceTable,
): Dispatch {
  const r = config.resilience;
  return compose([
    withBudget(),
    ...(r.cache.enabled ? [withCache(store, r.cache.ttlMs)] : []),
    withFallback(r.fallbacks.models),
    withRetry(r.retry, provider.retryOwner === 'provider'),
    withHedge(hedgeDelays(r.timeouts)),
    ...(r.breaker.enabled ? [withBreaker(store, provider.id, r.breaker)] : []),
    withProviderRateLimit(store, provider.id, r.rateLimits.perProvider[provider.id]),
    withAttemptTimeout(r.timeouts),
    withMeter(prices, provider.id),
  ])(toDispatch(provider));
}

/** The prototype called directly: nothing around its calls but the meter, which only counts. */
export function createDirectDispatch(provider: Provider, prices: PriceTable): Dispatch {
  return compose([withMeter(prices, provider.id)])(toDispatch(provider));
}
