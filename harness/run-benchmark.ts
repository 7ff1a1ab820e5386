import { dirname, join, resolve } from 'node:path';
import { type FaultProfile, looksLikeProfileFile, resolveFaultProfile } from '../mocks/index.js';
import {
  type Clock,
  createBridge,
  createStateStore,
  createSupportDemo,
  installedVersion,
  type LoadedDeployment,
  type LoadedPlugins,
  type Mode,
  NO_PLUGINS,
  realClock,
  type StateStore,
  withPluginTools,
} from '../src/index.js';
import {
  bridgeConfigFor,
  type LiveBackendOptions,
  labelCalls,
  startBackend,
  suiteCallLabels,
} from './backends/index.js';
import type { RequestRecord } from './metrics/request-record.js';
import {
  appendHistory,
  buildReport,
  HISTORY_FILE,
  historyEntryOf,
  type Report,
  readHistory,
  renderReportFolder,
  writeReport,
} from './report/index.js';
import { resolveTraffic } from './runner/resolve-traffic.js';
import { runSuite } from './runner/run-suite.js';
import { loadSuite, type Suite } from './scenario/index.js';
import { type GateOptions, gateAgainstBaselines, gatingModesFor } from './verdict/index.js';

export interface BenchmarkOptions {
  suitePath: string;
  /** The regression gate: where baselines live, or one file to compare against. Absent: no gate. */
  gate?: GateOptions;
  modes: readonly Mode[];
  /**
   * `mock`: in-process (msw). `mock-server`: the loopback HTTP mock, over real sockets.
   * `live`: a real provider or AgentOS, as `live` says. `plugin`: the provider `pluginProvider`
   * names among `plugins`.
   */
  backend: 'mock' | 'mock-server' | 'live' | 'plugin';
  /**
   * With `backend: 'live'` (required then): provider, base URL and the key's variable. The
   * demo agents and the bridge's paths use the provider's models (`PROVIDER_MODELS`); a
   * `deployment`'s runtime config still wins for the path models and fallbacks.
   */
  live?: LiveBackendOptions;
  /**
   * The deployment's plugins (`loadPlugins`): their tool sets extend the demo agents, their
   * router replaces the built-in one, and with `backend: 'plugin'` one of their providers serves.
   */
  plugins?: LoadedPlugins;
  /** With `backend: 'plugin'` (required then): the plugin provider to run on. */
  pluginProvider?: string;
  seed: number;
  /** Requests in flight; default: the suite's closed load, else `DEFAULT_CONCURRENCY`. */
  concurrency?: number;
  /**
   * Run this many requests per mode, drawn from the suite by weight; default: the suite's load,
   * else the whole suite. Either this or `concurrency` overrides the suite's load.
   */
  requests?: number;
  repetitions?: number;
  /** A deployment to run the hybrid with: its runtime config and A/B arms. */
  deployment?: LoadedDeployment;
  /** Shared state for the hybrid's limits, breakers and cache: Redis when set, else memory. */
  redisUrl?: string;
  /** Where run folders go; default `reports`. */
  outDir: string;
  latency?: 'realistic' | 'zero';
  /** Multiplies the mock's modelled delays (0.1 = ten times faster). */
  timeScale?: number;
  /** Faults the mock injects, deterministic by seed (mock backends only). */
  faults?: FaultProfile;
  requestTimeoutMs?: number;
  clock?: Clock;
  signal?: AbortSignal;
  onRecord?: (record: RequestRecord, done: number, total: number) => void;
  /** Called once the suite is loaded and valid, before any request. */
  onStart?: (suite: Suite) => void;
  /** Recorded traffic: replay its arrival times this many times faster (default 1). */
  speed?: number;
}

export interface BenchmarkResult {
  report: Report;
  /** The run's report folder. */
  dir: string;
}

/** The suite's own `faults`: a built-in name, a file next to the suite, or a profile written in it. */
async function suiteFaults(suite: Suite): Promise<FaultProfile> {
  const faults = suite.faults as string | FaultProfile;
  if (typeof faults !== 'string') return faults;
  // A file is found next to the suite, as its author sees it. Files are read when the run starts.
  return resolveFaultProfile(
    looksLikeProfileFile(faults) ? resolve(dirname(suite.file), faults) : faults,
  );
}

