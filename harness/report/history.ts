import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { PATH_NAMES } from '../../src/index.js';
import type { Report } from './report-schema.js';

/** The file each report root keeps: one line per run, oldest first. */
export const HISTORY_FILE = 'history.jsonl';
/** Runs a trend chart shows, at most. */
export const TREND_RUNS = 30;

const Figures = z.strictObject({
  latencyP95Ms: z.number(),
  costPer1kUsd: z.number(),
  successRate: z.number(),
});

const HistoryEntrySchema = z.strictObject({
  runId: z.string(),
  createdAt: z.string(),
  suite: z.string(),
  suiteVersion: z.string(),
  backend: z.string(),
  seed: z.number(),
  verdict: z.string(),
  /** Per gating mode and path. */
  paths: z.partialRecord(z.enum(PATH_NAMES), Figures),
  mode: z.enum(['agno-only', 'hybrid']),
});

export type HistoryEntry = z.output<typeof HistoryEntrySchema>;

/** A run's line in the history: the gating mode's figures per path. */
export function historyEntryOf(report: Report): HistoryEntry {
  const mode = report.verdict.gatingModes[0] ?? 'hybrid';
  const paths: HistoryEntry['paths'] = {};
  for (const s of report.summaries) {
    if (s.mode !== mode) continue;
    paths[s.path] = {
      latencyP95Ms: s.latencyMs.p95,
      costPer1kUsd: s.costUsd.mean * 1000,
      successRate: s.successRate,
    };
  }
  return {
    runId: report.runId,
    createdAt: report.createdAt,
    suite: report.suite.name,
    suiteVersion: report.suite.version,
    backend: report.options.backend,
    seed: report.options.seed,
    verdict: report.verdict.status,
    paths,
    mode,
  };
}

export async function appendHistory(file: string, entry: HistoryEntry): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(entry)}\n`);
}

/**
 * The last `TREND_RUNS` runs of a suite on a backend, oldest first. A line that does not parse
 * (a crash mid-write, a hand edit) is skipped, not fatal: the history is context, not input.
 */
export async function readHistory(
  file: string,
  match: { suite: string; backend: string },
): Promise<HistoryEntry[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const entries: HistoryEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      continue;
    }
    const parsed = HistoryEntrySchema.safeParse(raw);
    if (
      parsed.success &&
      parsed.data.suite === match.suite &&
      parsed.data.backend === match.backend
    )
      entries.push(parsed.data);
  }
  return entries.slice(-TREND_RUNS);
}
