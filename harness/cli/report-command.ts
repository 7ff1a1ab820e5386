import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Command } from 'commander';
import {
  HISTORY_FILE,
  type HistoryEntry,
  historyEntryOf,
  type Report,
  readHistory,
  readReport,
  renderReportFolder,
  writeReport,
  writeRunFiles,
} from '../report/index.js';

/** A run folder means its report.json. */
async function reportFile(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  return info?.isDirectory() ? join(path, 'report.json') : path;
}

const sameSeries = (a: HistoryEntry, b: HistoryEntry) =>
  a.suite === b.suite && a.backend === b.backend;

/**
 * The trend behind one run: with several reports given, those of the same suite and backend up
 * to this one; with one, the history kept beside its run folder, up to this run.
 */
async function trendFor(
  file: string,
  report: Report,
  given: readonly HistoryEntry[],
): Promise<HistoryEntry[]> {
  const current = historyEntryOf(report);
  const upToThis = (e: HistoryEntry) =>
    e.createdAt <= current.createdAt && e.runId !== current.runId;
  const earlier =
    given.length > 1
      ? given.filter((e) => sameSeries(e, current) && upToThis(e))
      : (
          await readHistory(join(dirname(file), '..', HISTORY_FILE), {
            suite: current.suite,
            backend: current.backend,
          })
        ).filter(upToThis);
  return [...earlier, current];
}

/**
 * `bench report PATH…`: re-renders earlier runs (HTML with charts, PNGs, Markdown, JUnit) from
 * their report.json, into `--out/<run-id>/` or, by default, the folder each came from. Several
 * runs of one suite make a trend.
 */
export function reportCommand(): Command {
  return new Command('report')
    .description(
      'Re-render earlier runs from their report.json (HTML, PNG charts, Markdown, JUnit); several runs make a trend',
    )
    .argument('<paths...>', 'report.json files or run folders')
    .option('--out <dir>', 'write each run into <dir>/<run-id>/ instead of beside its report.json')
    .action(async (paths: string[], flags: { out?: string }) => {
      const runs: Array<{ file: string; report: Report }> = [];
      for (const path of paths) {
        const file = await reportFile(path);
        runs.push({ file, report: await readReport(file) });
      }
      runs.sort((a, b) => a.report.createdAt.localeCompare(b.report.createdAt));
      const given = runs.map((r) => historyEntryOf(r.report));
      for (const { file, report } of runs) {
        const files = await renderReportFolder(report, await trendFor(file, report, given));
        const dir = flags.out
          ? await writeReport(flags.out, report.runId, files)
          : await writeRunFiles(dirname(file), files);
        process.stdout.write(`${dir}: ${Object.keys(files).sort().join(', ')}\n`);
      }
    });
}
