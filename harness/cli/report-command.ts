import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Command } from 'commander';
import { readReport, renderReportFolder, writeReport, writeRunFiles } from '../report/index.js';

/** A run folder means its report.json. */
async function reportFile(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  return info?.isDirectory() ? join(path, 'report.json') : path;
}

/**
 * `bench report PATH…`: re-renders earlier runs (HTML with charts, PNGs, Markdown, JUnit) from
 * their report.json, into `--out/<run-id>/` or, by default, the folder each came from.
 */
export function reportCommand(): Command {
  return new Command('report')
    .description(
      'Re-render earlier runs from their report.json (HTML, PNG charts, Markdown, JUnit)',
    )
    .argument('<paths...>', 'report.json files or run folders')
    .option('--out <dir>', 'write each run into <dir>/<run-id>/ instead of beside its report.json')
    .action(async (paths: string[], flags: { out?: string }) => {
      for (const path of paths) {
        const file = await reportFile(path);
        const report = await readReport(file);
        const files = await renderReportFolder(report);
        const dir = flags.out
          ? await writeReport(flags.out, report.runId, files)
          : await writeRunFiles(dirname(file), files);
        process.stdout.write(`${dir}: ${Object.keys(files).sort().join(', ')}\n`);
      }
    });
}
