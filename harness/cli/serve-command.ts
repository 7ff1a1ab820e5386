import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { Command, Option } from 'commander';
import {
  createBridge,
  createBridgeServer,
  createHealth,
  createMetrics,
  createSupportDemo,
  createTelemetry,
  loadDeployment,
  parseApiKeys,
  realClock,
} from '../../src/index.js';
import { bridgeConfigFor, startBackend } from '../backends/index.js';
import { UsageError } from './cli-error.js';
import { choiceFlag, integerFlag } from './parse-flags.js';
import { untilStopped } from './until-stopped.js';

interface ServeFlags {
  port: number;
  host: string;
  backend: 'mock' | 'mock-server';
  latency: 'realistic' | 'zero';
  seed: number;
  config?: string;
  keysFile?: string;
  maxBody: number;
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
  return new Command('serve')
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
      new Option('--backend <name>', 'model backend behind the bridge')
        .argParser(choiceFlag('--backend', ['mock', 'mock-server'] as const))
        .default('mock'),
    )
    .addOption(
      new Option('--latency <model>', 'mock latency')
        .argParser(choiceFlag('--latency', ['realistic', 'zero'] as const))
        .default('realistic'),
    )
    .addOption(
      new Option('--seed <n>', 'mock seed').argParser(integerFlag('--seed', 0)).default(42),
    )
    .option('--config <file>', 'deployment config (runtime, A/B arms)')
    .option('--keys-file <file>', 'API keys, name:secret per line (default: $HB_API_KEYS)')
    .addOption(
      new Option('--max-body <bytes>', 'largest request body (413 above)')
        .argParser(integerFlag('--max-body', 1))
        .default(1024 * 1024),
    )
    .action(async (flags: ServeFlags) => {
      const keys = await apiKeys(flags);
      const deployment =
        flags.config === undefined
          ? undefined
          : await loadDeployment(flags.config, { env: process.env });
      const backend = await startBackend({
        backend: flags.backend,
        seed: flags.seed,
        latency: flags.latency,
        clock: realClock,
      });
      const metrics = createMetrics({ processMetrics: true });
      const health = createHealth();
      const { prototype, team } = createSupportDemo(backend.models?.agents);
      const bridge = createBridge({
        prototype,
        team,
        provider: backend.provider,
        telemetry: createTelemetry({ metrics, health }),
        ...(deployment
          ? { deployment: { current: () => deployment } }
          : backend.models
            ? { config: bridgeConfigFor(backend.models) }
            : {}),
      });
      const served = createBridgeServer({
        bridge,
        apiKeys: keys,
        maxBodyBytes: flags.maxBody,
        metrics: async () => ({ contentType: metrics.contentType, body: await metrics.text() }),
        ready: async () => (await health.ready()).status !== 'unavailable',
      });
      await new Promise<void>((resolve) => served.server.listen(flags.port, flags.host, resolve));
      const { port } = served.server.address() as AddressInfo;
      process.stdout.write(`http://${flags.host}:${port}/v1\n`);
      process.stderr.write(
        `bridge on http://${flags.host}:${port} (${keys.size} API key${keys.size === 1 ? '' : 's'}, backend ${flags.backend}). Stop with Ctrl-C.\n`,
      );
      const signal = await untilStopped();
      await served.close();
      await backend.close();
      process.stderr.write(`stopped (${signal}), in-flight requests drained\n`);
    });
}
