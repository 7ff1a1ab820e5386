import { ConfigError, type LoadedPlugins } from '../../src/index.js';
import type { Backend } from './backend.js';
import { LiveBackendErrorCodes } from './live-options.js';

/** What `--backend plugin` runs on: the loaded plugins and the provider chosen among them. */
export interface PluginBackendOptions {
  plugins: LoadedPlugins;
  /** A provider name one of the plugins offers. */
  provider: string;
}

/**
 * Builds a plugin's provider as the run's backend. Options meant for the mocks or a live
 * backend are refused together, as for those backends. The deployment's runtime config names
 * the models: a plugin provider serves whatever model it is asked for, or fails the call.
 */
export async function startPluginBackend(options: {
  backend: string;
  plugin?: PluginBackendOptions;
  live?: unknown;
  faults?: { name: string };
  timeScale?: number;
}): Promise<Backend> {
  const problems = [
    ...(options.backend === 'plugin'
      ? []
      : [`Plugin provider options need --backend plugin, not ${options.backend}.`]),
    ...(options.plugin
      ? []
      : ['--backend plugin needs --provider NAME and a --config deployment that loads plugins.']),
    ...(options.live ? ['Live backend options need --backend live, not plugin.'] : []),
    ...(options.faults
      ? [
          `Faults (${options.faults.name}) are injected by the mock backends only; drop --faults (or the deployment's testing.chaos) or use --backend mock.`,
        ]
      : []),
    ...(options.timeScale === undefined
      ? []
      : ['--time-scale scales the mock’s modelled delays; a plugin provider has its own.']),
  ];
  if (problems.length > 0 || !options.plugin) {
    throw new ConfigError(LiveBackendErrorCodes.invalid, problems.join('\n'));
  }
  const { plugins, provider } = options.plugin;
  const built = await plugins.createProvider(provider);
  return {
    name: 'plugin',
    baseUrl: `plugin:${provider}`,
    providerName: provider,
    provider: built,
    close: async () => undefined,
  };
}
