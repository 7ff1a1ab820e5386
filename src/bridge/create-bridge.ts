import type { Agent } from '../agents/agent.js';
import type { AgentTeam } from '../agents/team.js';
import { type Clock, realClock } from '../clock.js';
import { type BridgeConfig, type BridgeConfigInput, resolveConfig } from '../config/index.js';
import { PriceTable } from '../cost/price-table.js';
import { createComplexPath } from '../paths/complex-path.js';
import { createFullPath } from '../paths/full/full-path.js';
import type { PathContext, PathResult } from '../paths/path-result.js';
import { createSimplePath } from '../paths/simple-path.js';
import { createDirectDispatch, createHybridDispatch } from '../pipeline/create-pipeline.js';
import type { Provider } from '../providers/provider.js';
import type { PathName } from '../routing/path.js';
import { createRouter } from '../routing/router.js';
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
  config?: BridgeConfigInput | BridgeConfig;
  clock?: Clock;
  prices?: PriceTable;
  /** Rate limits, breakers, cache and budgets live here; default: in memory, this bridge only. */
  store?: StateStore;
  telemetry?: Telemetry;
  /** Uniform in [0, 1), for retry jitter; default `Math.random`. */
  random?: () => number;
}

export interface Bridge {
  readonly config: BridgeConfig;
  readonly prices: PriceTable;
  run(request: BridgeRequest, options: BridgeRunOptions): Promise<BridgeResult>;
}

export type PathRunner = (
  messages: BridgeRequest['messages'],
  context: PathContext,
) => Promise<PathResult>;

/**
 * Builds the bridge around a prototype. `hybrid` admits the request (rate limits, daily
 * budget), routes it, and serves it within its path's deadline through the production pipeline
 * (cost cap, cache, model fallback, retries, breaker, provider rate limit, attempt timeouts),
 * degrading `full` → `complex` → `simple` → a canned reply when a path fails. `agno-only` runs the
 * prototype directly on its own model, with nothing around its calls. Both return the same
 * record, with every attempt and what reliability cost. Every model the config can call must be
 * priced, or this throws at start-up.
 *
 * @example
 * const { prototype, team } = createSupportDemo();
 * const bridge = createBridge({ prototype, team, provider });
 * const result = await bridge.run({ messages: [{ role: 'user', content: 'Where is ORD-10001?' }] },
 *   { mode: 'hybrid', requestId: 'r-1' });
 */
export function createBridge(options: BridgeOptions): Bridge {
  const config = resolveConfig(options.config);
  const clock = options.clock ?? realClock;
  const prices = (options.prices ?? new PriceTable()).with(config.prices);
  checkPrices(prices, options.prototype, options.team, config);
  const store =
    options.store ?? createMemoryStore({ maxCacheEntries: config.resilience.cache.maxEntries });
  const telemetry = options.telemetry ?? noTelemetry;
  const escalatingTools = new Set(
    [options.prototype, ...options.team.agents.values()].flatMap((a) =>
      a.tools.filter((t) => t.escalates).map((t) => t.name),
    ),
  );
  const deps = {
    config,
    clock,
    store,
    telemetry,
    random: options.random ?? Math.random,
    route: createRouter(config.routing),
    paths: {
      simple: createSimplePath(options.prototype, config.paths.simple),
      complex: createComplexPath(options.prototype, config.paths.complex),
      full: createFullPath(options.team, config.paths.full),
    } satisfies Record<PathName, PathRunner>,
    hybridDispatch: createHybridDispatch(options.provider, config, store, prices),
    directDispatch: createDirectDispatch(options.provider, prices),
    prototype: options.prototype,
    buildResult: buildResult(prices, escalatingTools, options.team.escalation),
  };

  function run(request: BridgeRequest, runOptions: BridgeRunOptions): Promise<BridgeResult> {
    const serve = runOptions.mode === 'agno-only' ? serveDirect : serveHybrid;
    return telemetry.span(
      'request',
      { mode: runOptions.mode, request_id: runOptions.requestId },
      () => serve(deps, request, runOptions),
    );
  }

  return { config, prices, run };
}

export type BridgeDeps = {
  config: BridgeConfig;
  clock: Clock;
  store: StateStore;
  telemetry: Telemetry;
  random: () => number;
  route: ReturnType<typeof createRouter>;
  paths: Record<PathName, PathRunner>;
  hybridDispatch: ReturnType<typeof createHybridDispatch>;
  directDispatch: ReturnType<typeof createDirectDispatch>;
  prototype: Agent;
  buildResult: ReturnType<typeof buildResult>;
};
