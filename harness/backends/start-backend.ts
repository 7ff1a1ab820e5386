import type { FaultProfile } from '../../mocks/index.js';
import { type Clock, ConfigError } from '../../src/index.js';
import type { Backend, BackendName } from './backend.js';
import { startLiveBackend } from './live-backend.js';
import { LiveBackendErrorCodes, type LiveBackendOptions } from './live-options.js';
import { type PluginBackendOptions, startPluginBackend } from './plugin-backend.js';

export interface StartBackendOptions {
  backend: BackendName;
  /** Required with `live`, refused otherwise. */
  live?: LiveBackendOptions;
  /** Required with `plugin` (the loaded plugins and the provider chosen), refused otherwise. */
  plugin?: PluginBackendOptions;
  seed: number;
  /** Mock only. */
  latency?: 'realistic' | 'zero';
  /** Mock only. */
  timeScale?: number;
  /** Mock only: a live backend's faults are its own, never injected. */
  faults?: FaultProfile;
  clock: Clock;
}

/** Starts the backend a run asks for; options that do not fit it are a `ConfigError`. */
export async function startBackend(options: StartBackendOptions): Promise<Backend> {
  if (options.backend === 'plugin' || options.plugin) return startPluginBackend(options);
  if (options.backend !== 'live') {
    if (options.live) {
      throw new ConfigError(
        LiveBackendErrorCodes.invalid,
        `Live backend options (provider, base URL, key variable, agent id) need --backend live, not ${options.backend}.`,
      );
    }
    // Loaded when asked for: the mocks (and their tokenizer's tables) cost a live server ~70 MB.
    const { startMockBackend } = await import('./mock-backend.js');
    return startMockBackend({
      seed: options.seed,
      transport: options.backend === 'mock-server' ? 'http' : 'msw',
      ...(options.latency ? { latency: options.latency } : {}),
      ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
      ...(options.faults ? { faults: options.faults } : {}),
      clock: options.clock,
    });
  }
  const problems = [
    ...(options.live ? [] : ['--backend live needs --provider and --base-url.']),
    ...(options.faults
      ? [
          `Faults (${options.faults.name}) are injected by the mock backends only; drop --faults (or the deployment's testing.chaos) or use --backend mock.`,
        ]
      : []),
    ...(options.timeScale === undefined
      ? []
      : ['--time-scale scales the mock’s modelled delays; a live backend has its own.']),
  ];
  if (problems.length > 0 || !options.live) {
    throw new ConfigError(LiveBackendErrorCodes.invalid, problems.join('\n'));
  }
  return startLiveBackend({ ...options.live, clock: options.clock });
}
