import type { AddressInfo } from 'node:net';
import {
  type ApiKeys,
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
import { type BackendName, bridgeConfigFor, startBackend } from '../backends/index.js';

export interface ServeBridgeOptions {
  port: number;
  host: string;
  backend: Extract<BackendName, 'mock' | 'mock-server'>;
  latency: 'realistic' | 'zero';
  seed: number;
  keys: ApiKeys;
  maxBodyBytes: number;
  deployment?: LoadedDeployment;
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

/** Starts the demo bridge on a backend behind the HTTP server: what one `bench serve` process runs. */
export async function serveBridge(options: ServeBridgeOptions): Promise<ServingBridge> {
  const store = await createStateStore({
    env: {},
    ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
  });
  const backend = await startBackend({
    backend: options.backend,
    seed: options.seed,
    latency: options.latency,
    clock: realClock,
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
      : backend.models
        ? { config: bridgeConfigFor(backend.models) }
        : {}),
  });
  const served = createBridgeServer({
    bridge,
    apiKeys: options.keys,
    maxBodyBytes: options.maxBodyBytes,
    store,
    metrics: async () => ({ contentType: metrics.contentType, body: await metrics.text() }),
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
