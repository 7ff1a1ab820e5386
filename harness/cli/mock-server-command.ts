import { Command, Option } from 'commander';
import {
  FAULT_PROFILES,
  loadCassette,
  resolveFaultProfile,
  saveCassette,
} from '../../mocks/index.js';
import { serveMocks } from '../backends/index.js';
import { UsageError } from './cli-error.js';
import { latencyOption, seedOption, timeScaleOption } from './mock-flags.js';
import { integerFlag } from './parse-flags.js';
import { untilStopped } from './until-stopped.js';

interface MockServerFlags {
  port: number;
  host: string;
  seed: number;
  latency: 'realistic' | 'zero';
  timeScale?: number;
  profile?: string;
  replay?: string;
  record?: string;
  upstream?: string;
  json: boolean;
}

/** `bench mock-server`: the provider mocks on a loopback port until stopped. */
export function mockServerCommand(): Command {
  return new Command('mock-server')
    .description(
      'Serve the OpenAI, Anthropic and AgentOS mocks on a loopback port until stopped (SIGINT/SIGTERM)',
    )
    .addOption(
      new Option('--port <n>', 'port; 0 picks a free one')
        .argParser(integerFlag('--port', 0))
        .default(0),
    )
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .addOption(seedOption('seed for answers, latency and faults'))
    .addOption(latencyOption('modelled latency'))
    .addOption(timeScaleOption('multiply every modelled delay'))
    .option(
      '--profile <name|file>',
      `fault profile (${Object.keys(FAULT_PROFILES).join(', ')}, or a YAML/JSON file)`,
    )
    .option('--replay <cassette>', 'serve a recorded cassette instead of the modelled providers')
    .option(
      '--record <cassette>',
      'be a recording proxy to --upstream; the cassette is written on stop',
    )
    .option('--upstream <url>', 'the live origin to record from (with --record)')
    .option('--json', 'print the base URLs as JSON', false)
    .action(async (flags: MockServerFlags) => {
      if ((flags.record === undefined) !== (flags.upstream === undefined)) {
        throw new UsageError(
          '--record and --upstream go together: --record FILE --upstream https://api.openai.com',
        );
      }
      if (flags.record !== undefined && flags.replay !== undefined) {
        throw new UsageError('--record and --replay cannot be used together.');
      }
      const served = await serveMocks({
        port: flags.port,
        host: flags.host,
        seed: flags.seed,
        latency: flags.latency,
        ...(flags.timeScale === undefined ? {} : { timeScale: flags.timeScale }),
        ...(flags.profile === undefined
          ? {}
          : { faults: await resolveFaultProfile(flags.profile) }),
        ...(flags.replay === undefined ? {} : { replay: await loadCassette(flags.replay) }),
        ...(flags.upstream === undefined ? {} : { recordUpstream: flags.upstream }),
      });
      const { urls } = served;
      process.stdout.write(flags.json ? `${JSON.stringify(urls)}\n` : `${urls.openai}\n`);
      process.stderr.write(
        `mock server on ${urls.origin}: OpenAI ${urls.openai} · Anthropic ${urls.anthropic} · AgentOS ${urls.agnoAgentOS}/agents/{id}/runs` +
          `${flags.profile ? ` · faults ${flags.profile}` : ''}. Stop with Ctrl-C.\n`,
      );
      const signal = await untilStopped();
      await served.close();
      if (flags.record !== undefined && served.recorded) {
        const cassette = served.recorded();
        await saveCassette(flags.record, cassette);
        process.stderr.write(
          `recorded ${cassette.interactions.length} exchanges to ${flags.record}\n`,
        );
      }
      process.stderr.write(`stopped (${signal})\n`);
    });
}
