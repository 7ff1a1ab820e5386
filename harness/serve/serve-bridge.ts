import type { AddressInfo } from 'node:net';
import {
  type ApiKeys,
  type BridgeConfigInput,
  createBridge,
  createBridgeServer,
  createHealth,
  createMetrics,
  createStateStore,
  createSupportDemo,
  createTelemetry,
  type LoadedDeployment,
  type LoadedPlugins,
  NO_PLUGINS,
  realClock,
  withPluginTools,
} from '../../src/index.js';
// The modules themselves, not the barrel: it would load the mocks into every server.
import type { BackendName } from '../backends/backend.js';
import type { LiveBackendOptions } from '../backends/live-options.js';
import { bridgeConfigFor, type ProviderModels } from '../backends/provider-models.js';
import { startBackend } from '../backends/start-backend.js';
import { clusterMetricsSource } from './cluster-metrics.js';

export interface ServeBridgeOptions {
  port: number;
  host: string;
  backend: BackendName;
  /** With `backend: 'live'`: the upstream (an OpenAI-compatible, Anthropic or AgentOS URL). */
  live?: LiveBackendOptions;
  /** The deployment's plugins: tool sets, a router, and with `backend: 'plugin'` the provider. */
  plugins?: LoadedPlugins;
  /** With `backend: 'plugin'` (required then): the plugin provider to serve from. */
  pluginProvider?: string;
  latency: 'realistic' | 'zero';
  seed: number;
  keys: ApiKeys;
  maxBodyBytes: number;
  deployment?: LoadedDeployment;
  /** false: every request reaches the backend (benchmarks); needs no deployment (it has its own). */
  cache?: boolean;
  /** Shared state (rate limits, breakers, cache, budgets); Redis when set, else this process's memory. */
  redisUrl?: string;
}

export interface ServingBridge {
  port: number;
  /** Where state lives: `redis` (shared by every worker and replica) or `memory` (this process). */
  state: 'redis' | 'memory';
  /** Drains requests in flight, then closes the server, the backend and the state store. */
  close(): Promise<void>;
}

function configFor(models: ProviderModels | undefined, cache: boolean): BridgeConfigInput {
  const base = models ? bridgeConfigFor(models) : {};
  return cache ? base : { ...base, resilience: { ...base.resilience, cache: { enabled: false } } };
}

/** Starts the demo bridge on a backend behind the HTTP server: what one `bench serve` process runs. */
export async function serveBridge(options: ServeBridgeOptions): Promise<ServingBridge> {
  const plugins = options.plugins ?? NO_PLUGINS;
  const store = await createStateStore({
    env: {},
    ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
  });
  const backend = await startBackend({
    backend: options.backend,
    seed: options.seed,
    clock: realClock,
    ...(options.live ? { live: options.live } : {}),
    ...(options.pluginProvider === undefined
      ? {}
      : { plugin: { plugins, provider: options.pluginProvider } }),
    ...(options.live || options.pluginProvider !== undefined ? {} : { latency: options.latency }),
  });
  const metrics = createMetrics({ processMetrics: true });
  const health = createHealth();
  const { prototype, team } = withPluginTools(
    createSupportDemo(backend.models?.agents),
    plugins.toolSets,
  );
  const bridge = createBridge({
    prototype,
    team,
    provider: backend.provider,
    store,
    telemetry: createTelemetry({ metrics, health }),
    ...(plugins.createRouter ? { createRouter: plugins.createRouter } : {}),
    ...(options.deployment
      ? { deployment: { current: () => options.deployment as LoadedDeployment } }
      : { config: configFor(backend.models, options.cache ?? true) }),
  });
  const served = createBridgeServer({
    bridge,
    apiKeys: options.keys,
    maxBodyBytes: options.maxBodyBytes,
    store,
    // In a pool, a scrape on any worker returns the whole pool's metrics.
    metrics: clusterMetricsSource(metrics.registry),
    onChunkRelayed: metrics.chunkRelayed,
    ready: async () => (await health.ready()).status !== 'unavailable',
  });
  await new Promise<void>((resolve, reject) => {
    served.server.once('error', reject);
    served.server.listen(options.port, options.host, () => {
      served.server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (served.server.address() as AddressInfo).port,
    state: options.redisUrl ? 'redis' : 'memory',
    async close() {
      await served.close();
      await backend.close();
      await store.close();
    },
  };
}
