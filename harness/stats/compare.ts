import { PATH_NAMES, type PathName } from '../../src/index.js';
import type { RequestRecord } from '../metrics/request-record.js';
import { bootstrapPairedDiffCi, type Interval } from './bootstrap.js';
import { hodgesLehmannShift } from './effect-size.js';
import { mannWhitneyU } from './mann-whitney.js';
import { pairUp } from './paired.js';
import { twoProportionTest, wilsonInterval } from './proportions.js';
import { mean, p95 } from './statistics.js';

/** Cost and latency of paired requests: the same scenario and repetition in both modes. */
export interface ComparedView {
  pairs: number;
  agnoOnly: { costPer1kUsd: number; latencyP95Ms: number };
  hybrid: { costPer1kUsd: number; latencyP95Ms: number };
  /** agno-only minus hybrid, per 1,000 requests (positive: the hybrid is cheaper), paired bootstrap. */
  savingsPer1kUsd: Interval;
  /** hybrid minus agno-only p95, paired bootstrap. */
  latencyP95DeltaMs: Interval;
  /** Median shift of latency (hybrid minus agno-only) and the two-sided rank test behind it. */
  latencyShiftMs: number;
  latencyShiftPValue: number;
}

/** agno-only against hybrid on one path, with confidence intervals. */
export interface PathComparison {
  path: PathName;
  requests: number;
  agnoOnly: { costPer1kUsd: number; latencyP95Ms: number; successRate: number };
  hybrid: { costPer1kUsd: number; latencyP95Ms: number; successRate: number };
  /** Point estimates of the all-requests view (positive savings: the hybrid is cheaper). */
  savingsPer1kUsd: number;
  savingsPct: number;
  latencyP95DeltaMs: number;
  successRateDelta: number;
  /** Every pair, failed requests included: what traffic actually costs and waits. */
  allRequests: ComparedView;
  /** Only pairs where both modes succeeded: like-for-like work, when the modes fail differently. */
  succeededOnly?: ComparedView;
  success: { agnoOnly: Interval; hybrid: Interval; difference: Interval; pValue: number };
  /** Which view the headline claims (savings, latency) use, and why. */
  claimsUse: { view: 'allRequests'; note: string };
}

const key = (r: RequestRecord) => r.id;

function view(
  pairs: ReadonlyArray<readonly [RequestRecord, RequestRecord]>,
  seed: number,
): ComparedView {
  const cost = pairs.map(([a, h]) => [a.costUsd * 1000, h.costUsd * 1000] as const);
  const latency = pairs.map(([a, h]) => [a.latencyMs, h.latencyMs] as const);
  const agnoLatency = latency.map(([a]) => a);
  const hybridLatency = latency.map(([, h]) => h);
  const savings = bootstrapPairedDiffCi(
    cost.map(([a, h]) => [h, a] as const),
    mean,
    { seed },
  );
  return {
    pairs: pairs.length,
    agnoOnly: { costPer1kUsd: mean(cost.map(([a]) => a)), latencyP95Ms: p95(agnoLatency) },
    hybrid: { costPer1kUsd: mean(cost.map(([, h]) => h)), latencyP95Ms: p95(hybridLatency) },
    savingsPer1kUsd: savings,
    latencyP95DeltaMs: bootstrapPairedDiffCi(latency, p95, { seed: seed + 1 }),
    latencyShiftMs: hodgesLehmannShift(agnoLatency, hybridLatency),
    latencyShiftPValue: mannWhitneyU(agnoLatency, hybridLatency).pValue,
  };
}

/**
 * Compares the two modes on every path both ran, pairing each request with its twin (same
 * scenario, same repetition, same seeds). Cost and latency get paired bootstrap intervals, the
 * success rates Wilson intervals and a two-proportion test. When the modes fail differently the
 * succeeded-only view is given beside the all-requests view; headline claims use all requests.
 */
export function compareModes(records: readonly RequestRecord[], seed = 7): PathComparison[] {
  const comparisons: PathComparison[] = [];
  for (const path of PATH_NAMES) {
    const agno = records.filter((r) => r.mode === 'agno-only' && r.expectedPath === path);
    const hybrid = records.filter((r) => r.mode === 'hybrid' && r.expectedPath === path);
    const pairs = pairUp(agno, hybrid, key);
    if (pairs.length < 2) continue;
    const all = view(pairs, seed);
    const bothOk = pairs.filter(([a, h]) => a.success && h.success);
    const okA = pairs.filter(([a]) => a.success).length;
    const okH = pairs.filter(([, h]) => h.success).length;
    const test = twoProportionTest(okA, pairs.length, okH, pairs.length);
    const savingsPct =
      all.agnoOnly.costPer1kUsd === 0
        ? 0
        : (all.savingsPer1kUsd.estimate / all.agnoOnly.costPer1kUsd) * 100;
    comparisons.push({
      path,
      requests: pairs.length,
      agnoOnly: { ...all.agnoOnly, successRate: okA / pairs.length },
      hybrid: { ...all.hybrid, successRate: okH / pairs.length },
      savingsPer1kUsd: all.savingsPer1kUsd.estimate,
      savingsPct,
      latencyP95DeltaMs: all.latencyP95DeltaMs.estimate,
      successRateDelta: test.difference,
      allRequests: all,
      ...(bothOk.length >= 2 && bothOk.length < pairs.length
        ? { succeededOnly: view(bothOk, seed + 2) }
        : {}),
      success: {
        agnoOnly: wilsonInterval(okA, pairs.length),
        hybrid: wilsonInterval(okH, pairs.length),
        difference: test.interval,
        pValue: test.pValue,
      },
      claimsUse: {
        view: 'allRequests',
        note:
          okA === okH
            ? 'Both modes succeeded equally often; cost and latency are over all paired requests.'
            : 'The modes failed differently: cost and latency claims are over all paired requests (failures cost what they cost); the succeeded-only view compares like-for-like work.',
      },
    });
  }
  return comparisons;
}
