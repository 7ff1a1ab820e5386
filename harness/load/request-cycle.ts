import type { PathName } from '../../src/index.js';
import type { Suite } from '../scenario/index.js';

/** One request body ready to send, with what the suite says about it. */
export interface LoadRequest {
  id: string;
  /** The chat-completions body, JSON. */
  body: string;
  /** The labelled path, sent as `x-bench-path` (recorded traffic without a label: none). */
  path?: PathName;
  weight: number;
}

/** The model the bridge server answers as. */
export const SERVED_MODEL = 'hybrid-bench';

/** The suite's requests as chat-completions bodies, in the suite's order. */
export function loadRequestsOf(suite: Suite, options: { stream: boolean }): LoadRequest[] {
  return suite.requests.map((request) => ({
    id: request.id,
    body: JSON.stringify({
      model: SERVED_MODEL,
      messages: request.messages,
      ...(options.stream ? { stream: true } : {}),
      ...(request.userId === undefined ? {} : { user: request.userId }),
    }),
    ...(request.expect.pathSource === 'label' ? { path: request.expect.path } : {}),
    weight: request.weight,
  }));
}

/**
 * An endless, deterministic walk over `items` in their order, each appearing in proportion to its
 * weight and spread out rather than bunched (smooth weighted round robin). Equal weights give
 * the items in order, over and over.
 * @example const next = weightedCycle(['a', 'b'], [2, 1]); // a, b, a, a, b, a, …
 */
export function weightedCycle<T>(items: readonly T[], weights: readonly number[]): () => T {
  if (items.length === 0) throw new RangeError('weightedCycle: no items');
  if (weights.length !== items.length)
    throw new RangeError('weightedCycle: one weight per item is needed');
  if (weights.some((w) => !(w > 0) || !Number.isFinite(w)))
    throw new RangeError('weightedCycle: weights must be finite and > 0');
  const total = weights.reduce((sum, w) => sum + w, 0);
  const credit = weights.map(() => 0);
  return () => {
    let best = 0;
    for (let i = 0; i < items.length; i++) {
      credit[i] = (credit[i] as number) + (weights[i] as number);
      if ((credit[i] as number) > (credit[best] as number)) best = i;
    }
    credit[best] = (credit[best] as number) - total;
    return items[best] as T;
  };
}
