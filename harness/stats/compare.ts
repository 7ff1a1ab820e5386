import { PATH_NAMES, type PathName } from '../../src/index.js';
import type { GroupSummary } from './summarize.js';

/** agno-only against hybrid on one path, as point estimates (hybrid minus agno-only). */
export interface PathComparison {
  path: PathName;
  requests: number;
  agnoOnly: { costPer1kUsd: number; latencyP95Ms: number; successRate: number };
  hybrid: { costPer1kUsd: number; latencyP95Ms: number; successRate: number };
  /** Positive when the hybrid is cheaper. */
  savingsPer1kUsd: number;
  savingsPct: number;
  latencyP95DeltaMs: number;
  successRateDelta: number;
}

/** Compares the two modes on every path both ran. */
export function compareModes(summaries: readonly GroupSummary[]): PathComparison[] {
  const find = (mode: GroupSummary['mode'], path: PathName) =>
    summaries.find((s) => s.mode === mode && s.path === path);
  const comparisons: PathComparison[] = [];
  for (const path of PATH_NAMES) {
    const a = find('agno-only', path);
    const h = find('hybrid', path);
    if (!a || !h) continue;
    const side = (s: GroupSummary) => ({
      costPer1kUsd: s.costUsd.mean * 1000,
      latencyP95Ms: s.latencyMs.p95,
      successRate: s.successRate,
    });
    const agnoOnly = side(a);
    const hybrid = side(h);
    const savingsPer1kUsd = agnoOnly.costPer1kUsd - hybrid.costPer1kUsd;
    comparisons.push({
      path,
      requests: Math.min(a.count, h.count),
      agnoOnly,
      hybrid,
      savingsPer1kUsd,
      savingsPct: agnoOnly.costPer1kUsd === 0 ? 0 : (savingsPer1kUsd / agnoOnly.costPer1kUsd) * 100,
      latencyP95DeltaMs: hybrid.latencyP95Ms - agnoOnly.latencyP95Ms,
      successRateDelta: hybrid.successRate - agnoOnly.successRate,
    });
  }
  return comparisons;
}
