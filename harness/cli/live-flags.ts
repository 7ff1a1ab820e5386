import { type Command, Option } from 'commander';
// The modules themselves, not the backends barrel: `bench serve` must not load the mocks.
import {
  checkApiKeyEnvName,
  checkBaseUrl,
  DEFAULT_AGENT_ID,
  type LiveBackendOptions,
} from '../backends/live-options.js';
import { LIVE_PROVIDERS, type LiveProvider } from '../backends/provider-models.js';
import { UsageError } from './cli-error.js';
import type { RunFlags } from './run-flags.js';

/** The variable name flag: a value that is not a name (a pasted key) is refused, never echoed. */
export function apiKeyEnvFlag(value: string): string {
  const problem = checkApiKeyEnvName(value);
  if (problem) throw new UsageError(problem);
  return value;
}

const PROVIDER_NAME = /^[a-z][a-z0-9-]{0,62}$/;

/** `--provider`: a live protocol or, with `--backend plugin`, a plugin provider's name. */
export function providerFlag(value: string): string {
  if (!PROVIDER_NAME.test(value)) {
    throw new UsageError(
      `--provider must be a provider name (${LIVE_PROVIDERS.join(', ')}, or with --backend plugin a plugin provider's name); got "${value}".`,
    );
  }
  return value;
}

function isLiveProvider(value: string): value is LiveProvider {
  return (LIVE_PROVIDERS as readonly string[]).includes(value);
}

/**
 * The plugin provider `--backend plugin --provider NAME` selects, or undefined for the other
 * backends. Plugins come from the deployment, so `--config` is needed too.
 */
export function pluginProviderOf(
  flags: Pick<RunFlags, 'backend' | 'provider' | 'config'>,
): string | undefined {
  if (flags.backend !== 'plugin') return undefined;
  const problems = [
    ...(flags.provider === undefined
      ? [
          '--backend plugin needs --provider NAME: a provider of a plugin the --config deployment loads.',
        ]
      : []),
    ...(flags.config === undefined
      ? ['--backend plugin needs --config FILE: plugins are named in its spec.plugins.']
      : []),
  ];
  if (problems.length > 0 || flags.provider === undefined) {
    throw new UsageError(problems.join('\n'));
  }
  return flags.provider;
}

function urlProblem(provider: LiveProvider, baseUrl: string): string[] {
  const checked = checkBaseUrl(provider, baseUrl);
  return checked.state === 'invalid' ? [checked.problem] : [];
}

/**
 * The live backend's options from the flags, or undefined for the mocks. Live flags without
 * `--backend live`, or mock-only flags with it, are usage errors, all reported together.
 */
export function liveOptions(
  flags: Pick<RunFlags, 'backend' | 'provider' | 'baseUrl' | 'apiKeyEnv' | 'agentId'> &
    Partial<Pick<RunFlags, 'faults' | 'timeScale'>>,
): LiveBackendOptions | undefined {
  const given = (
    [
      ['--provider', flags.provider],
      ['--base-url', flags.baseUrl],
      ['--api-key-env', flags.apiKeyEnv],
      ['--agent-id', flags.agentId],
    ] as const
  )
    // With --backend plugin, --provider names the plugin's provider.
    .filter(
      ([flag, value]) =>
        value !== undefined && !(flag === '--provider' && flags.backend === 'plugin'),
    )
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
    ...(flags.provider === undefined || isLiveProvider(flags.provider)
      ? []
      : [
          `--provider must be one of ${LIVE_PROVIDERS.join(', ')} with --backend live; got "${flags.provider}" (a plugin provider needs --backend plugin).`,
        ]),
    ...(flags.provider === undefined ||
    !isLiveProvider(flags.provider) ||
    flags.baseUrl === undefined
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
  if (
    problems.length > 0 ||
    flags.provider === undefined ||
    !isLiveProvider(flags.provider) ||
    flags.baseUrl === undefined
  ) {
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

/** The flags naming a live backend (`--backend live`): protocol, URL, key variable, AgentOS agent. */
export function addLiveOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--provider <name>',
        `live backend protocol (${LIVE_PROVIDERS.join(', ')}), or with --backend plugin a plugin provider`,
      ).argParser(providerFlag),
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
    .option('--agent-id <id>', `AgentOS agent to run (default ${DEFAULT_AGENT_ID})`);
}
