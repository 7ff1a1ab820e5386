import type { AgentBus } from '../../../agents/bus/types.js';
import type { ContextStore, ConversationContext } from '../../../agents/context/context-store.js';
import type { AgentTeam } from '../../../agents/team.js';
import { type Clock, realClock } from '../../../clock.js';
import type { ChatMessage } from '../../../providers/provider.js';
import { openConversation } from '../conversation-state.js';
import { ENDED_MESSAGE, REQUESTER, TURN_MESSAGE, type TurnBody } from './turn-messages.js';

export interface ConversationClientOptions {
  team: AgentTeam;
  bus: AgentBus;
  store: ContextStore;
  /** This requester's name, unique among requesters: its replies come to group `reply.<name>`. */
  name: string;
  clock?: Clock;
}

/** A conversation the workers finished (or the requester stopped waiting for). */
export type ConversationOutcome =
  | { state: 'ended'; context: ConversationContext }
  /** The deadline passed with no ending; `context` is the state as last written. */
  | { state: 'timeout'; context: ConversationContext | undefined };

export interface ConversationClient {
  /**
   * Opens the conversation in the context store, hands it to the team's entry agent, and waits
   * for its ending, at most until `deadlineMs` from now (plus `graceMs`, default 1 s, for the
   * workers' own deadline to land). The id must be new.
   */
  run(
    conversationId: string,
    messages: readonly ChatMessage[],
    options: { deadlineMs: number; graceMs?: number; signal?: AbortSignal },
  ): Promise<ConversationOutcome>;
  /**
   * Stops waiting for replies (conversations in flight resolve as `timeout`) and removes this
   * requester's reply group from the bus. Idempotent; `run` afterwards throws.
   */
  close(): Promise<void>;
}

/**
 * The requesting side of the full path run by agent workers: it writes the conversation's
 * first context, sends the first turn, and resolves when a worker reports the ending (the
 * outcome itself is read from the context store, the one source of truth).
 */
export async function createConversationClient(
  options: ConversationClientOptions,
): Promise<ConversationClient> {
  const { bus, store, team } = options;
  const clock = options.clock ?? realClock;
  const replyTo = `reply.${options.name}`;
  const waiting = new Map<string, () => void>();
  const stop = new AbortController();

  await bus.subscribe(
    replyTo,
    options.name,
    async (delivery) => {
      const { message } = delivery;
      if (message.type === ENDED_MESSAGE) waiting.get(message.conversationId)?.();
      await delivery.ack();
    },
    { signal: stop.signal },
  );

  return {
    async run(conversationId, messages, runOptions) {
      if (stop.signal.aborted) throw new RangeError('The conversation client is closed.');
      if (runOptions.signal?.aborted)
        throw new RangeError(`Conversation "${conversationId}" was cancelled before it started.`);
      const opened = await store.put(openConversation(conversationId, messages), 0);
      if (!opened.ok)
        throw new RangeError(
          `Conversation "${conversationId}" already exists in the context store: every run needs a new id.`,
        );
      const ended = new Promise<void>((resolve) => waiting.set(conversationId, resolve));
      const waitMs = runOptions.deadlineMs + (runOptions.graceMs ?? 1_000);
      const gaveUp = new AbortController();
      const onAbort = () => gaveUp.abort();
      runOptions.signal?.addEventListener('abort', onAbort, { once: true });
      stop.signal.addEventListener('abort', onAbort, { once: true });
      try {
        await bus.send({
          conversationId,
          from: REQUESTER,
          to: team.entry,
          type: TURN_MESSAGE,
          body: {
            turn: 0,
            replyTo,
            deadlineAtMs: clock.wallNow() + runOptions.deadlineMs,
          } satisfies TurnBody,
        });
        const timedOut = await Promise.race([
          ended.then(() => false),
          clock.sleep(waitMs, gaveUp.signal).then(
            () => true,
            () => true,
          ),
        ]);
        gaveUp.abort();
        const context = await store.get(conversationId);
        if (!timedOut && context?.ending) return { state: 'ended', context };
        return { state: 'timeout', context };
      } finally {
        waiting.delete(conversationId);
        runOptions.signal?.removeEventListener('abort', onAbort);
        stop.signal.removeEventListener('abort', onAbort);
      }
    },
    async close() {
      if (stop.signal.aborted) return;
      stop.abort('closed');
      // The reply group is this requester's alone: forget it rather than leave it in Redis.
      await bus.removeAgent(replyTo);
    },
  };
}
