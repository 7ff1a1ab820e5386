import { Command, Option } from 'commander';
import { measureOverhead } from '../perf/measure-overhead.js';
import { integerFlag } from './parse-flags.js';

/** `bench overhead`: what the bridge and harness add per request, against a direct provider call. */
export function overheadCommand(): Command {
  return new Command('overhead')
    .description(
      'Measure the bridge’s and the harness’s own time per request against a direct provider call (zero-latency mock)',
    )
    .addOption(
      new Option('--iterations <n>', 'measured requests per layer')
        .argParser(integerFlag('--iterations', 10))
        .default(300),
    )
    .option('--json', 'print the figures as JSON', false)
    .action(async (flags: { iterations: number; json: boolean }) => {
      const result = await measureOverhead(flags.iterations);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return;
      }
      const ms = (v: number) => `${v.toFixed(3)} ms`;
      const { medianMs: m, p95Ms: p, addedMs: a } = result;
      process.stdout.write(
        [
          `per request, median (p95), ${result.iterations} requests per layer, zero-latency in-process mock:`,
          `  provider call (openai SDK → msw mock) ${ms(m.providerCall)} (${ms(p.providerCall)})`,
          `  bridge.run (route + simple path)      ${ms(m.bridgeRun)} (${ms(p.bridgeRun)})   adds ${ms(a.bridge)}`,
          `  harness job (runner + record)          ${ms(m.harnessJob)} (${ms(p.harnessJob)})   adds ${ms(a.harness)}`,
          `  harness + bridge over a direct call:   ${ms(a.total)} (${((m.harnessJob / m.providerCall - 1) * 100).toFixed(1)}%)`,
          '',
        ].join('\n'),
      );
    });
}
