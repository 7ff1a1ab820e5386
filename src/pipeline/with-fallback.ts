import type { ProviderFailure } from '../providers/provider.js';
import type { Middleware } from './request-scope.js';

/** Worth another model: anything but a caller's abort, a spent budget, or a request no model would take. */
function fallsBack(failure: ProviderFailure): boolean {
  return !['aborted', 'budget_exceeded', 'bad_request', 'auth'].includes(failure.code);
}

/**
 * When a model keeps failing (its retries are spent, or its breaker is open), tries its fallback
 * models in order, each with its own retries and breaker. The request's deadline still bounds
 * everything.
 */
export function withFallback(fallbacks: Readonly<Record<string, readonly string[]>>): Middleware {
  return (next) => async (request, options) => {
    const first = await next(request, options);
    if (first.state === 'ok' || !fallsBack(first.error)) return first;
    const { scope } = options;
    let last = first;
    for (const model of fallbacks[request.model] ?? []) {
      if (scope.signal.aborted) break;
      scope.telemetry.fellBack({
        kind: 'model',
        from: request.model,
        to: model,
        reason: last.error.code,
      });
      const outcome = await next({ ...request, model }, { ...options, attemptKind: 'fallback' });
      if (outcome.state === 'ok') return outcome;
      last = outcome;
    }
    return last;
  };
}
