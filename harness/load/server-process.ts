import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startChildService } from '../perf/child-service.js';

/** The `bench` executable this harness belongs to. */
export const BENCH_BIN = fileURLToPath(new URL('../../bin/bench.js', import.meta.url));

export interface ServerProcessOptions {
  latency: 'realistic' | 'zero';
  seed: number;
  config?: string;
  workers?: number;
  /** How long `bench serve` may take to print its URL. */
  readyTimeoutMs?: number;
}

export interface ServerProcess {
  /** The API base, `http://127.0.0.1:PORT/v1`. */
  baseUrl: string;
  /** A fresh admin key, known only to this run. */
  apiKey: string;
  pid: number;
  /** SIGTERM, then waits for the server to drain and exit; resolves with its exit code. */
  stop(): Promise<number | null>;
}

/** The arguments of the `bench serve` a load run starts. */
export function serveArgs(options: ServerProcessOptions): string[] {
  return [
    'serve',
    '--port',
    '0',
    '--backend',
    'mock-server',
    '--latency',
    options.latency,
    '--seed',
    String(options.seed),
    ...(options.config === undefined ? [] : ['--config', options.config]),
    ...(options.workers === undefined ? [] : ['--workers', String(options.workers)]),
  ];
}

/**
 * Starts `bench serve --port 0 --backend mock-server` in a child process, so the server and the
 * load tool each have their own event loop (and, given two cores, their own core). The child
 * gets one random admin key in `HB_API_KEYS`; resolves once it prints its URL.
 * @throws Error with the child's last stderr lines when it exits or stays silent.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const apiKey = `sk-hb-load-${randomBytes(18).toString('hex')}`;
  const child = await startChildService(process.execPath, [BENCH_BIN, ...serveArgs(options)], {
    name: 'bench serve',
    env: { ...process.env, HB_API_KEYS: `load:${apiKey} role=admin` },
    timeoutMs: options.readyTimeoutMs ?? 60_000,
  });
  return { baseUrl: child.firstLine, apiKey, pid: child.pid, stop: () => child.stop() };
}
