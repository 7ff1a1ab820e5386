import type { Agent } from '../agents/agent.js';
import type { AgentTeam } from '../agents/team.js';
import { type Clock, realClock } from '../clock.js';
import { type BridgeConfig, type BridgeConfigInput, resolveConfig } from '../config/index.js';
import { PriceTable } from '../cost/price-table.js';
import { createComplexPath } from '../paths/complex-path.js';
import { createFullPath } from '../paths/full/full-path.js';
import type { PathContext, PathResult } from '../paths/path-result.js';
import { createSimplePath } from '../paths/simple-path.js';
import { runSingleAgent } from '../paths/single-agent.js';
import { compose, type Middleware } from '../pipeline/compose.js';
import type { Provider } from '../providers/provider.js';
import type { PathName } from '../routing/path.js';
import { createRouter } from '../routing/router.js';
import type { BridgeRequest, BridgeResult, BridgeRunOptions } from './bridge-types.js';
import { checkPrices, toBridgeResult } from './price-result.js';

export interface BridgeOptions {
  /** The prototype agent: what agno-only runs as is, and what the simple and complex paths wrap. */
  prototype: Agent;
  /** The agents of the full path. */
  team: AgentTeam;
  provider: Provider;
  config?: BridgeConfigInput | BridgeConfig;
  clock?: Clock;
  prices?: PriceTable;
  /** Production-layer middleware around every hybrid model call (outermost first). */
  middleware?: readonly Middleware[];
}

export interface Bridge {
  readonly config: BridgeConfig;
  readonly prices: PriceTable;
  run(request: BridgeRequest, options: BridgeRunOptions): Promise<BridgeResult>;
}

/**
 * Builds the bridge around a prototype. `hybrid` routes each request to the simple, complex or
 * full path, with the production middleware around every model call; `agno-only` runs the
 * prototype directly on its own model, with nothing around it. Both return the same record.
 * Every model the config can call must be priced, or this throws at start-up.
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

  const route = createRouter(config.routing);
  const paths: Record<
    PathName,
    (m: BridgeRequest['messages'], c: PathContext) => Promise<PathResult>
  > = {
    simple: createSimplePath(options.prototype, config.paths.simple),
    complex: createComplexPath(options.prototype, config.paths.complex),
    full: createFullPath(options.team, config.paths.full),
  };
  const raw = options.provider.complete.bind(options.provider);
  const dispatch = compose(options.middleware ?? [])(raw);
  const escalatingTools = new Set(
    [options.prototype, ...options.team.agents.values()].flatMap((a) =>
      a.tools.filter((t) => t.escalates).map((t) => t.name),
    ),
  );
  const resultOf = toBridgeResult(prices, escalatingTools, options.team.escalation);

  async function run(request: BridgeRequest, runOptions: BridgeRunOptions): Promise<BridgeResult> {
    const startedMs = clock.now();
    const signal = runOptions.signal ?? new AbortController().signal;
    const base = {
      clock,
      signal,
      requestId: runOptions.requestId,
      stream: config.stream,
      ...(request.userId === undefined ? {} : { userId: request.userId }),
    };
    if (runOptions.mode === 'agno-only') {
      // The prototype alone: its own model, every tool, and no middleware around its calls.
      const pathResult = await runSingleAgent(
        options.prototype,
        request.messages,
        { ...base, call: raw },
        config.prototype,
      );
      return resultOf(pathResult, {
        mode: 'agno-only',
        requestId: runOptions.requestId,
        servedBy: 'prototype',
        startedMs,
        endedMs: clock.now(),
      });
    }
    const decision = route(request);
    const pathResult = await paths[decision.path](request.messages, { ...base, call: dispatch });
    return resultOf(pathResult, {
      mode: 'hybrid',
      requestId: runOptions.requestId,
      servedBy: decision.path,
      route: decision,
      startedMs,
      endedMs: clock.now(),
    });
  }

  return { config, prices, run };
}
