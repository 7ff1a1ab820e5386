import { HybridBenchError } from '../errors.js';

/** Stable codes of the state area; branch on these, never on message text. */
export const StateStoreErrorCodes = {
  /** The backend (Redis) cannot be reached or stopped answering. */
  unavailable: 'HB_STATE_UNAVAILABLE',
  /** `REDIS_URL` (or the `url` option) is not a usable redis:// or rediss:// URL. */
  badUrl: 'HB_STATE_BAD_URL',
  /** A caller passed an impossible argument (a bug in the caller, not in the input). */
  badArgument: 'HB_STATE_BAD_ARGUMENT',
  /** The backend answered with something the store cannot read (a corrupted key). */
  badReply: 'HB_STATE_BAD_REPLY',
} as const;

export type StateStoreErrorCode = (typeof StateStoreErrorCodes)[keyof typeof StateStoreErrorCodes];

/** The one error class of the state stores. A bad URL is a user error (fix your config). */
export class StateStoreError extends HybridBenchError {
  declare readonly code: StateStoreErrorCode;

  constructor(code: StateStoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, { ...options, isUserError: code === StateStoreErrorCodes.badUrl });
  }
}
