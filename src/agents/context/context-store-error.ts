import { HybridBenchError } from '../../errors.js';

/** Stable codes of the conversation context stores; branch on these, never on message text. */
export const ContextStoreErrorCodes = {
  /** The backend (Redis) cannot be reached or stopped answering. */
  unavailable: 'HB_CONTEXT_UNAVAILABLE',
  /** The `url` option is not a usable redis:// or rediss:// URL (a configuration error). */
  badUrl: 'HB_CONTEXT_BAD_URL',
  /** `update` gave up: another writer changed the conversation before each of its attempts. */
  conflict: 'HB_CONTEXT_CONFLICT',
  /** A stored value is not a valid conversation context (a corrupted or foreign key). */
  corrupt: 'HB_CONTEXT_CORRUPT',
  /** A caller passed an impossible argument (a bug in the caller, not in the input). */
  badArgument: 'HB_CONTEXT_BAD_ARGUMENT',
  /** The store was used after `close()`. */
  closed: 'HB_CONTEXT_CLOSED',
} as const;

export type ContextStoreErrorCode =
  (typeof ContextStoreErrorCodes)[keyof typeof ContextStoreErrorCodes];

/** The one error class of the context stores. Messages never hold credentials. A bad URL is a user error. */
export class ContextStoreError extends HybridBenchError {
  declare readonly code: ContextStoreErrorCode;

  constructor(code: ContextStoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, { ...options, isUserError: code === ContextStoreErrorCodes.badUrl });
  }
}

/** Thrown by `update` after `attempts` tries that each lost to another writer. */
export class ContextUpdateConflictError extends ContextStoreError {
  readonly conversationId: string;
  readonly attempts: number;
  /** The stored version when `update` gave up (0 if the conversation is now absent). */
  readonly currentVersion: number;

  constructor(conversationId: string, attempts: number, currentVersion: number) {
    super(
      ContextStoreErrorCodes.conflict,
      `Conversation context "${conversationId}" was not updated: another writer changed it before each of ${attempts} attempt(s) (it is now at version ${currentVersion}). Retry later or raise maxAttempts.`,
    );
    this.conversationId = conversationId;
    this.attempts = attempts;
    this.currentVersion = currentVersion;
  }
}
