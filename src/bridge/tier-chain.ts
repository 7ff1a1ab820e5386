import type { PathName } from '../routing/path.js';

export type Tier = PathName | 'canned';

/**
 * The tiers a request may try, starting at its routed path: the rest of the degradation order
 * after it (`full` → `complex` → `simple` → `canned` by default). A path missing from the order
 * is tried alone, then `canned` if the order has it.
 */
export function tierChain(start: PathName, order: readonly Tier[], enabled: boolean): Tier[] {
  if (!enabled) return [start];
  const at = order.indexOf(start);
  if (at >= 0) return order.slice(at);
  return order.includes('canned') ? [start, 'canned'] : [start];
}
