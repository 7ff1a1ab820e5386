import { type Command, Option } from 'commander';
import { FAULT_PROFILES } from '../../mocks/index.js';
import { addLiveOptions } from './live-flags.js';
import { backendOption, latencyOption, seedOption, timeScaleOption } from './mock-flags.js';
import { choiceFlag, integerFlag, positiveNumberFlag } from './parse-flags.js';

export const MODE_CHOICES = ['agno-only', 'hybrid', 'both'] as const;
export const BACKEND_CHOICES = ['mock', 'mock-server', 'live', 'plugin'] as const;

export interface RunFlags {
  suite: string;
  mode: (typeof MODE_CHOICES)[number];
  backend: (typeof BACKEND_CHOICES)[number];
  seed: number;
  /** With --concurrency, overrides the suite's load. */
  requests?: number;
  repetitions?: number;
  concurrency?: number;
  out: string;
  json: boolean;
  progress?: boolean;
  latency: 'realistic' | 'zero';
  timeScale?: number;
  faults?: string;
  config?: string;
  redis?: string;
  /** A live protocol (`LiveProvider`), or with `--backend plugin` a plugin provider's name. */
  provider?: string;
  baseUrl?: string;
  apiKeyEnv?: string;
  agentId?: string;
  baselines: string;
  baseline?: string;
  gate: boolean;
  speed?: number;
}

/** The flags of `bench run`. */
export function addRunOptions(command: Command): Command {
  return addLiveOptions(command)
    .option(
      '--suite <path>',
      'scenario suite (YAML) or recorded traffic (JSONL)',
      'scenarios/customer-support.yaml',
    )
    .addOption(
      new Option('--mode <mode>', 'which side to run')
        .argParser(choiceFlag('--mode', MODE_CHOICES))
        .default('both'),
    )
    .addOption(backendOption(BACKEND_CHOICES))
    .addOption(seedOption('seed for the mock and sampling'))
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
      new Option(
        '--concurrency <n>',
        "requests in flight (default: the suite's closed load, else 4 per core, at least 8)",
      ).argParser(integerFlag('--concurrency', 1)),
    )
    .option('--out <dir>', 'report root folder', 'reports')
    .addOption(latencyOption())
    .addOption(timeScaleOption())
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
    .option('--json', 'print the report JSON on stdout (and nothing else)', false)
    .option(
      '--baselines <dir>',
      'committed baselines: <dir>/<suite>/<mode>-<backend>.json',
      'baselines',
    )
    .option('--baseline <file>', 'compare against this baseline file instead')
    .option('--no-gate', 'skip the regression gate against the baseline')
    .addOption(
      new Option(
        '--speed <factor>',
        'recorded traffic (JSONL): replay its arrival times this many times faster',
      ).argParser(positiveNumberFlag('--speed')),
    )
    .option('--progress', 'print progress on stderr (default: on a TTY)')
    .option('--no-progress', 'no progress lines');
}
