import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Command, Option } from 'commander';
import { checkName } from '../../src/agents/bus/validate.js';
import {
  AgentBusErrorCodes,
  ContextStoreErrorCodes,
  createConversationClient,
  createRedisBus,
  createRedisContextStore,
  createSupportDemo,
  HybridBenchError,
  loadDeployment,
  StateStoreErrorCodes,
} from '../../src/index.js';
import type { LiveProvider } from '../backends/provider-models.js';
import { startAgentWorkerHost } from '../serve/serve-agent-worker.js';
import { EXIT_CODES } from '../verdict/index.js';
import { UsageError } from './cli-error.js';
import { addLiveOptions, liveOptions } from './live-flags.js';
import { backendOption, latencyOption, seedOption, timeScaleOption } from './mock-flags.js';
import { durationFlag, integerFlag } from './parse-flags.js';
import { untilStopped } from './until-stopped.js';

const DEFAULT_PREFIX = 'hb:agents:';

interface WorkerFlags {
  name?: string;
  agents?: string;
  keyPrefix: string;
  ackTimeout: number;
  maxAttempts: number;
  retention: number;
  backend: 'mock' | 'mock-server' | 'live';
  provider?: LiveProvider;
  baseUrl?: string;
  apiKeyEnv?: string;
  agentId?: string;
  latency: 'realistic' | 'zero';
  timeScale?: number;
  seed: number;
  config?: string;
}

interface AskFlags {
  keyPrefix: string;
  deadline: number;
}

function redisUrl(command: string): string {
  const url = process.env.REDIS_URL?.trim();
  if (!url)
    throw new UsageError(
      `bench agents ${command} needs REDIS_URL (e.g. redis://127.0.0.1:6379): the agents' bus, conversation contexts and side-effect records live there.`,
    );
  return url;
}

/** `bench agents`: the full path's agents as workers in several processes, and a requester. */
export function agentsCommand(setExit: (code: number) => void): Command {
  return new Command('agents')
    .description("Run the full path's agents as workers sharing Redis, or send them a conversation")
    .addCommand(workerCommand())
    .addCommand(askCommand(setExit));
}

