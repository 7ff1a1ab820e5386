import type { ModelCaller } from '../agents/run-agent.js';

/** One model dispatch: the signature every middleware wraps. */
export type Dispatch = ModelCaller;

/** A middleware takes the next dispatch and returns a dispatch that wraps it. */
export type Middleware = (next: Dispatch) => Dispatch;

/**
 * Stacks middleware around a dispatch: the first middleware is the outermost.
 *
 * @example
 * const dispatch = compose([withRetry(policy), withBreaker(breaker)])(provider.complete);
 */
export function compose(middleware: readonly Middleware[]): (dispatch: Dispatch) => Dispatch {
  return (dispatch) => middleware.reduceRight<Dispatch>((next, wrap) => wrap(next), dispatch);
}
