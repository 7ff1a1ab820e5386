import { availableParallelism } from 'node:os';
import { Command, Option } from 'commander';
import { FAULT_PROFILES, resolveFaultProfile } from '../../mocks/index.js';
import type { Mode } from '../../src/index.js';
import { loadDeployment } from '../../src/index.js';
import {
  chaosProfileOf,
  checkApiKeyEnvName,
  checkBaseUrl,
  DEFAULT_AGENT_ID,
  LIVE_PROVIDERS,
  type LiveBackendOptions,
  type LiveProvider,
} from '../backends/index.js';
import type { RequestRecord } from '../metrics/request-record.js';
import { formatMs, formatUsd } from '../report/index.js';
import { runBenchmark } from '../run-benchmark.js';
import { UsageError } from './cli-error.js';
import { choiceFlag, integerFlag, positiveNumberFlag } from './parse-flags.js';
import { summaryText } from './summary-text.js';

const MODE_CHOICES = ['agno-only', 'hybrid', 'both'] as const;
const BACKEND_CHOICES = ['mock', 'mock-server', 'live'] as const;

interface RunFlags {
  suite: string;
  mode: (typeof MODE_CHOICES)[number];
  backend: (typeof BACKEND_CHOICES)[number];
  seed: number;
  requests?: number;
  repetitions?: number;
  concurrency: number;
  out: string;
  json: boolean;
  progress?: boolean;
  latency: 'realistic' | 'zero';
  timeScale?: number;
  faults?: string;
  config?: string;
  redis?: string;
  provider?: LiveProvider;
  baseUrl?: string;
  apiKeyEnv?: string;
  agentId?: string;
}

/** The variable name flag: a value that is not a name (a pasted key) is refused, never echoed. */
function apiKeyEnvFlag(value: string): string {
  const problem = checkApiKeyEnvName(value);
  if (problem) throw new UsageError(problem);
  return value;
}

function urlProblem(provider: LiveProvider, baseUrl: string): string[] {
  const checked = checkBaseUrl(provider, baseUrl);
  return checked.state === 'invalid' ? [checked.problem] : [];
}

/**
 * The live backend's options from the flags, or undefined for the mocks. Live flags without
 * `--backend live`, or mock-only flags with it, are usage errors, all reported together.
 */
function liveOptions(flags: RunFlags): LiveBackendOptions | undefined {
  const given = (
    [
      ['--provider', flags.provider],
      ['--base-url', flags.baseUrl],
      ['--api-key-env', flags.apiKeyEnv],
      ['--agent-id', flags.agentId],
    ] as const
  )
    .filter(([, value]) => value !== undefined)
    .map(([flag]) => flag);
  if (flags.backend !== 'live') {
    if (given.length === 0) return undefined;
    throw new UsageError(
      `${given.join(', ')} ${given.length === 1 ? 'needs' : 'need'} --backend live.`,
    );
  }
  const problems = [
    ...(flags.provider === undefined
      ? [`--backend live needs --provider (${LIVE_PROVIDERS.join(', ')}).`]
      : []),
    ...(flags.baseUrl === undefined
      ? ['--backend live needs --base-url URL (e.g. https://api.openai.com/v1).']
      : []),
    ...(flags.provider === undefined || flags.baseUrl === undefined
      ? []
      : urlProblem(flags.provider, flags.baseUrl)),
    ...(flags.agentId !== undefined && flags.provider !== 'agno-agentos'
      ? ['--agent-id only applies to --provider agno-agentos.']
      : []),
    ...(flags.faults === undefined
      ? []
      : ['--faults is injected by the mock backends only; a live backend has its own faults.']),
    ...(flags.timeScale === undefined
      ? []
      : ['--time-scale scales the mock’s delays; a live backend has its own.']),
  ];
  if (problems.length > 0 || flags.provider === undefined || flags.baseUrl === undefined) {
    throw new UsageError(problems.join('\n'));
  }
  return {
    provider: flags.provider,
    baseUrl: flags.baseUrl,
    ...(flags.apiKeyEnv === undefined ? {} : { apiKeyEnv: flags.apiKeyEnv }),
    ...(flags.agentId === undefined ? {} : { agentId: flags.agentId }),
    env: process.env,
  };
}

function progressLine(record: RequestRecord, done: number, total: number): string {
  const width = String(total).length;
  const result = record.success
    ? 'ok'
    : record.state === 'error'
      ? `error ${record.error?.code ?? ''}`
      : 'failed';
  return `[${String(done).padStart(width)}/${total}] ${record.mode.padEnd(9)} ${record.expectedPath.padEnd(7)} ${record.id.padEnd(32)} ${result.padEnd(8)} ${formatMs(record.latencyMs).padStart(8)} ${formatUsd(record.costUsd)}\n`;
}

