import type { Dispatch, Middleware } from './request-scope.js';

/**
 * Stacks middleware around a dispatch: the first middleware is the outermost.
 *
 * @example
 * const dispatch = compose([withRetry(policy), withBreaker(breaker)])(provider.complete);
 */
export function compose(middleware: readonly Middleware[]): (dispatch: Dispatch) => Dispatch {
  return (dispatch) => middleware.reduceRight<Dispatch>((next, wrap) => wrap(next), dispatch);
}
