import { type RoutedLabel, type RoutingAccuracy, scoreRouting } from '../../src/index.js';
import type { RequestRecord } from '../metrics/request-record.js';

/**
 * How often the hybrid's router chose the suite's labelled path, one count per scenario.
 * Requests that force their path (an override) say nothing about the rules and are left out.
 */
export function routingAccuracy(records: readonly RequestRecord[]): RoutingAccuracy | undefined {
  const routed = new Map<string, RoutedLabel>();
  for (const r of records) {
    if (
      r.mode !== 'hybrid' ||
      !r.routedPath ||
      r.routeReason === 'override' ||
      // A label the router made itself (recorded traffic without one) says nothing about the rules.
      r.pathSource === 'router' ||
      routed.has(r.scenarioId)
    )
      continue;
    routed.set(r.scenarioId, {
      id: r.scenarioId,
      expected: r.expectedPath,
      routed: r.routedPath,
      ...(r.routeRule ? { rule: r.routeRule } : {}),
    });
  }
  return routed.size === 0 ? undefined : scoreRouting([...routed.values()]);
}
