import type { Agent } from '../agents/agent.js';
import type { AgentTeam } from '../agents/team.js';
import { type Clock, realClock } from '../clock.js';
import { assignArm, CONTROL_ARM } from '../config/deployment/index.js';
import type { LoadedDeployment } from '../config/deployment/parse-deployment.js';
import { type BridgeConfig, type BridgeConfigInput, resolveConfig } from '../config/index.js';
import { PriceTable } from '../cost/price-table.js';
import { createComplexPath } from '../paths/complex-path.js';
import { createFullPath } from '../paths/full/full-path.js';
import type { PathContext, PathResult } from '../paths/path-result.js';
import { createSimplePath } from '../paths/simple-path.js';
import { createDirectDispatch, createHybridDispatch } from '../pipeline/create-pipeline.js';
import type { Provider } from '../providers/provider.js';
import type { PathName } from '../routing/path.js';
import { createRouter, type Router, type RoutingConfig } from '../routing/router.js';
import { createMemoryStore } from '../state/memory-store.js';
import type { StateStore } from '../state/state-store.js';
import { noTelemetry, type Telemetry } from '../telemetry/telemetry.js';
import type { BridgeRequest, BridgeResult, BridgeRunOptions } from './bridge-types.js';
import { buildResult, checkPrices } from './build-result.js';
import { serveDirect } from './serve-direct.js';
import { serveHybrid } from './serve-hybrid.js';

export interface BridgeOptions {
  /** The prototype agent: what agno-only runs as is, and what the simple and complex paths wrap. */
  prototype: Agent;
  /** The agents of the full path. */
  team: AgentTeam;
  provider: Provider;
  /** A fixed runtime config (ignored when `deployment` is given). */
  config?: BridgeConfigInput | BridgeConfig;
  /**
   * A live deployment (e.g. `watchDeployment(...)`): each request reads the current snapshot
   * once, is assigned its A/B arm, and keeps that arm's config to the end, so a reload never
   * changes a request in flight.
   */
  deployment?: { current(): LoadedDeployment };
  clock?: Clock;
  prices?: PriceTable;
  /** Rate limits, breakers, cache and budgets live here; default: in memory, this bridge only. */
  store?: StateStore;
  telemetry?: Telemetry;
  /** Uniform in [0, 1), for retry jitter; default `Math.random`. */
  random?: () => number;
  /**
   * Builds the router from each config's `routing` (each arm, each reload); default the
   * built-in rules router, `createRouter`. A router plugin replaces it.
   */
  createRouter?: (routing: RoutingConfig) => Router;
}

export interface Bridge {
  /** The config of the control arm now (it changes when a live deployment reloads). */
  readonly config: BridgeConfig;
  readonly prices: PriceTable;
  run(request: BridgeRequest, options: BridgeRunOptions): Promise<BridgeResult>;
}

export type PathRunner = (
  messages: BridgeRequest['messages'],
  context: PathContext,
) => Promise<PathResult>;

export type BridgeDeps = {
  config: BridgeConfig;
  clock: Clock;
  store: StateStore;
  telemetry: Telemetry;
  random: () => number;
  route: Router;
  paths: Record<PathName, PathRunner>;
  hybridDispatch: ReturnType<typeof createHybridDispatch>;
  directDispatch: ReturnType<typeof createDirectDispatch>;
  prototype: Agent;
  buildResult: ReturnType<typeof buildResult>;
};

/**
 * Builds the bridge around a prototype. `hybrid` admits the request (rate limits, daily
 * budget), routes it, and serves it within its path's deadline through the production pipeline
 * (cost cap, cache, model fallback, retries, breaker, provider rate limit, attempt timeouts),
 * degrading `full` → `complex` → `simple` → a canned reply when a path fails. `agno-only` runs the
 * prototype directly on its own model, with nothing around its calls. Both return the same
 * record, with every attempt and what reliability cost. Every model a config can call must be
 * priced, or this throws at start-up.
 *
 * @example
 * const { prototype, team } = createSupportDemo();
 * const bridge = createBridge({ prototype, team, provider });
 * const result = await bridge.run({ messages: [{ role: 'user', content: 'Where is ORD-10001?' }] },
 *   { mode: 'hybrid', requestId: 'r-1' });
 */