function runIdFor(date: Date, suite: string, seed: number): string {
  const stamp = date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${suite}-s${seed}`;
}

/**
 * Runs a suite end to end: load and validate it, start the backend, run every mode, check the
 * SLAs and write the report folder. Bad input throws a `ConfigError` before anything runs.
 *
 * @example
 * const { report, dir } = await runBenchmark({
 *   suitePath: 'scenarios/customer-support.yaml', modes: ['agno-only', 'hybrid'],
 *   backend: 'mock', seed: 42, concurrency: 8, outDir: 'reports',
 * });
 */
export async function runBenchmark(options: BenchmarkOptions): Promise<BenchmarkResult> {
  const clock = options.clock ?? realClock;
  const plugins = options.plugins ?? NO_PLUGINS;
  const suite = await loadSuite(options.suitePath);
  const traffic = resolveTraffic(suite, options);
  // --faults (or the deployment's chaos) wins; a live or plugin backend cannot inject the suite's own.
  const faults =
    options.faults ??
    (suite.faults === undefined || options.backend === 'live' || options.backend === 'plugin'
      ? undefined
      : await suiteFaults(suite));
  options.onStart?.(suite);
  const createdAt = new Date(clock.wallNow());
  const backend = await startBackend({
    backend: options.backend,
    ...(options.live ? { live: options.live } : {}),
    ...(options.pluginProvider === undefined
      ? {}
      : { plugin: { plugins, provider: options.pluginProvider } }),
    seed: options.seed,
    ...(options.latency ? { latency: options.latency } : {}),
    ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
    ...(faults ? { faults } : {}),
    clock,
  });
  const models = backend.models;
  // Calls carry their scenario and its labelled path, so scoped faults hit both modes alike.
  const provider = labelCalls(backend.provider, suiteCallLabels(suite.requests));
  const runId = runIdFor(createdAt, suite.name, options.seed);
  const stores: StateStore[] = [];
  try {
    // One bridge (one demo world, one key space) per mode: nothing of one mode reaches the other.
    const bridges = Object.fromEntries(
      await Promise.all(
        options.modes.map(async (mode) => {
          const { prototype, team } = withPluginTools(
            createSupportDemo(models?.agents),
            plugins.toolSets,
          );
          const store = await createStateStore({
            ...(options.redisUrl === undefined ? {} : { redisUrl: options.redisUrl }),
            env: {},
            keyPrefix: `hb:bench:${runId}:${mode}:`,
          });
          stores.push(store);
          const deployment = options.deployment;
          // A deployment's runtime config names its own models; otherwise the backend's serve.
          const config = deployment
            ? { deployment: { current: () => deployment } }
            : models
              ? { config: bridgeConfigFor(models) }
              : {};
          return [
            mode,
            createBridge({
              prototype,
              team,
              provider,
              clock,
              store,
              ...config,
              ...(plugins.createRouter ? { createRouter: plugins.createRouter } : {}),
            }),
          ] as const;
        }),
      ),
    );
    const run = await runSuite({
      suite,
      bridges,
      modes: options.modes,
      seed: options.seed,
      concurrency: traffic.concurrency,
      ...(traffic.requests === undefined ? {} : { requests: traffic.requests }),
      ...(traffic.arrivalsMs === undefined ? {} : { arrivalsMs: traffic.arrivalsMs }),
      ...(options.repetitions === undefined ? {} : { repetitions: options.repetitions }),
      requestTimeoutMs: options.requestTimeoutMs ?? 120_000,
      ...(options.speed === undefined ? {} : { speed: options.speed }),
      clock,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onRecord ? { onRecord: options.onRecord } : {}),
    });
    const gatingModes = gatingModesFor(options.modes);
    const regression = options.gate
      ? await gateAgainstBaselines(
          {
            suite,
            modes: gatingModes,
            backend: options.backend,
            options: {
              seed: options.seed,
              latency: options.latency ?? 'realistic',
              ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
              ...(faults ? { faults: faults.name } : {}),
              repetitions: options.repetitions ?? suite.repetitions,
            },
            records: run.records,
          },
          options.gate,
        )
      : [];
    const report = buildReport({
      ...(regression.length > 0 ? { regression } : {}),
      runId,
      createdAt,
      toolVersion: await installedVersion(),
      suite,
      options: {
        modes: [...options.modes],
        backend: options.backend,
        latency: options.latency ?? 'realistic',
        ...(backend.providerName
          ? { provider: backend.providerName, baseUrl: backend.baseUrl }
          : {}),
        ...(faults ? { faults: faults.name } : {}),
        ...(options.deployment
          ? { deployment: options.deployment.file, deploymentRevision: options.deployment.revision }
          : {}),
        sharedState: options.redisUrl ? 'redis' : 'memory',
        ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
        seed: options.seed,
        concurrency: traffic.concurrency,
        load: traffic.description,
        ...(traffic.requests === undefined ? {} : { requests: traffic.requests }),
        repetitions: options.repetitions ?? suite.repetitions,
      },
      records: run.records,
      counts: {
        planned: run.jobs,
        sent: run.started,
        droppedByInterruption: run.droppedByInterruption,
      },
      wallTimeMs: run.wallTimeMs,
      interrupted: run.interrupted,
    });
    // The trend: earlier runs of this suite on this backend, from the report root's history.
    const historyFile = join(options.outDir, HISTORY_FILE);
    const current = historyEntryOf(report);
    const earlier = report.interrupted
      ? []
      : await readHistory(historyFile, { suite: current.suite, backend: current.backend });
    const files = await renderReportFolder(report, [...earlier, current]);
    const dir = await writeReport(options.outDir, report.runId, files);
    // A partial run is not a point on the trend.
    if (!report.interrupted) await appendHistory(historyFile, current);
    return { report, dir };
  } finally {
    await Promise.all(stores.map((store) => store.close()));
    await backend.close();
  }
}