function workerCommand(): Command {
  return addLiveOptions(new Command('worker'))
    .description(
      'Serve agents of the support team from the Redis bus until stopped; prints one JSON line per turn event',
    )
    .option('--name <name>', 'this worker among the team’s workers (default: host-pid)')
    .option('--agents <list>', 'comma-separated agents to serve (default: all)')
    .option(
      '--key-prefix <prefix>',
      'Redis key prefix shared by workers and requesters',
      DEFAULT_PREFIX,
    )
    .addOption(
      new Option(
        '--ack-timeout <duration>',
        'hand a turn to another worker after this long unacknowledged',
      )
        .argParser(durationFlag('--ack-timeout'))
        .default(60_000, '60s'),
    )
    .addOption(
      new Option('--max-attempts <n>', 'deliveries of a turn before it is a dead letter')
        .argParser(integerFlag('--max-attempts', 1))
        .default(5),
    )
    .addOption(
      new Option(
        '--retention <duration>',
        'how long conversations and side-effect records are kept',
      )
        .argParser(durationFlag('--retention'))
        .default(86_400_000, '24h'),
    )
    .addOption(backendOption(['mock', 'mock-server', 'live']))
    .addOption(latencyOption())
    .addOption(timeScaleOption())
    .addOption(seedOption())
    .option(
      '--config <file>',
      'deployment config (its control arm sets paths.full and the pipeline)',
    )
    .action(async (flags: WorkerFlags) => {
      const url = redisUrl('worker');
      const live = liveOptions(flags);
      if (live && flags.timeScale !== undefined)
        throw new UsageError(
          '--time-scale scales the mock’s modelled delays; a live backend has its own.',
        );
      const agents = flags.agents
        ?.split(',')
        .map((a) => a.trim())
        .filter(Boolean);
      if (agents?.length === 0)
        throw new UsageError('--agents needs at least one agent name, e.g. --agents escalation.');
      if (flags.name !== undefined) workerName(flags.name);
      const team = createSupportDemo().team;
      const unknown = agents?.filter((a) => !team.agents.has(a)) ?? [];
      if (unknown.length > 0)
        throw new UsageError(
          `--agents: no agent ${unknown.map((a) => `"${a}"`).join(', ')} in the team; use ${[...team.agents.keys()].join(', ')}.`,
        );
      const host = await startAgentWorkerHost({
        redisUrl: url,
        keyPrefix: flags.keyPrefix,
        ...(flags.name === undefined ? {} : { name: flags.name }),
        ...(agents ? { agents } : {}),
        backend: flags.backend,
        ...(live ? { live } : {}),
        latency: flags.latency,
        ...(flags.timeScale === undefined ? {} : { timeScale: flags.timeScale }),
        seed: flags.seed,
        ...(flags.config === undefined
          ? {}
          : { deployment: await loadDeployment(flags.config, { env: process.env }) }),
        ackTimeoutMs: flags.ackTimeout,
        maxAttempts: flags.maxAttempts,
        retentionMs: flags.retention,
        onEvent: (event) =>
          process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), ...event })}\n`),
      }).catch((error: unknown) => {
        throw asUsageError(error);
      });
      process.stderr.write(
        `agent worker ${host.name} serving ${host.agents.join(', ')} (backend ${flags.backend}). Stop with Ctrl-C.\n`,
      );
      const signal = await untilStopped();
      await host.close();
      process.stderr.write(`stopped (${signal}); unfinished turns go to the other workers\n`);
    });
}

function askCommand(setExit: (code: number) => void): Command {
  return new Command('ask')
    .description(
      'Send one customer message to the agent workers and print how the conversation ended (JSON); exit 1 when it failed or timed out',
    )
    .argument('<message>', 'what the customer says')
    .option('--key-prefix <prefix>', 'Redis key prefix shared with the workers', DEFAULT_PREFIX)
    .addOption(
      new Option('--deadline <duration>', 'how long the whole conversation may take')
        .argParser(durationFlag('--deadline'))
        .default(45_000, '45s'),
    )
    .action(async (message: string, flags: AskFlags) => {
      const url = redisUrl('ask');
      const { team } = createSupportDemo();
      const opened: Array<{ close(): Promise<void> }> = [];
      try {
        const store = await createRedisContextStore({
          url,
          keyPrefix: flags.keyPrefix,
          ttlMs: 86_400_000,
        });
        opened.push(store);
        const bus = await createRedisBus({
          url,
          keyPrefix: flags.keyPrefix,
          ackTimeoutMs: 60_000,
          maxAttempts: 5,
        });
        opened.push(bus);
        const name = `ask-${hostname()}-${process.pid}`;
        const client = await createConversationClient({ team, bus, store, name });
        opened.push(client);
        const conversationId = `conv-${randomUUID()}`;
        const outcome = await client.run(conversationId, [{ role: 'user', content: message }], {
          deadlineMs: flags.deadline,
        });
        const context = outcome.context;
        process.stdout.write(
          `${JSON.stringify(
            {
              conversationId,
              state: outcome.state,
              ending: context?.ending,
              agents: [team.entry, ...(context?.handoffs.map((h) => h.to) ?? [])],
              handoffs: context?.handoffs,
              turns: context?.turns,
              facts: context?.facts,
            },
            null,
            2,
          )}\n`,
        );
        if (outcome.state !== 'ended' || context?.ending?.state !== 'ok')
          setExit(EXIT_CODES.unexpected);
      } catch (error) {
        throw asUsageError(error);
      } finally {
        for (const resource of opened.reverse()) await resource.close().catch(() => undefined);
      }
    });
}

/** The bus's own rule for worker names, reported against the flag. */
function workerName(name: string): void {
  try {
    checkName('consumer', name);
  } catch (error) {
    throw new UsageError(`--name: ${(error as Error).message}`);
  }
}

/**
 * A worker or requester that cannot start because of what it was given — its own checks
 * (RangeError), or a Redis that is not reachable at REDIS_URL — exits 2 with the message alone.
 */
const REDIS_UNAVAILABLE: ReadonlySet<string> = new Set([
  AgentBusErrorCodes.unavailable,
  ContextStoreErrorCodes.unavailable,
  StateStoreErrorCodes.unavailable,
]);

function asUsageError(error: unknown): unknown {
  if (error instanceof UsageError) return error;
  if (error instanceof RangeError) return new UsageError(error.message);
  if (error instanceof HybridBenchError && REDIS_UNAVAILABLE.has(error.code))
    return new UsageError(`${error.message} (check REDIS_URL, or start Redis)`);
  return error;
}
