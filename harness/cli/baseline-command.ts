import { Command, Option } from 'commander';
import { ConfigError, type Mode } from '../../src/index.js';
import { baselineFromReport, baselinePath, writeBaseline } from '../baseline/index.js';
import { readReport } from '../report/index.js';
import { choiceFlag } from './parse-flags.js';

/** `bench baseline update`: make a finished run the baseline that later runs are gated against. */
export function baselineCommand(): Command {
  const update = new Command('update')
    .description('Write baselines/<suite>/<mode>-<backend>.json from a finished run (atomically)')
    .option('--report <file>', 'the run to take', 'reports/latest/report.json')
    .option('--dir <dir>', 'baselines folder', 'baselines')
    .addOption(
      new Option('--mode <mode>', 'which mode (default: every mode the run has)').argParser(
        choiceFlag('--mode', ['agno-only', 'hybrid'] as const),
      ),
    )
    .action(async (flags: { report: string; dir: string; mode?: Mode }) => {
      const report = await readReport(flags.report);
      if (report.interrupted) {
        throw new ConfigError(
          'HB_REPORT_PARTIAL',
          `${flags.report} is from an interrupted run; a baseline needs a whole run.`,
        );
      }
      const modes = flags.mode ? [flags.mode] : report.options.modes;
      for (const mode of modes) {
        if (!report.options.modes.includes(mode)) {
          throw new ConfigError(
            'HB_REPORT_INVALID',
            `${flags.report} has no ${mode} requests (it ran ${report.options.modes.join(', ')}).`,
          );
        }
        const file = baselinePath(flags.dir, report.suite.name, mode, report.options.backend);
        await writeBaseline(file, baselineFromReport(report, mode));
        process.stdout.write(
          `wrote ${file} (${report.records.filter((r) => r.mode === mode).length} samples from run ${report.runId})\n`,
        );
      }
    });
  return new Command('baseline')
    .description('Manage the committed baselines of the regression gate')
    .addCommand(update);
}
