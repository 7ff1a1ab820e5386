import { z } from 'zod';
import type { AgentMessage } from '../../../agents/bus/types.js';

/** A message asking an agent to take its turn with a conversation. */
export const TURN_MESSAGE = 'conversation.turn';
/** A message telling the requester the conversation has ended (the outcome is in the context). */
export const ENDED_MESSAGE = 'conversation.ended';
/** The `from` of a conversation's first turn message. */
export const REQUESTER = 'requester';

export const turnBodySchema = z.strictObject({
  /** The turn's index: how many handoffs the conversation had when it was sent. */
  turn: z.int().nonnegative(),
  /** The bus group the requester waits on for the ending. */
  replyTo: z.string().min(1),
  /** Wall-clock milliseconds since the epoch when the whole conversation must be over. */
  deadlineAtMs: z.number().finite(),
});
export type TurnBody = z.output<typeof turnBodySchema>;

export const endedBodySchema = z.strictObject({ state: z.enum(['ok', 'error']) });
export type EndedBody = z.output<typeof endedBodySchema>;

/** The body of a turn message, or why it is not one (such a message is acked and reported). */
export function readTurnBody(message: AgentMessage): TurnBody | string {
  if (message.type !== TURN_MESSAGE)
    return `unexpected message type "${message.type}" (agents take "${TURN_MESSAGE}")`;
  const parsed = turnBodySchema.safeParse(message.body);
  return parsed.success ? parsed.data : `invalid turn body: ${z.prettifyError(parsed.error)}`;
}
