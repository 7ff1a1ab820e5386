import { localFailure, type Middleware } from './request-scope.js';

/**
 * The per-request cost cap: once a request has spent its cap, further model calls are refused
 * (`budget_exceeded`), which stops the tool loop and lets the bridge degrade.
 */
export function withBudget(): Middleware {
  return (next) => async (request, options) => {
    const { scope } = options;
    if (scope.spentUsd < scope.capUsd) return next(request, options);
    scope.telemetry.rejected({ reason: 'budget_exceeded', scope: 'request' });
    return localFailure(
      request,
      'budget_exceeded',
      `The request's cost cap of $${scope.capUsd} is spent ($${scope.spentUsd.toFixed(5)})`,
    );
  };
}
