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
  realClock,
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
  const store = await createStateStore({
    env: {},
    ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
  });
  const backend = await startBackend({
    backend: options.backend,
    seed: options.seed,
    clock: realClock,
    ...(options.live ? { live: options.live } : { latency: options.latency }),
  });
  const metrics = createMetrics({ processMetrics: true });
  const health = createHealth();
  const { prototype, team } = createSupportDemo(backend.models?.agents);
  const bridge = createBridge({
    prototype,
    team,
    provider: backend.provider,
    store,
    telemetry: createTelemetry({ metrics, health }),
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
