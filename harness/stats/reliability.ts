import type { RequestRecord } from '../metrics/request-record.js';

/** What the production layer did for a group of requests, what it cost and what it bought. */
export interface ReliabilitySummary {
  /** Requests that succeeded only thanks to a retry, a fallback or a degraded path. */
  rescued: number;
  /** Requests served by a lower tier than their routed path (canned replies included). */
  degraded: number;
  canned: number;
  rejected: number;
  retries: number;
  fallbacks: number;
  hedges: number;
  failedAttempts: number;
  cachedCalls: number;
  extraCalls: number;
  extraCostUsd: number;
  /** Extra dollars per 1,000 requests of the group. */
  extraCostPer1kUsd: number;
  extraLatencyMsMean: number;
}

export function summarizeReliability(records: readonly RequestRecord[]): ReliabilitySummary {
  const sum = (pick: (r: RequestRecord) => number) =>
    records.reduce((total, r) => total + pick(r), 0);
  const extraCostUsd = sum((r) => r.reliability.extraCostUsd);
  return {
    rescued: records.filter((r) => r.reliability.rescued && r.success).length,
    degraded: records.filter((r) => r.degradedFrom.length > 0 || r.servedBy === 'canned').length,
    canned: records.filter((r) => r.servedBy === 'canned').length,
    rejected: records.filter((r) => r.rejected !== undefined).length,
    retries: sum((r) => r.reliability.retries),
    fallbacks: sum((r) => r.reliability.fallbacks),
    hedges: sum((r) => r.reliability.hedges),
    failedAttempts: sum((r) => r.reliability.failedAttempts),
    cachedCalls: sum((r) => r.reliability.cachedCalls),
    extraCalls: sum((r) => r.reliability.extraCalls),
    extraCostUsd,
    extraCostPer1kUsd: records.length === 0 ? 0 : (extraCostUsd / records.length) * 1000,
    extraLatencyMsMean:
      records.length === 0 ? 0 : sum((r) => r.reliability.extraLatencyMs) / records.length,
  };
}