export function createBridge(options: BridgeOptions): Bridge {
  const clock = options.clock ?? realClock;
  const telemetry = options.telemetry ?? noTelemetry;
  const basePrices = options.prices ?? new PriceTable();
  const initial = options.deployment?.current().arms[CONTROL_ARM] ?? resolveConfig(options.config);
  const store =
    options.store ?? createMemoryStore({ maxCacheEntries: initial.resilience.cache.maxEntries });
  const escalatingTools = new Set(
    [options.prototype, ...options.team.agents.values()].flatMap((a) =>
      a.tools.filter((t) => t.escalates).map((t) => t.name),
    ),
  );

  /** Everything that depends on a config, built once per config object (per snapshot and arm). */
  const built = new WeakMap<BridgeConfig, BridgeDeps>();
  function depsFor(config: BridgeConfig): BridgeDeps {
    const existing = built.get(config);
    if (existing) return existing;
    const prices = basePrices.with(config.prices);
    checkPrices(prices, options.prototype, options.team, config);
    const deps: BridgeDeps = {
      config,
      clock,
      store,
      telemetry,
      random: options.random ?? Math.random,
      route: (options.createRouter ?? createRouter)(config.routing),
      paths: {
        simple: createSimplePath(options.prototype, config.paths.simple),
        complex: createComplexPath(options.prototype, config.paths.complex),
        full: createFullPath(options.team, config.paths.full),
      },
      hybridDispatch: createHybridDispatch(options.provider, config, store, prices),
      directDispatch: createDirectDispatch(options.provider, prices),
      prototype: options.prototype,
      buildResult: buildResult(prices, escalatingTools, options.team.escalation),
    };
    built.set(config, deps);
    return deps;
  }

  // Check every arm of the starting config now: a bad model fails at start-up, not mid-traffic.
  for (const config of Object.values(
    options.deployment?.current().arms ?? { [CONTROL_ARM]: initial },
  ))
    depsFor(config);
  let lastGood = new Map<string, BridgeDeps>();

  /** The request's arm and its deps; a snapshot that cannot be built keeps the arm's last good one. */
  function select(request: BridgeRequest, requestId: string): { deps: BridgeDeps; arm?: string } {
    if (!options.deployment) return { deps: depsFor(initial) };
    const snapshot = options.deployment.current();
    const { arm } = assignArm(snapshot.deployment.testing.experiments, {
      requestId,
      ...(request.userId === undefined ? {} : { userId: request.userId }),
    });
    const config = snapshot.arms[arm] ?? snapshot.arms[CONTROL_ARM] ?? initial;
    try {
      const deps = depsFor(config);
      lastGood = new Map(lastGood).set(arm, deps);
      return { deps, arm };
    } catch (error) {
      const fallback = lastGood.get(arm) ?? depsFor(initial);
      telemetry.fellBack({
        kind: 'model',
        from: 'reloaded config',
        to: 'last good config',
        reason: error instanceof Error ? error.message : String(error),
      });
      return { deps: fallback, arm };
    }
  }

  function run(request: BridgeRequest, runOptions: BridgeRunOptions): Promise<BridgeResult> {
    const { deps, arm } = select(request, runOptions.requestId);
    const serve = runOptions.mode === 'agno-only' ? serveDirect : serveHybrid;
    return telemetry.span(
      'request',
      { mode: runOptions.mode, request_id: runOptions.requestId },
      async () => {
        const served = await serve(deps, request, runOptions);
        const result =
          arm === undefined || runOptions.mode === 'agno-only'
            ? served
            : { ...served, experimentArm: arm };
        telemetry.requestEnded({
          mode: result.mode,
          servedBy: result.servedBy,
          outcome:
            result.state !== 'ok'
              ? (result.error?.code ?? 'error')
              : result.degradedFrom.length > 0 || result.servedBy === 'canned'
                ? 'degraded'
                : 'ok',
          latencyMs: result.latencyMs,
          costUsd: result.costUsd,
          reliabilityCostUsd: result.reliability.extraCostUsd,
          ...(result.experimentArm === undefined ? {} : { experimentArm: result.experimentArm }),
        });
        return result;
      },
    );
  }

  return {
    get config() {
      return options.deployment?.current().arms[CONTROL_ARM] ?? initial;
    },
    prices: basePrices.with(initial.prices),
    run,
  };
}
