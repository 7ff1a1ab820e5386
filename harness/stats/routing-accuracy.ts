import { PATH_NAMES, type PathName } from '../../src/index.js';
import type { RequestRecord } from '../metrics/request-record.js';

export interface RoutingReport {
  total: number;
  correct: number;
  accuracy: number;
  /** confusion[expected][routed] = requests. */
  confusion: Record<PathName, Record<PathName, number>>;
  misses: Array<{ scenarioId: string; expected: PathName; routed: PathName; rule?: string }>;
}

/**
 * How often the hybrid's router chose the suite's labelled path, one count per scenario.
 * Requests that force their path (an override) say nothing about the rules and are left out.
 */
export function routingAccuracy(records: readonly RequestRecord[]): RoutingReport | undefined {
  const routed = new Map<string, RequestRecord>();
  for (const r of records)
    if (
      r.mode === 'hybrid' &&
      r.routedPath &&
      r.routeReason !== 'override' &&
      !routed.has(r.scenarioId)
    )
      routed.set(r.scenarioId, r);
  if (routed.size === 0) return undefined;
  const row = () => Object.fromEntries(PATH_NAMES.map((p) => [p, 0])) as Record<PathName, number>;
  const confusion = Object.fromEntries(
    PATH_NAMES.map((p) => [p, row()]),
  ) as RoutingReport['confusion'];
  const misses: RoutingReport['misses'] = [];
  for (const r of routed.values()) {
    const to = r.routedPath as PathName;
    confusion[r.expectedPath][to] += 1;
    if (to !== r.expectedPath) {
      misses.push({
        scenarioId: r.scenarioId,
        expected: r.expectedPath,
        routed: to,
        ...(r.routeRule ? { rule: r.routeRule } : {}),
      });
    }
  }
  const total = routed.size;
  return {
    total,
    correct: total - misses.length,
    accuracy: (total - misses.length) / total,
    confusion,
    misses,
  };
}
