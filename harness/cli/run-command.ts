import { Command } from 'commander';
import { resolveFaultProfile } from '../../mocks/index.js';
import type { Mode } from '../../src/index.js';
import { loadDeployment, loadPlugins } from '../../src/index.js';
import { chaosProfileOf } from '../backends/index.js';
import { runBenchmark } from '../run-benchmark.js';
import { UsageError } from './cli-error.js';
import { liveOptions, pluginProviderOf } from './live-flags.js';
import { createProgressReporter } from './progress-reporter.js';
import { addRunOptions, type RunFlags } from './run-flags.js';
import { summaryText } from './summary-text.js';

/** `bench run`: replay a suite, check the SLAs and the baseline, write the report. */
export function runCommand(onExit: (code: number) => void): Command {
  return addRunOptions(
    new Command('run').description(
      'Replay a scenario suite against agno-only and/or hybrid, check the SLAs and the baseline, and write a report',
    ),
  ).action(async (flags: RunFlags) => {
    const live = liveOptions(flags);
    const pluginProvider = pluginProviderOf(flags);
    const deployment =
      flags.config === undefined
        ? undefined
        : await loadDeployment(flags.config, { env: process.env });
    const plugins = deployment ? await loadPlugins(deployment) : undefined;
    // --faults wins over the deployment's chaos section.
    const faults =
      flags.faults !== undefined
        ? await resolveFaultProfile(flags.faults)
        : deployment
          ? await chaosProfileOf(deployment)
          : undefined;
    if (pluginProvider !== undefined && flags.faults !== undefined) {
      throw new UsageError(
        '--faults is injected by the mock backends only; a plugin provider has its own faults.',
      );
    }
    if ((live || pluginProvider !== undefined) && faults) {
      throw new UsageError(
        `${deployment?.file ?? 'The deployment'} enables testing.chaos, which the mock backends inject; a ${live ? 'live' : 'plugin'} backend cannot. Disable it (HB__spec__testing__chaos__enabled=false) or use --backend mock.`,
      );
    }
    const redisUrl = flags.redis ?? process.env.REDIS_URL;
    const modes: Mode[] = flags.mode === 'both' ? ['agno-only', 'hybrid'] : [flags.mode];
    const tty = process.stderr.isTTY === true;
    const progress = createProgressReporter({
      enabled: flags.progress ?? tty,
      tty,
      gatingMode: modes.includes('hybrid') ? 'hybrid' : (modes[0] ?? 'hybrid'),
      write: (text) => process.stderr.write(text),
    });
    const controller = new AbortController();
    const onSigint = () => {
      if (controller.signal.aborted) process.exit(130);
      process.stderr.write('\nInterrupted: finishing the report (Ctrl-C again to quit at once)\n');
      controller.abort(new Error('interrupted'));
    };
    process.on('SIGINT', onSigint);
    try {
      const { report, dir } = await runBenchmark({
        suitePath: flags.suite,
        modes,
        backend: flags.backend,
        ...(live ? { live } : {}),
        ...(plugins ? { plugins } : {}),
        ...(pluginProvider === undefined ? {} : { pluginProvider }),
        ...(faults ? { faults } : {}),
        ...(deployment ? { deployment } : {}),
        ...(redisUrl ? { redisUrl } : {}),
        ...(flags.timeScale === undefined ? {} : { timeScale: flags.timeScale }),
        seed: flags.seed,
        ...(flags.concurrency === undefined ? {} : { concurrency: flags.concurrency }),
        ...(flags.requests === undefined ? {} : { requests: flags.requests }),
        ...(flags.repetitions === undefined ? {} : { repetitions: flags.repetitions }),
        outDir: flags.out,
        latency: flags.latency,
        signal: controller.signal,
        onStart: (suite) => progress.onStart(suite),
        onRecord: (record, done, total) => progress.onRecord(record, done, total),
        ...(flags.gate
          ? {
              gate: {
                baselinesDir: flags.baselines,
                ...(flags.baseline ? { baselineFile: flags.baseline } : {}),
              },
            }
          : {}),
        ...(flags.speed === undefined ? {} : { speed: flags.speed }),
      });
      progress.finish();
      if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
      else process.stdout.write(summaryText(report, dir));
      onExit(report.verdict.exitCode);
    } finally {
      process.off('SIGINT', onSigint);
    }
  });
}
