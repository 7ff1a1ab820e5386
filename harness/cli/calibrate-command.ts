import { Command, Option } from 'commander';
import { runCalibration } from '../calibrate/run-calibration.js';
import { formatMs } from '../report/index.js';
import { integerFlag, positiveNumberFlag } from './parse-flags.js';

interface CalibrateFlags {
  suite: string;
  pairs: number;
  seed: number;
  timeScale: number;
  latencyShift: number;
  costShift: number;
  concurrency: number;
  json: boolean;
}

/** `bench calibrate`: the regression gate's false-alarm and detection rates, measured here. */
export function calibrateCommand(): Command {
  return new Command('calibrate')
    .description(
      'Run A/A pairs and injected-shift pairs on the mock and print the gate’s false-alarm and detection rates',
    )
    .option('--suite <path>', 'scenario suite', 'scenarios/customer-support.yaml')
    .addOption(
      new Option('--pairs <n>', 'seeds to try (each: a baseline, an A/A run and two shifted runs)')
        .argParser(integerFlag('--pairs', 1))
        .default(40),
    )
    .addOption(
      new Option('--seed <n>', 'first seed').argParser(integerFlag('--seed', 0)).default(1000),
    )
    .addOption(
      new Option(
        '--time-scale <factor>',
        'mock latency scale of every run (below 0.1, timing jitter of the machine weighs more than the latency model)',
      )
        .argParser(positiveNumberFlag('--time-scale'))
        .default(0.1),
    )
    .addOption(
      new Option('--latency-shift <fraction>', 'injected rise of every modelled delay')
        .argParser(positiveNumberFlag('--latency-shift'))
        .default(0.15),
    )
    .addOption(
      new Option('--cost-shift <fraction>', 'injected rise of every price')
        .argParser(positiveNumberFlag('--cost-shift'))
        .default(0.05),
    )
    .addOption(
      new Option('--concurrency <n>', 'requests in flight per run')
        .argParser(integerFlag('--concurrency', 1))
        .default(8),
    )
    .option(
      '--json',
      'print { falseAlarmRate, detectionRate, pairs } (and more) as JSON on stdout',
      false,
    )
    .action(async (flags: CalibrateFlags) => {
      const result = await runCalibration({
        suitePath: flags.suite,
        pairs: flags.pairs,
        firstSeed: flags.seed,
        timeScale: flags.timeScale,
        latencyShift: flags.latencyShift,
        costShift: flags.costShift,
        concurrency: flags.concurrency,
        onPair: (done, total) => {
          if (process.stderr.isTTY) process.stderr.write(`\rcalibrating: ${done}/${total} pairs`);
        },
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return;
      }
      const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
      process.stdout.write(
        [
          `${result.pairs} pairs in ${formatMs(result.wallTimeMs)} (time scale ${flags.timeScale})`,
          `false-alarm rate (A/A):           ${pct(result.falseAlarmRate)}`,
          `detection, +${pct(flags.latencyShift)} latency:   ${pct(result.latencyDetectionRate)}`,
          `detection, +${pct(flags.costShift)} cost:       ${pct(result.costDetectionRate)}`,
          `detection overall:                ${pct(result.detectionRate)}`,
          ...result.falseAlarms.map(
            (f) => `  false alarm at seed ${f.seed}: ${f.reasons.join('; ')}`,
          ),
          '',
        ].join('\n'),
      );
    });
}
