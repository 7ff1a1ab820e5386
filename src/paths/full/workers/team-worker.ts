import type { AgentBus, Delivery } from '../../../agents/bus/types.js';
import type {
  ContextDraft,
  ContextStore,
  ContextTurn,
  ConversationContext,
} from '../../../agents/context/context-store.js';
import type { AgentTurnRecord } from '../../../agents/run-records.js';
import type { AgentTeam } from '../../../agents/team.js';
import { type Clock, realClock } from '../../../clock.js';
import { createDeadline } from '../../../pipeline/deadline.js';
import type { Dispatch, RequestScope } from '../../../pipeline/request-scope.js';
import { noTelemetry, type Telemetry } from '../../../telemetry/telemetry.js';
import type { PathContext } from '../../path-result.js';
import { addHandoff } from '../conversation-state.js';
import { createTurnTaker, type FullPathOptions } from '../take-turn.js';
import { ENDED_MESSAGE, readTurnBody, TURN_MESSAGE, type TurnBody } from './turn-messages.js';

/** What a worker reports about each message it handles (for logs and tests). */
export type WorkerEvent =
  | { kind: 'turn_started'; conversationId: string; agent: string; turn: number; attempt: number }
  /** `turn` is absent when the worker ended the conversation after a turn kept throwing. */
  | { kind: 'turn_ended'; conversationId: string; turn?: ContextTurn; next: string }
  /** A message for a turn that already happened (a redelivery, or a resent successor). */
  | { kind: 'duplicate'; conversationId: string; agent: string; turn: number; resent: boolean }
  /** Another worker wrote the same turn first; this one's work is dropped. */
  | { kind: 'lost_race'; conversationId: string; agent: string; turn: number }
  | { kind: 'rejected'; conversationId: string; agent: string; reason: string };

/** A turn's work before it is written: the next context, and the records of the turn. */
interface TurnResult {
  draft: ContextDraft;
  turn?: ContextTurn;
  record?: AgentTurnRecord;
  label: string;
}

export interface TeamWorkerOptions {
  team: AgentTeam;
  bus: AgentBus;
  store: ContextStore;
  /** This worker's name, unique among the workers (e.g. host and process id). */
  worker: string;
  /**
   * How the agents' model calls are made: the bridge's production pipeline
   * (`createHybridDispatch`: cache, fallbacks, retries, breakers, metering), one request scope
   * per turn.
   */
  dispatch: Dispatch;
  /** Limits, budgets and the handoff brief, as on the in-process full path. */
  path: FullPathOptions;
  /** The whole conversation's cost cap, across its turns (default: none). */
  capUsd?: number;
  /** Uniform in [0, 1): retry jitter (default `Math.random`). */
  random?: () => number;
  /** The agents this worker serves (default: the whole team). */
  agents?: readonly string[];
  clock?: Clock;
  telemetry?: Telemetry;
  /**
   * The bus's `maxAttempts`: a turn that still throws on its last delivery ends the conversation
   * with `worker_error` instead of leaving it to die as a dead letter.
   */
  maxAttempts?: number;
  /** Aborting it stops the worker: a turn in progress is abandoned and redelivered elsewhere. */
  signal?: AbortSignal;
  onEvent?: (event: WorkerEvent) => void;
}

/**
 * Runs the full path's agents as a worker on the agent bus: each agent is a consumer group, and
 * a conversation moves between workers (and processes) one turn message at a time, its state in
 * the shared context store. Delivery is at least once, so every turn is idempotent:
 * - the context's version is the lock: a turn is written with compare-and-set against the
 *   version it read, so of two workers running the same turn only one writes, and the other's
 *   work is dropped;
 * - a message for a turn the context has already passed is acked; if it is a redelivery (the
 *   worker before may have died between writing and sending) its successor is sent again, and
 *   the receiver drops it if that has happened too;
 * - side effects go through a ledger (see `SideEffectLedger`), so a re-run turn never repeats them.
 * A message is acked only after the turn is written and its successor sent, so a worker killed
 * mid-turn loses nothing: the bus redelivers the turn after its ack timeout, which must be longer
 * than an agent's longest turn (its `maxMs`).
 */
