import { z } from 'zod';
import { HANDOFF_KINDS, type HandoffKind, type TurnSummary } from '../run-records.js';
import { ContextStoreError, ContextStoreErrorCodes } from './context-store-error.js';

export type TranscriptRole = 'user' | 'assistant' | 'tool' | 'system';

export interface TranscriptMessage {
  role: TranscriptRole;
  content: string;
  /** The agent that wrote an assistant or tool message. */
  agent?: string;
}

export interface ContextHandoff {
  from: string;
  to: string;
  reason: string;
  summary: string;
  /** Wall-clock milliseconds since the epoch. */
  atMs: number;
  /** Who decided it; absent means the agent asked for it. */
  kind?: HandoffKind;
}

/** One agent's turn as the shared context keeps it (times are wall-clock). */
export interface ContextTurn extends TurnSummary {
  /** The worker that ran the turn. */
  worker: string;
  startedAtMs: number;
}

/** How the conversation ended: the answer, or the failure the requester gets. */
export type ContextEnding =
  | { state: 'ok'; text: string; atMs: number }
  | { state: 'error'; code: string; message: string; atMs: number };

/** What the agents of one conversation share, as stored. */
export interface ConversationContext {
  conversationId: string;
  transcript: TranscriptMessage[];
  /** Facts gathered so far (order, account, diagnosis …); JSON values only. */
  facts: Record<string, unknown>;
  handoffs: ContextHandoff[];
  /** The agents' turns so far, when agents run as workers; absent otherwise. */
  turns?: ContextTurn[];
  /** Set once, when the conversation has its answer or has failed. */
  ending?: ContextEnding;
  /** 1 after the first write; increases by 1 on every successful write. */
  version: number;
}

/** A context as a writer hands it in: the store assigns the version. */
export type ContextDraft = Omit<ConversationContext, 'version'>;

export type PutResult =
  | { ok: true; context: ConversationContext }
  | { ok: false; current: ConversationContext | undefined };

export interface UpdateOptions {
  /** How many read-change-write rounds before giving up. Default 5. */
  maxAttempts?: number;
}

/**
 * The change `update` applies. It may be called more than once (once per attempt), each time with
 * the context as stored then, so it must not have side effects beyond building the next value.
 */
export type ContextChange = (
  current: ConversationContext | undefined,
) => ContextDraft | Promise<ContextDraft>;

/**
 * Keeps conversation contexts where several agents (and processes) can share them, with
 * optimistic concurrency: each write names the version it was based on.
 */
export interface ContextStore {
  get(conversationId: string): Promise<ConversationContext | undefined>;
  /**
   * Writes only if the stored version is still `expectedVersion` (0 = absent); returns the new
   * context, or a conflict value (not a throw) with the current one.
   */
  put(next: ContextDraft, expectedVersion: number): Promise<PutResult>;
  /**
   * Read-change-write, retrying on conflict; after `maxAttempts` lost rounds it throws a
   * {@link ContextUpdateConflictError}. `change` must keep the conversation id.
   */
  update(
    conversationId: string,
    change: ContextChange,
    options?: UpdateOptions,
  ): Promise<ConversationContext>;
  delete(conversationId: string): Promise<void>;
  /** Releases the store's resources; safe to call twice. Later calls fail with `closed`. */
  close(): Promise<void>;
}

const transcriptMessageSchema = z.object({
  role: z.enum(['user', 'assistant', 'tool', 'system']),
  content: z.string(),
  agent: z.string().optional(),
});

const handoffSchema = z.object({
  from: z.string(),
  to: z.string(),
  reason: z.string(),
  summary: z.string(),
  atMs: z.number().finite(),
  kind: z.enum(HANDOFF_KINDS).optional(),
});

const turnSchema = z.object({
  agent: z.string(),
  worker: z.string(),
  startedAtMs: z.number().finite(),
  latencyMs: z.number().finite().nonnegative(),
  outcome: z.enum(['answered', 'handed_off', 'failed']),
  calls: z.int().nonnegative(),
  toolRuns: z.int().nonnegative(),
  costUsd: z.number().finite().nonnegative(),
  errorCode: z.string().optional(),
  budget: z.enum(['time', 'cost']).optional(),
});

const endingSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ok'), text: z.string(), atMs: z.number().finite() }),
  z.object({
    state: z.literal('error'),
    code: z.string(),
    message: z.string(),
    atMs: z.number().finite(),
  }),
]);

/** A draft as it is written and read back: JSON throughout. */
export const contextDraftSchema = z.object({
  conversationId: z.string().min(1),
  transcript: z.array(transcriptMessageSchema),
  facts: z.record(z.string(), z.json()),
  handoffs: z.array(handoffSchema),
  turns: z.array(turnSchema).optional(),
  ending: endingSchema.optional(),
});

export const MAX_CONVERSATION_ID_LENGTH = 512;

export function checkConversationId(conversationId: unknown): string {
  if (
    typeof conversationId !== 'string' ||
    conversationId.length === 0 ||
    conversationId.length > MAX_CONVERSATION_ID_LENGTH
  )
    throw new ContextStoreError(
      ContextStoreErrorCodes.badArgument,
      `conversationId must be a non-empty string of at most ${MAX_CONVERSATION_ID_LENGTH} characters`,
    );
  return conversationId;
}

export function checkExpectedVersion(expectedVersion: unknown): number {
  if (
    typeof expectedVersion !== 'number' ||
    !Number.isSafeInteger(expectedVersion) ||
    expectedVersion < 0
  )
    throw new ContextStoreError(
      ContextStoreErrorCodes.badArgument,
      `expectedVersion must be a non-negative integer (0 = absent), got ${String(expectedVersion)}`,
    );
  return expectedVersion;
}

export function checkTtl(name: string, ttlMs: unknown): number {
  if (typeof ttlMs !== 'number' || !Number.isSafeInteger(ttlMs) || ttlMs < 1)
    throw new ContextStoreError(
      ContextStoreErrorCodes.badArgument,
      `${name} must be a positive whole number of milliseconds, got ${String(ttlMs)}`,
    );
  return ttlMs;
}

/**
 * Checks a draft before it is written and returns a JSON copy of it (what any store would read
 * back), so memory and Redis keep exactly the same values.
 */
export function checkDraft(next: ContextDraft): ContextDraft {
  const parsed = contextDraftSchema.safeParse(next);
  if (!parsed.success)
    throw new ContextStoreError(
      ContextStoreErrorCodes.badArgument,
      `The conversation context to write is invalid: ${z.prettifyError(parsed.error)}`,
      { cause: parsed.error },
    );
  checkConversationId(parsed.data.conversationId);
  return parsed.data;
}

/** Validates a stored draft read back from `where` (a key name); corrupt values throw. */
export function readStoredDraft(where: string, conversationId: string, json: string): ContextDraft {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw corrupt(where, 'it is not JSON', error);
  }
  const parsed = contextDraftSchema.safeParse(value);
  if (!parsed.success) throw corrupt(where, z.prettifyError(parsed.error), parsed.error);
  if (parsed.data.conversationId !== conversationId)
    throw corrupt(where, `it belongs to conversation "${parsed.data.conversationId}"`);
  return parsed.data;
}

export function corrupt(where: string, why: string, cause?: unknown): ContextStoreError {
  return new ContextStoreError(
    ContextStoreErrorCodes.corrupt,
    `The stored conversation context at ${where} is not valid (${why}); delete the key or fix the writer.`,
    cause === undefined ? undefined : { cause },
  );
}
