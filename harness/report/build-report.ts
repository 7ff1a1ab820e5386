import type { Mode } from '../../src/index.js';
import type { RequestRecord } from '../metrics/request-record.js';
import type { Suite } from '../scenario/index.js';
import {
  compareModes,
  reconcile,
  routingAccuracy,
  summarize,
  summarizeAgents,
} from '../stats/index.js';
import {
  checkSla,
  decideVerdict,
  gatingModesFor,
  resolveSla,
  summarizeGoodput,
  summarizePassK,
  withIntervals,
} from '../verdict/index.js';
import { REPORT_SCHEMA_VERSION, type Report } from './report-schema.js';
import { runEnvironment } from './run-metadata.js';

export interface ReportInput {
  runId: string;
  createdAt: Date;
  toolVersion: string;
  suite: Suite;
  options: Report['options'];
  records: RequestRecord[];
  wallTimeMs: number;
  interrupted: boolean;
  counts: { planned: number; sent: number; droppedByInterruption: number };
  /** The regression gate's results, one per gating mode that has a baseline. */
  regression?: Report['regression'];
}

/** Everything a report says, computed once from the records: summaries, SLA checks, comparison, verdict. */
export function buildReport(input: ReportInput): Report {
  const summaries = summarize(input.records);
  const targets = resolveSla(input.suite.sla);
  const gatingModes: Mode[] = gatingModesFor(input.options.modes);
  const checks = withIntervals(checkSla(summaries, targets, gatingModes), input.records);
  const routing = routingAccuracy(input.records);
  const agents = summarizeAgents(input.records);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    runId: input.runId,
    createdAt: input.createdAt.toISOString(),
    tool: { name: 'hybrid-bench', version: input.toolVersion },
    suite: {
      name: input.suite.name,
      version: input.suite.version,
      file: input.suite.file,
      scenarios: input.suite.requests.length,
    },
    options: input.options,
    environment: runEnvironment(),
    wallTimeMs: input.wallTimeMs,
    interrupted: input.interrupted,
    reconciliation: reconcile(input.records, input.counts),
    sla: { targets, checks },
    summaries,
    comparison: compareModes(input.records),
    passK: summarizePassK(input.records, targets),
    goodput: summarizeGoodput(input.records, targets),
    ...(routing ? { routing } : {}),
    ...(agents.length > 0 ? { agents } : {}),
    ...(input.regression ? { regression: input.regression } : {}),
    verdict: decideVerdict(checks, gatingModes, input.interrupted, input.regression ?? []),
    records: input.records,
  };
}
