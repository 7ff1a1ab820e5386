import { HybridBenchError } from '../../errors.js';

/** Stable codes of the agent bus; branch on these, never on message text. */
export const AgentBusErrorCodes = {
  /** The bus was closed; nothing can be sent or subscribed any more. */
  closed: 'HB_BUS_CLOSED',
  /** A caller passed an impossible argument (a bug in the caller). */
  badArgument: 'HB_BUS_BAD_ARGUMENT',
  /** The `url` option is not a usable redis:// or rediss:// URL. */
  badUrl: 'HB_BUS_BAD_URL',
  /** The backend (Redis) cannot be reached or stopped answering. */
  unavailable: 'HB_BUS_UNAVAILABLE',
  /** The backend answered with something the bus cannot read (a foreign or corrupted entry). */
  badReply: 'HB_BUS_BAD_REPLY',
} as const;

export type AgentBusErrorCode = (typeof AgentBusErrorCodes)[keyof typeof AgentBusErrorCodes];

/** The one error class of the agent bus. A bad URL is a user error (fix your config). */
export class AgentBusError extends HybridBenchError {
  declare readonly code: AgentBusErrorCode;

  constructor(code: AgentBusErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, { ...options, isUserError: code === AgentBusErrorCodes.badUrl });
  }
}
