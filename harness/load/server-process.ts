import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/package-info.js';
import { startChildService } from '../perf/child-service.js';
import { type CpuPlan, onCpus } from '../perf/cpu-pinning.js';

/** The `bench` executable this harness belongs to. */
export const BENCH_BIN = join(PACKAGE_ROOT, 'bin/bench.js');

export interface ServerProcessOptions {
  latency: 'realistic' | 'zero';
  seed: number;
  config?: string;
  workers?: number;
  /** false: `--no-cache`, every request reaches the mock (benchmarks of the server itself). */
  cache?: boolean;
  /** How long `bench serve` may take to print its URL. */
  readyTimeoutMs?: number;
  /** Run `bench serve` on `cpus.server` and the mock on `cpus.others` (taskset); default: anywhere. */
  cpus?: CpuPlan;
}

export interface ServerProcess {
  /** The API base, `http://127.0.0.1:PORT/v1`. */
  baseUrl: string;
  /** A fresh admin key, known only to this run. */
  apiKey: string;
  pid: number;
  /** The mock server behind it: its origin, and the OpenAI API base the bridge calls. */
  mock: { origin: string; openai: string };
  /** SIGTERM, then waits for the server to drain and exit; resolves with its exit code. */
  stop(): Promise<number | null>;
}

/** The arguments of the mock server a load run starts (in a process of its own). */
export function mockServerArgs(options: ServerProcessOptions): string[] {
  return ['mock-server', '--latency', options.latency, '--seed', String(options.seed), '--json'];
}

/** The arguments of the `bench serve` a load run starts, in front of the mock server's OpenAI API. */
export function serveArgs(options: ServerProcessOptions, mockOpenAIUrl: string): string[] {
  return [
    'serve',
    '--port',
    '0',
    '--backend',
    'live',
    '--provider',
    'openai',
    '--base-url',
    mockOpenAIUrl,
    ...(options.config === undefined ? [] : ['--config', options.config]),
    ...(options.workers === undefined ? [] : ['--workers', String(options.workers)]),
    ...(options.cache === false ? ['--no-cache'] : []),
  ];
}

/**
 * Starts the loopback mock server and, in front of it, `bench serve --port 0`, each in a child
 * process: the bridge server, the mocks and the load tool then have event loops (and, as far as
 * the machine allows, cores) of their own, and what is sampled from the server is the bridge
 * alone, as it would run against a real provider. The server gets one random admin key in
 * `HB_API_KEYS`; resolves once both print their URLs.
 * @throws Error with a child's last stderr lines when it exits or stays silent.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const apiKey = `sk-hb-load-${randomBytes(18).toString('hex')}`;
  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  const mock = await startChildService(
    ...onCpus(options.cpus?.others, process.execPath, [BENCH_BIN, ...mockServerArgs(options)]),
    { name: 'bench mock-server', timeoutMs },
  );
  try {
    const urls = JSON.parse(mock.firstLine) as { origin: string; openai: string };
    const server = await startChildService(
      ...onCpus(options.cpus?.server, process.execPath, [
        BENCH_BIN,
        ...serveArgs(options, urls.openai),
      ]),
      {
        name: 'bench serve',
        // The mock takes any key; the server needs one to send.
        env: { ...process.env, HB_API_KEYS: `load:${apiKey} role=admin`, OPENAI_API_KEY: apiKey },
        timeoutMs,
      },
    );
    return {
      baseUrl: server.firstLine,
      apiKey,
      pid: server.pid,
      mock: { origin: urls.origin, openai: urls.openai },
      async stop() {
        const code = await server.stop();
        await mock.stop();
        return code;
      },
    };
  } catch (error) {
    await mock.stop();
    throw error;
  }
}

/** The server a load run drives: one it starts (`bench serve` in a child), or one running. */
export type LoadServer =
  | {
      kind: 'child';
      latency: 'realistic' | 'zero';
      seed: number;
      workers?: number;
      config?: string;
      /** false: the server answers every request from the backend (`--no-cache`). */
      cache?: boolean;
    }
  | { kind: 'url'; url: string; apiKey: string };

/**
 * The server a load run drives, reachable: the one it starts (`bench serve` with its mock, in
 * child processes) or the running one it was pointed at. `stop()` resolves with the started
 * server's exit code (undefined for a server it did not start).
 */
export async function reachServer(server: LoadServer): Promise<{
  baseUrl: string;
  apiKey: string;
  pid?: number;
  stop(): Promise<number | null | undefined>;
}> {
  if (server.kind === 'url')
    return { baseUrl: server.url, apiKey: server.apiKey, stop: async () => undefined };
  const child = await startServerProcess({
    latency: server.latency,
    seed: server.seed,
    ...(server.workers === undefined ? {} : { workers: server.workers }),
    ...(server.cache === false ? { cache: false } : {}),
    ...(server.config === undefined ? {} : { config: server.config }),
  });
  return { baseUrl: child.baseUrl, apiKey: child.apiKey, pid: child.pid, stop: () => child.stop() };
}
