import cluster from 'node:cluster';
import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { loadDeployment, loadPlugins, parseApiKeys } from '../../src/index.js';
import { reportToPrimary, runWorkers } from '../serve/run-workers.js';
import { serveBridge } from '../serve/serve-bridge.js';
import { UsageError } from './cli-error.js';
import { addLiveOptions, liveOptions, pluginProviderOf } from './live-flags.js';
import { backendOption, latencyOption, seedOption } from './mock-flags.js';
import { integerFlag } from './parse-flags.js';
import { untilStopped } from './until-stopped.js';

interface ServeFlags {
  port: number;
  host: string;
  backend: 'mock' | 'mock-server' | 'live' | 'plugin';
  /** A live protocol, or with `--backend plugin` a plugin provider's name. */
  provider?: string;
  baseUrl?: string;
  apiKeyEnv?: string;
  agentId?: string;
  latency: 'realistic' | 'zero';
  seed: number;
  config?: string;
  keysFile?: string;
  maxBody: number;
  workers: number;
  cache: boolean;
}

/** API keys from `--keys-file`, else `HB_API_KEYS`; none is a usage error (no open server). */
async function apiKeys(flags: ServeFlags) {
  if (flags.keysFile !== undefined) {
    const text = await readFile(flags.keysFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(
        `Cannot read --keys-file ${flags.keysFile}: ${error.code ?? error.message}`,
      );
    });
    return parseApiKeys(text, flags.keysFile);
  }
  const fromEnv = process.env.HB_API_KEYS;
  if (fromEnv === undefined || fromEnv.trim() === '')
    throw new UsageError(
      'No API keys: set HB_API_KEYS=name:secret[,name:secret…] or pass --keys-file FILE.',
    );
  return parseApiKeys(fromEnv, 'HB_API_KEYS');
}

/** `bench serve`: the bridge behind an OpenAI-compatible HTTP API until stopped. */
export function serveCommand(): Command {
  return addLiveOptions(new Command('serve'))
    .description(
      'Serve the bridge as an OpenAI-compatible API (POST /v1/chat/completions, /health/live, /health/ready, /metrics) until stopped',
    )
    .addOption(
      new Option('--port <n>', 'port (0: any free one)')
        .argParser(integerFlag('--port', 0))
        .default(8080),
    )
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .addOption(
      backendOption(['mock', 'mock-server', 'live', 'plugin'], 'model backend behind the bridge'),
    )
    .addOption(latencyOption())
    .addOption(seedOption())
    .option('--config <file>', 'deployment config (runtime, A/B arms)')
    .option('--keys-file <file>', 'API keys, name:secret per line (default: $HB_API_KEYS)')
    .addOption(
      new Option('--max-body <bytes>', 'largest request body (413 above)')
        .argParser(integerFlag('--max-body', 1))
        .default(1024 * 1024),
    )
    .addOption(
      new Option(
        '--workers <n>',
        'processes sharing the port (state shared through Redis when REDIS_URL is set)',
      )
        .argParser(integerFlag('--workers', 1))
        .default(1),
    )
    .option('--no-cache', 'answer every request from the backend (benchmarks; without --config)')
    .action(async (flags: ServeFlags) => {
      if (!flags.cache && flags.config !== undefined)
        throw new UsageError(
          '--no-cache applies without --config; with a deployment set HB__spec__runtime__resilience__cache__enabled=false.',
        );
      if (cluster.isPrimary && flags.workers > 1) return servePool(flags);
      return serveOne(flags);
    });
}

/** One process serving: alone, or as a worker of a pool (then it reports to the primary). */
async function serveOne(flags: ServeFlags): Promise<void> {
  const redisUrl = process.env.REDIS_URL?.trim() || undefined;
  const live = liveOptions(flags);
  const pluginProvider = pluginProviderOf(flags);
  let serving: Awaited<ReturnType<typeof serveBridge>>;
  try {
    const deployment =
      flags.config === undefined
        ? undefined
        : await loadDeployment(flags.config, { env: process.env });
    serving = await serveBridge({
      port: flags.port,
      host: flags.host,
      backend: flags.backend,
      latency: flags.latency,
      seed: flags.seed,
      keys: await apiKeys(flags),
      maxBodyBytes: flags.maxBody,
      cache: flags.cache,
      ...(deployment ? { deployment, plugins: await loadPlugins(deployment) } : {}),
      ...(pluginProvider === undefined ? {} : { pluginProvider }),
      ...(redisUrl ? { redisUrl } : {}),
      ...(live ? { live } : {}),
    });
  } catch (error) {
    if (cluster.isWorker) {
      reportToPrimary({ type: 'hb:failed', message: (error as Error).message });
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  if (cluster.isWorker) reportToPrimary({ type: 'hb:listening', port: serving.port });
  else announce(flags, serving.port, `1 process, state in ${serving.state}`);
  const signal = await untilStopped();
  await serving.close();
  // A worker's channel to the primary would keep it alive: let go of it once drained.
  if (cluster.isWorker) cluster.worker?.disconnect();
  else process.stderr.write(`stopped (${signal}), in-flight requests drained\n`);
}

/** `--workers N`: the primary forks N servers on one port and stops them together. */
async function servePool(flags: ServeFlags): Promise<void> {
  // Usage errors belong to the primary, before any fork.
  await apiKeys(flags);
  liveOptions(flags);
  pluginProviderOf(flags);
  const shared = process.env.REDIS_URL?.trim();
  const pool = await runWorkers(flags.workers).catch((error: Error) => {
    throw new UsageError(`bench serve --workers ${flags.workers}: ${error.message}`);
  });
  announce(
    flags,
    pool.port,
    `${flags.workers} workers, state ${shared ? 'shared in Redis' : 'per worker: set REDIS_URL to share rate limits, breakers and cache'}`,
  );
  const signal = await untilStopped();
  await pool.stop();
  process.stderr.write(`stopped (${signal}), every worker drained\n`);
}

function announce(flags: ServeFlags, port: number, detail: string): void {
  process.stdout.write(`http://${flags.host}:${port}/v1\n`);
  process.stderr.write(
    `bridge on http://${flags.host}:${port} (${detail}; backend ${flags.backend}). Stop with Ctrl-C.\n`,
  );
}
