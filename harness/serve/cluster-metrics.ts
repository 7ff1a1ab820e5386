import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

interface MetricsRequest {
  type: 'hb:metrics-request';
  id: number;
}
interface MetricsAnswer {
  type: 'hb:metrics';
  id: number;
  body?: string;
  error?: string;
}

/**
 * Primary side: answers a worker's request for the pool's metrics with every worker's registry
 * aggregated (counters and histograms summed), so a scrape that lands on any worker sees the
 * whole pool.
 */
export function serveClusterMetrics(worker: Worker): void {
  const aggregator = new AggregatorRegistry();
  worker.on('message', (message: MetricsRequest) => {
    if (message.type !== 'hb:metrics-request') return;
    const answer = (value: Omit<MetricsAnswer, 'type' | 'id'>) => {
      if (worker.isConnected()) worker.send({ type: 'hb:metrics', id: message.id, ...value });
    };
    aggregator.clusterMetrics().then(
      (body) => answer({ body }),
      (error: Error) => answer({ error: error.message }),
    );
  });
}

/**
 * Worker side: registers this worker's registry for aggregation and returns the `/metrics`
 * source that asks the primary for the pool's metrics. Outside a cluster: the registry itself.
 */
export function clusterMetricsSource(
  registry: Registry,
): () => Promise<{ contentType: string; body: string }> {
  const contentType = registry.contentType;
  if (!cluster.isWorker) return async () => ({ contentType, body: await registry.metrics() });
  new AggregatorRegistry(); // installs the worker's answer to the primary's collection requests
  AggregatorRegistry.setRegistries([registry]);
  let next = 0;
  const waiting = new Map<
    number,
    { resolve: (body: string) => void; reject: (e: Error) => void }
  >();
  process.on('message', (message: MetricsAnswer) => {
    if (message.type !== 'hb:metrics') return;
    const pending = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) pending?.reject(new Error(message.error));
    else pending?.resolve(message.body ?? '');
  });
  return () =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: (body) => resolve({ contentType, body }), reject });
      process.send?.({ type: 'hb:metrics-request', id } satisfies MetricsRequest);
    });
}