/** `bench run`: replay a suite, check the SLAs, write the report. */
export function runCommand(onExit: (code: number) => void): Command {
  return new Command('run')
    .description(
      'Replay a scenario suite against agno-only and/or hybrid, check the SLAs and write a report',
    )
    .option('--suite <path>', 'scenario suite (YAML)', 'scenarios/customer-support.yaml')
    .addOption(
      new Option('--mode <mode>', 'which side to run')
        .argParser(choiceFlag('--mode', MODE_CHOICES))
        .default('both'),
    )
    .addOption(
      new Option('--backend <name>', 'model backend')
        .argParser(choiceFlag('--backend', BACKEND_CHOICES))
        .default('mock'),
    )
    .addOption(
      new Option('--seed <n>', 'seed for the mock and sampling')
        .argParser(integerFlag('--seed', 0))
        .default(42),
    )
    .addOption(
      new Option('--requests <n>', 'requests per mode, drawn from the suite by weight').argParser(
        integerFlag('--requests', 1),
      ),
    )
    .addOption(
      new Option('--repetitions <n>', 'times each request runs (default: the suite’s)').argParser(
        integerFlag('--repetitions', 1),
      ),
    )
    .addOption(
      new Option('--concurrency <n>', 'requests in flight')
        .argParser(integerFlag('--concurrency', 1))
        .default(Math.max(8, availableParallelism() * 4)),
    )
    .option('--out <dir>', 'report root folder', 'reports')
    .addOption(
      new Option('--latency <model>', 'mock latency')
        .argParser(choiceFlag('--latency', ['realistic', 'zero'] as const))
        .default('realistic'),
    )
    .addOption(
      new Option(
        '--time-scale <factor>',
        'multiply the mock’s modelled delays (0.1 = ten times faster)',
      ).argParser(positiveNumberFlag('--time-scale')),
    )
    .option(
      '--faults <name|file>',
      `inject a fault profile (${Object.keys(FAULT_PROFILES).join(', ')}, or a YAML/JSON file)`,
    )
    .option(
      '--config <file>',
      'run the hybrid with this deployment config (runtime, A/B arms, chaos)',
    )
    .option(
      '--redis <url>',
      'keep the hybrid’s limits, breakers and cache in Redis (default: $REDIS_URL, else memory)',
    )
    .addOption(
      new Option('--provider <name>', 'live backend protocol').argParser(
        choiceFlag('--provider', LIVE_PROVIDERS),
      ),
    )
    .option(
      '--base-url <url>',
      'live backend URL: https://api.openai.com/v1, https://api.anthropic.com (no /v1), or the AgentOS root',
    )
    .addOption(
      new Option(
        '--api-key-env <name>',
        'NAME of the variable holding the key (default OPENAI_API_KEY, ANTHROPIC_API_KEY; AgentOS: OS_SECURITY_KEY if set)',
      ).argParser(apiKeyEnvFlag),
    )
    .option('--agent-id <id>', `AgentOS agent to run (default ${DEFAULT_AGENT_ID})`)
    .option('--json', 'print the report JSON on stdout (and nothing else)', false)
    .option('--progress', 'print a line per request on stderr (default: on a TTY)')
    .option('--no-progress', 'no progress lines')
    .action(async (flags: RunFlags) => {
      const live = liveOptions(flags);
      const deployment =
        flags.config === undefined
          ? undefined
          : await loadDeployment(flags.config, { env: process.env });
      // --faults wins over the deployment's chaos section.
      const faults =
        flags.faults !== undefined
          ? await resolveFaultProfile(flags.faults)
          : deployment
            ? await chaosProfileOf(deployment)
            : undefined;
      if (live && faults) {
        throw new UsageError(
          `${deployment?.file ?? 'The deployment'} enables testing.chaos, which the mock backends inject; a live backend cannot. Disable it (HB__spec__testing__chaos__enabled=false) or use --backend mock.`,
        );
      }
      const redisUrl = flags.redis ?? process.env.REDIS_URL;
      const modes: Mode[] = flags.mode === 'both' ? ['agno-only', 'hybrid'] : [flags.mode];
      const showProgress = flags.progress ?? process.stderr.isTTY === true;
      const controller = new AbortController();
      const onSigint = () => {
        if (controller.signal.aborted) process.exit(130);
        process.stderr.write(
          '\nInterrupted: finishing the report (Ctrl-C again to quit at once)\n',
        );
        controller.abort(new Error('interrupted'));
      };
      process.on('SIGINT', onSigint);
      try {
        const { report, dir } = await runBenchmark({
          suitePath: flags.suite,
          modes,
          backend: flags.backend,
          ...(live ? { live } : {}),
          ...(faults ? { faults } : {}),
          ...(deployment ? { deployment } : {}),
          ...(redisUrl ? { redisUrl } : {}),
          ...(flags.timeScale === undefined ? {} : { timeScale: flags.timeScale }),
          seed: flags.seed,
          concurrency: flags.concurrency,
          ...(flags.requests === undefined ? {} : { requests: flags.requests }),
          ...(flags.repetitions === undefined ? {} : { repetitions: flags.repetitions }),
          outDir: flags.out,
          latency: flags.latency,
          signal: controller.signal,
          ...(showProgress
            ? { onRecord: (r, done, total) => process.stderr.write(progressLine(r, done, total)) }
            : {}),
        });
        if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
        else process.stdout.write(summaryText(report, dir));
        onExit(report.verdict.exitCode);
      } finally {
        process.off('SIGINT', onSigint);
      }
    });
}