export async function startTeamWorker(options: TeamWorkerOptions): Promise<void> {
  const { team, bus, store, worker } = options;
  const clock = options.clock ?? realClock;
  const telemetry = options.telemetry ?? noTelemetry;
  const emit = options.onEvent ?? (() => undefined);
  const takeTurn = createTurnTaker(team, options.path);
  const agentsServed = options.agents ?? [...team.agents.keys()];
  if (agentsServed.length === 0)
    throw new RangeError(`Worker "${worker}" was given no agents to serve.`);

  for (const name of agentsServed) {
    if (!team.agents.has(name))
      throw new RangeError(
        `Worker "${worker}" cannot serve agent "${name}": the team has ${[...team.agents.keys()].join(', ')}.`,
      );
  }

  const agentsOf = (context: ConversationContext) => [
    team.entry,
    ...context.handoffs.map((h) => h.to),
  ];

  /** Sends what follows turn `turn` as `context` records it: the next turn, or the ending. */
  async function sendSuccessor(context: ConversationContext, from: string, body: TurnBody) {
    const handoff = context.handoffs[body.turn];
    if (handoff) {
      await bus.send({
        conversationId: context.conversationId,
        from,
        to: handoff.to,
        type: TURN_MESSAGE,
        body: { ...body, turn: body.turn + 1 } satisfies TurnBody,
      });
    } else if (context.ending) {
      await bus.send({
        conversationId: context.conversationId,
        from,
        to: body.replyTo,
        type: ENDED_MESSAGE,
        body: { state: context.ending.state },
      });
    }
  }

  async function handle(agentName: string, delivery: Delivery): Promise<void> {
    const { message } = delivery;
    const { conversationId } = message;
    const body = readTurnBody(message);
    if (typeof body === 'string') {
      emit({ kind: 'rejected', conversationId, agent: agentName, reason: body });
      return delivery.ack();
    }
    const context = await store.get(conversationId);
    if (!context) {
      emit({
        kind: 'rejected',
        conversationId,
        agent: agentName,
        reason: 'no such conversation in the context store (expired or never opened)',
      });
      return delivery.ack();
    }
    const holder = agentsOf(context).at(-1);
    const current =
      context.ending === undefined && context.handoffs.length === body.turn && holder === agentName;
    if (!current) {
      const resend = message.attempt > 1 && context.handoffs.length >= body.turn;
      emit({
        kind: 'duplicate',
        conversationId,
        agent: agentName,
        turn: body.turn,
        resent: resend,
      });
      if (resend) await sendSuccessor(context, agentName, body);
      return delivery.ack();
    }
    emit({
      kind: 'turn_started',
      conversationId,
      agent: agentName,
      turn: body.turn,
      attempt: message.attempt,
    });

    let next: TurnResult | undefined;
    try {
      next = await runTurn(agentName, context, body);
    } catch (error) {
      // A turn that keeps failing would otherwise die as a dead letter and leave the requester
      // waiting for its deadline: on the last delivery, end the conversation with the error.
      if (message.attempt < (options.maxAttempts ?? Number.POSITIVE_INFINITY)) throw error;
      next = failedTurn(context, error);
    }
    if (!next) return; // stopped: not acked, so the bus hands the turn to another worker
    const written = await store.put(next.draft, context.version);
    if (!written.ok) {
      // Another delivery of this turn wrote first, and its worker may have died before sending
      // what follows: send it (again) before this ack removes the last pending copy.
      emit({ kind: 'lost_race', conversationId, agent: agentName, turn: body.turn });
      const current = written.current;
      if (current && (current.handoffs.length > body.turn || current.ending))
        await sendSuccessor(current, agentName, body);
      return delivery.ack();
    }
    // Counted once the turn is the conversation's record: a lost race or a crash re-runs it.
    if (next.record) telemetry.agentTurnEnded(next.record);
    const handoff = written.context.handoffs[body.turn];
    if (handoff)
      telemetry.handedOff({ from: handoff.from, to: handoff.to, kind: handoff.kind ?? 'agent' });
    emit({ kind: 'turn_ended', conversationId, turn: next.turn, next: next.label });
    await sendSuccessor(written.context, agentName, body);
    await delivery.ack();
  }

  /** The conversation ended with the error a turn kept throwing. */
  function failedTurn(context: ConversationContext, error: unknown): TurnResult {
    const message = error instanceof Error ? error.message : String(error);
    const draft = draftOf(context);
    draft.ending = { state: 'error', code: 'worker_error', message, atMs: clock.wallNow() };
    return { draft, label: 'failed (worker_error)' };
  }

  async function runTurn(
    agentName: string,
    context: ConversationContext,
    body: TurnBody,
  ): Promise<TurnResult | undefined> {
    const agent = team.agents.get(agentName);
    if (!agent) throw new RangeError(`No agent "${agentName}" in the team`);
    const deadline = createDeadline(
      clock,
      Math.max(0, body.deadlineAtMs - clock.wallNow()),
      options.signal,
    );
    const spentBeforeUsd = (context.turns ?? []).reduce((sum, t) => sum + t.costUsd, 0);
    const scope: RequestScope = {
      requestId: context.conversationId,
      tier: 'full',
      signal: deadline.signal,
      deadlineAtMs: deadline.atMs,
      capUsd: (options.capUsd ?? Number.POSITIVE_INFINITY) - spentBeforeUsd,
      spentUsd: 0,
      attempts: [],
      backoffMs: 0,
      clock,
      telemetry,
      random: options.random ?? Math.random,
    };
    const pathContext: PathContext = {
      call: (request, callOptions) => options.dispatch(request, { ...callOptions, scope }),
      clock,
      signal: deadline.signal,
      requestId: context.conversationId,
      stream: false,
      telemetry,
      spentUsd: () => scope.spentUsd,
    };
    const startedAtMs = clock.wallNow();
    const draft = draftOf(context);
    try {
      const chain = { agents: agentsOf(context), handoffs: context.handoffs };
      const { record, step } = await takeTurn(agent, draft, chain, pathContext, 0);
      // The worker itself is stopping: leave the turn to another worker.
      if (options.signal?.aborted) return undefined;
      const turn: ContextTurn = {
        agent: agent.name,
        worker,
        startedAtMs,
        latencyMs: record.latencyMs,
        outcome: record.outcome,
        calls: record.callCount,
        toolRuns: record.toolRunCount,
        costUsd: record.costUsd,
        ...(record.errorCode === undefined ? {} : { errorCode: record.errorCode }),
        ...(record.budget === undefined ? {} : { budget: record.budget }),
      };
      draft.turns = [...(draft.turns ?? []), turn];
      const atMs = clock.wallNow();
      let label: string;
      if (step.kind === 'handoff') {
        addHandoff(draft, step.handoff, atMs);
        label = `handoff to ${step.handoff.to}`;
      } else if (step.kind === 'answer') {
        draft.transcript.push({ role: 'assistant', content: step.text, agent: agent.name });
        draft.ending = { state: 'ok', text: step.text, atMs };
        label = 'answered';
      } else {
        draft.ending = { state: 'error', code: step.error.code, message: step.error.message, atMs };
        label = `failed (${step.error.code})`;
      }
      return { draft, turn, record, label };
    } finally {
      deadline.dispose();
    }
  }

  for (const agentName of agentsServed) {
    await bus.subscribe(agentName, worker, (delivery) => handle(agentName, delivery), {
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }
}

/** A stored context as the next write's starting point: a copy, without the store's version. */
function draftOf(context: ConversationContext): ContextDraft {
  const { version: _version, ...draft } = context;
  return structuredClone(draft);
}
