import cluster, { type Worker } from 'node:cluster';
import { serveClusterMetrics } from './cluster-metrics.js';

/** What a worker tells the primary once it listens (or could not start). */
export type WorkerReport =
  | { type: 'hb:listening'; port: number }
  | { type: 'hb:failed'; message: string };

/** Sends a worker's report to the primary (no-op outside a cluster). */
export function reportToPrimary(report: WorkerReport): void {
  process.send?.(report);
}

export interface WorkerPool {
  /** The port every worker shares. */
  port: number;
  /** Asks every worker to drain (SIGTERM) and resolves when all have exited. */
  stop(): Promise<void>;
}

/**
 * Forks `count` copies of this command as cluster workers sharing one listening port (the primary
 * hands out connections), and resolves once every worker listens. A worker that fails to start
 * fails the whole pool; one that dies later is replaced, so the pool keeps its size.
 */
export function runWorkers(count: number): Promise<WorkerPool> {
  return new Promise((resolve, reject) => {
    let stopping = false;
    let listening = 0;
    let port = 0;
    const fork = (): Worker => {
      const worker = cluster.fork();
      serveClusterMetrics(worker);
      worker.on('message', (report: WorkerReport) => {
        if (report.type === 'hb:failed') {
          stopping = true;
          for (const other of Object.values(cluster.workers ?? {})) other?.kill('SIGTERM');
          reject(new Error(`a worker could not start: ${report.message}`));
        } else if (report.type === 'hb:listening' && listening < count) {
          port = report.port;
          if (++listening === count) resolve({ port, stop });
        }
      });
      return worker;
    };
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      if (listening < count) {
        stopping = true;
        for (const other of Object.values(cluster.workers ?? {})) other?.kill('SIGTERM');
        reject(new Error(`a worker exited before listening (${signal ?? `code ${code}`})`));
        return;
      }
      process.stderr.write(
        `worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another\n`,
      );
      fork();
    });
    async function stop(): Promise<void> {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((done) => {
              if (worker.isDead()) return done();
              worker.once('exit', () => done());
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    }
    for (let i = 0; i < count; i++) fork();
  });
}
