import { createHash } from 'node:crypto';
import type { ModelRequest, ModelResponse } from '../providers/provider.js';
import type { StateStore } from '../state/state-store.js';
import type { Middleware } from './request-scope.js';

/**
 * The cache key: a hash of what determines the answer — model, messages, tools and sampling
 * settings. Never headers, request ids or keys, so no secret can reach a key.
 */
export function cacheKey(request: ModelRequest): string {
  const material = JSON.stringify([
    request.model,
    request.messages,
    request.tools ?? null,
    request.maxOutputTokens ?? null,
    request.temperature ?? null,
  ]);
  return createHash('sha256').update(material).digest('base64url');
}

/** Only whole, exact answers are kept: not a cut-off one, not one whose usage was guessed. */
function cacheable(response: ModelResponse): boolean {
  return (
    (response.finishReason === 'stop' || response.finishReason === 'tool_calls') &&
    !response.usageEstimated
  );
}

/**
 * An exact-match response cache with a TTL in the shared store (bounded there: LRU in memory,
 * TTL in Redis). A hit answers at once, flagged `cached`, costs nothing, and is recorded as a
 * cached attempt so it stays out of model-latency figures. Failures are never cached.
 */
export function withCache(store: StateStore, ttlMs: number): Middleware {
  return (next) => async (request, options) => {
    const { scope } = options;
    const key = `response:${cacheKey(request)}`;
    const startedMs = scope.clock.now();
    const stored = await store.cacheGet(key);
    scope.telemetry.cacheLookup({ hit: stored !== undefined, model: request.model });
    if (stored !== undefined) {
      const latencyMs = scope.clock.now() - startedMs;
      const response: ModelResponse = {
        ...(JSON.parse(stored) as ModelResponse),
        cached: true,
        latencyMs,
        ttftMs: latencyMs,
      };
      scope.attempts.push({
        tier: scope.tier,
        provider: 'cache',
        model: request.model,
        kind: 'first',
        state: 'ok',
        usage: { inputTokens: 0, outputTokens: 0 },
        costUsd: 0,
        latencyMs,
        cached: true,
      });
      return { state: 'ok', response: { ...response, usage: { inputTokens: 0, outputTokens: 0 } } };
    }
    const outcome = await next(request, options);
    if (outcome.state === 'ok' && cacheable(outcome.response)) {
      const { ttftMs: _ttft, latencyMs: _latency, ...kept } = outcome.response;
      await store.cacheSet(key, JSON.stringify(kept), ttlMs);
    }
    return outcome;
  };
}
