import { z } from 'zod';
import type { SideEffectLedger } from '../ledger/side-effect-ledger.js';
import { defineTool } from '../tool.js';
import { stableId } from './ledger.js';

const RESPONSE_HOURS = { urgent: 2, high: 4, normal: 24, low: 72 } as const;

/** Opens a ticket for a human team; one per conversation, however often it is asked. */
export function createEscalationTicket(ledger: SideEffectLedger) {
  return defineTool({
    name: 'create_escalation_ticket',
    description: 'Open a ticket for the human escalation team, with a priority and a summary.',
    escalates: true,
    parameters: z.object({
      priority: z.enum(['low', 'normal', 'high', 'urgent']).default('normal'),
      summary: z.string().min(1).describe('What happened and what the customer wants'),
      order_id: z
        .string()
        .regex(/^ORD-\d{5}$/)
        .optional()
        .describe('The related order number, if any'),
    }),
    execute: async ({ priority, order_id }, context) =>
      (
        await ledger.once(`ticket:${context.conversationId}`, () => ({
          ticket_id: stableId('ESC', context.conversationId),
          priority,
          status: 'open',
          eta_hours: RESPONSE_HOURS[priority],
          ...(order_id ? { order_id } : {}),
        }))
      ).value,
  });
}
