import { Command } from 'commander';
import { ConfigError } from '../../src/index.js';
import { readBaseline } from '../baseline/index.js';
import { formatPct, readReport } from '../report/index.js';
import {
  checkRegression,
  DEFAULT_REGRESSION_THRESHOLDS,
  EXIT_CODES,
  type RegressionResult,
} from '../verdict/index.js';

function describe(result: RegressionResult): string {
  const lines = [
    `baseline run ${result.baselineRunId} · ${result.paired ? 'paired by request (same seed, deterministic mock)' : 'unpaired'}`,
    ...result.differences.map((d) => `  differs: ${d}`),
  ];
  for (const c of result.checks) {
    const p = c.pValue === undefined ? '' : ` p=${c.pValue.toPrecision(2)}`;
    lines.push(
      `  ${c.regressed ? 'REGRESSED' : 'ok       '} ${c.path.padEnd(8)} ${c.metric.padEnd(8)} ${c.stat.padEnd(5)} ${formatPct(c.relativeChange)} (${c.test}${p}; needs > ${formatPct(c.threshold)})`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `bench compare BASELINE CURRENT`: the regression gate on two files; exit 4 on a regression. */
export function compareCommand(onExit: (code: number) => void): Command {
  return new Command('compare')
    .description(
      'Compare a run (report.json) with a baseline; exit 4 on a regression, 2 when they are not comparable',
    )
    .argument('<baseline>', 'baselines/<suite>/<mode>-<backend>.json')
    .argument('<current>', 'a report.json')
    .option('--json', 'print the result as JSON', false)
    .action(async (baselineFile: string, currentFile: string, flags: { json: boolean }) => {
      const baseline = await readBaseline(baselineFile);
      const report = await readReport(currentFile);
      if (!report.options.modes.includes(baseline.mode)) {
        throw new ConfigError(
          'HB_NOT_COMPARABLE',
          `${currentFile} has no ${baseline.mode} requests; the baseline is for ${baseline.mode}.`,
        );
      }
      const result = checkRegression(
        baseline,
        {
          suite: { name: report.suite.name, version: report.suite.version },
          mode: baseline.mode,
          backend: report.options.backend,
          options: {
            seed: report.options.seed,
            latency: report.options.latency,
            ...(report.options.timeScale === undefined
              ? {}
              : { timeScale: report.options.timeScale }),
            ...(report.options.faults === undefined ? {} : { faults: report.options.faults }),
            repetitions: report.options.repetitions,
          },
          machine: baseline.machine,
          records: report.records,
        },
        report.sla.targets,
        DEFAULT_REGRESSION_THRESHOLDS,
      );
      if (!result.comparable) {
        throw new ConfigError(
          'HB_NOT_COMPARABLE',
          `Not comparable, like must be compared with like:\n  ${result.differences.join('\n  ')}`,
        );
      }
      process.stdout.write(flags.json ? `${JSON.stringify(result)}\n` : describe(result));
      onExit(result.regressed ? EXIT_CODES.regression : EXIT_CODES.ok);
    });
}
