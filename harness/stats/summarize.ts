import { type Mode, PATH_NAMES, type PathName } from '../../src/index.js';
import type { RequestRecord } from '../metrics/request-record.js';
import { type Distribution, describe } from './distribution.js';
import { type ReliabilitySummary, summarizeReliability } from './reliability.js';

/** The figures for one mode on one path. */
export interface GroupSummary {
  mode: Mode;
  path: PathName;
  count: number;
  succeeded: number;
  /** Requests that ended in an error (a subset of those that did not succeed). */
  errored: number;
  successRate: number;
  escalated: number;
  /** Over every request, failed ones included: a request that times out is slow, not absent. */
  latencyMs: Distribution;
  /** Time to the final answer's first token, over the requests that streamed one. */
  ttftMs?: Distribution;
  costUsd: Distribution;
  inputTokensMean: number;
  outputTokensMean: number;
  modelCallsMean: number;
  /** Latency of backend attempts that answered; cache hits are left out (they say nothing about models). */
  modelCallLatencyMs?: Distribution;
  reliability: ReliabilitySummary;
}

/** Records by mode and labelled path, in one pass: `groups.get(groupKey(mode, path))`. */
export function groupByModeAndPath(
  records: readonly RequestRecord[],
): Map<string, RequestRecord[]> {
  const groups = new Map<string, RequestRecord[]>();
  for (const record of records) {
    const key = groupKey(record.mode, record.expectedPath);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  return groups;
}

export function groupKey(mode: Mode, path: PathName): string {
  return `${mode}|${path}`;
}

/** Groups records by mode and labelled path and summarises each group. */
export function summarize(records: readonly RequestRecord[]): GroupSummary[] {
  const groups = groupByModeAndPath(records);
  const summaries: GroupSummary[] = [];
  for (const mode of ['agno-only', 'hybrid'] as const) {
    for (const path of PATH_NAMES) {
      const group = groups.get(groupKey(mode, path));
      if (group) summaries.push(summarizeGroup(mode, path, group));
    }
  }
  return summaries;
}

function summarizeGroup(
  mode: Mode,
  path: PathName,
  records: readonly RequestRecord[],
): GroupSummary {
  const count = records.length;
  const succeeded = records.filter((r) => r.success).length;
  const ttfts = records.flatMap((r) => (r.ttftMs === undefined ? [] : [r.ttftMs]));
  const ttftMs = describe(ttfts);
  const modelCallLatencyMs = describe(
    records.flatMap((r) =>
      r.attempts.filter((a) => a.state === 'ok' && !a.cached).map((a) => a.latencyMs),
    ),
  );
  const average = (pick: (r: RequestRecord) => number) =>
    records.reduce((s, r) => s + pick(r), 0) / count;
  return {
    mode,
    path,
    count,
    succeeded,
    errored: records.filter((r) => r.state === 'error').length,
    successRate: succeeded / count,
    escalated: records.filter((r) => r.outcome === 'escalated').length,
    latencyMs: describe(records.map((r) => r.latencyMs)) as Distribution,
    ...(ttftMs ? { ttftMs } : {}),
    costUsd: describe(records.map((r) => r.costUsd)) as Distribution,
    inputTokensMean: average((r) => r.inputTokens),
    outputTokensMean: average((r) => r.outputTokens),
    modelCallsMean: average((r) => r.calls.length),
    ...(modelCallLatencyMs ? { modelCallLatencyMs } : {}),
    reliability: summarizeReliability(records),
  };
}
