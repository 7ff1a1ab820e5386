import { hostname } from 'node:os';
import {
  type AgentBus,
  type BridgeConfig,
  CONTROL_ARM,
  type ContextStore,
  createRedisBus,
  createRedisContextStore,
  createRedisLedger,
  createStateStore,
  createSupportDemo,
  type LoadedDeployment,
  PriceTable,
  realClock,
  resolveConfig,
  type SideEffectLedger,
  startTeamWorker,
  type WorkerEvent,
} from '../../src/index.js';
import { createHybridDispatch } from '../../src/pipeline/create-pipeline.js';
// The modules themselves, not the backends barrel: a live worker must not load the mocks.
import type { BackendName } from '../backends/backend.js';
import type { LiveBackendOptions } from '../backends/live-options.js';
import { bridgeConfigFor } from '../backends/provider-models.js';
import { startBackend } from '../backends/start-backend.js';

export interface AgentWorkerHostOptions {
  redisUrl: string;
  /** Put before the bus, context and ledger keys; every worker and requester of a team shares it. */
  keyPrefix: string;
  /** This worker's name among the team's workers. Default: host name and process id. */
  name?: string;
  /** The agents this process serves (default: the whole team). */
  agents?: readonly string[];
  backend: BackendName;
  live?: LiveBackendOptions;
  latency: 'realistic' | 'zero';
  seed: number;
  deployment?: LoadedDeployment;
  /** How long a turn may stay unacknowledged before another worker takes it over. */
  ackTimeoutMs: number;
  /** Deliveries of one turn before it becomes a dead letter. */
  maxAttempts: number;
  /** How long a conversation's context and side-effect records are kept. */
  retentionMs: number;
  /** Mock only: scales the mock's modelled delays. */
  timeScale?: number;
  onEvent?: (event: WorkerEvent | SideEffectEvent) => void;
}

/** A refund or ticket the ledger was asked for: recorded now, or `repeated` (already recorded). */
export interface SideEffectEvent {
  kind: 'side_effect';
  key: string;
  repeated: boolean;
}

/** The ledger, telling `onEvent` about every side effect asked of it. */
function reporting(
  ledger: SideEffectLedger,
  onEvent: ((event: SideEffectEvent) => void) | undefined,
): SideEffectLedger {
  if (!onEvent) return ledger;
  return {
    async once(key, create) {
      const entry = await ledger.once(key, create);
      onEvent({ kind: 'side_effect', key, repeated: entry.repeated });
      return entry;
    },
    close: () => ledger.close(),
  };
}

export interface AgentWorkerHost {
  name: string;
  agents: readonly string[];
  /** Stops taking turns (a turn in progress goes back to the bus), then closes every connection. */
  close(): Promise<void>;
}

/** Time a turn needs beyond its agent's budget: reading and writing the context, sending on. */
export const ACK_MARGIN_MS = 5_000;

/**
 * Why `ackTimeoutMs` is too short for `config`'s agents, or undefined: every agent needs a time
 * budget, and the ack timeout must outlast the longest by {@link ACK_MARGIN_MS}, or a turn
 * still running is handed to a second worker.
 */
export function ackTimeoutProblem(config: BridgeConfig, ackTimeoutMs: number): string | undefined {
  const full = config.paths.full;
  const budgets: Array<[string, number | undefined]> = [
    ['paths.full.agentBudget.maxMs', full.agentBudget.maxMs],
    ...Object.entries(full.agentBudgets).map(([agent, budget]): [string, number | undefined] => [
      `paths.full.agentBudgets.${agent}.maxMs`,
      budget.maxMs ?? full.agentBudget.maxMs,
    ]),
  ];
  const unset = budgets.find(([, ms]) => ms === undefined);
  if (unset)
    return `${unset[0]} is not set: agent workers need every agent's turn bounded in time (set it, then an --ack-timeout at least ${ACK_MARGIN_MS / 1000} s longer).`;
  const [field, longest] = budgets.reduce((a, b) => ((b[1] ?? 0) > (a[1] ?? 0) ? b : a));
  const needed = (longest ?? 0) + ACK_MARGIN_MS;
  if (ackTimeoutMs >= needed) return undefined;
  return `The ack timeout (${ackTimeoutMs} ms) must be at least ${needed} ms: ${field} lets a turn run ${longest} ms, plus ${ACK_MARGIN_MS} ms to write it and send the next. Raise --ack-timeout or lower the budget; otherwise a turn still running is handed to a second worker.`;
}

/**
 * One agent-worker process of the demo team: the bus, the context store and the side-effect
 * ledger in Redis, the agents' model calls through the bridge's production pipeline (with its
 * state — breakers, cache, rate limits — shared in the same Redis). What `bench agents worker`
 * runs.
 */
export async function startAgentWorkerHost(
  options: AgentWorkerHostOptions,
): Promise<AgentWorkerHost> {
  const name = options.name ?? `${hostname()}-${process.pid}`;
  const opened: Array<{ close(): Promise<void> }> = [];
  try {
    const state = await createStateStore({
      env: {},
      redisUrl: options.redisUrl,
      keyPrefix: `${options.keyPrefix}state:`,
    });
    opened.push(state);
    const backend = await startBackend({
      backend: options.backend,
      seed: options.seed,
      clock: realClock,
      ...(options.live ? { live: options.live } : { latency: options.latency }),
      ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
    });
    opened.push(backend);
    const config =
      options.deployment?.arms[CONTROL_ARM] ??
      resolveConfig(backend.models ? bridgeConfigFor(backend.models) : {});
    const problem = ackTimeoutProblem(config, options.ackTimeoutMs);
    if (problem) throw new RangeError(problem);
    const ledger: SideEffectLedger = await createRedisLedger({
      url: options.redisUrl,
      keyPrefix: options.keyPrefix,
      ttlMs: options.retentionMs,
    });
    opened.push(ledger);
    const store: ContextStore = await createRedisContextStore({
      url: options.redisUrl,
      keyPrefix: options.keyPrefix,
      ttlMs: options.retentionMs,
    });
    opened.push(store);
    const bus: AgentBus = await createRedisBus({
      url: options.redisUrl,
      keyPrefix: options.keyPrefix,
      ackTimeoutMs: options.ackTimeoutMs,
      maxAttempts: options.maxAttempts,
    });
    opened.push(bus);
    const { team } = createSupportDemo(backend.models?.agents, reporting(ledger, options.onEvent));
    const prices = new PriceTable().with(config.prices);
    const stop = new AbortController();
    const agents = options.agents ?? [...team.agents.keys()];
    await startTeamWorker({
      team,
      bus,
      store,
      worker: name,
      agents,
      dispatch: createHybridDispatch(backend.provider, config, state, prices),
      path: config.paths.full,
      capUsd: config.resilience.budgets.perRequestUsd.full,
      maxAttempts: options.maxAttempts,
      signal: stop.signal,
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    });
    return {
      name,
      agents,
      async close() {
        stop.abort('worker stopping');
        await closeAll(opened);
      },
    };
  } catch (error) {
    await closeAll(opened);
    throw error;
  }
}

async function closeAll(opened: Array<{ close(): Promise<void> }>): Promise<void> {
  for (const resource of opened.reverse()) await resource.close().catch(() => undefined);
}
