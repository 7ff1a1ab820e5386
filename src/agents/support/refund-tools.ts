import { z } from 'zod';
import type { SideEffectLedger } from '../ledger/side-effect-ledger.js';
import { defineTool } from '../tool.js';
import { AS_OF, type Category, ORDERS, REFUND_POLICIES } from './dataset.js';
import { stableId } from './ledger.js';
import { ORDER_ID } from './order-tools.js';

const CATEGORY = z.enum(['general', 'electronics', 'clothing', 'digital']);

export const getRefundPolicy = defineTool({
  name: 'get_refund_policy',
  description:
    'The refund policy for a product category: return window, conditions and processing time.',
  parameters: z.object({ category: CATEGORY.default('general').describe('Product category') }),
  execute: ({ category }) => {
    const policy = REFUND_POLICIES[category];
    return {
      category,
      window_days: policy.windowDays,
      condition: policy.condition,
      processing_days: policy.processingDays,
    };
  },
});

function daysBetween(fromIso: string, toIso: string): number {
  return Math.floor((Date.parse(toIso) - Date.parse(fromIso)) / 86_400_000);
}

function eligibility(
  status: string,
  category: Category,
  deliveredAt: string | undefined,
): string | undefined {
  if (status === 'refunded') return 'This order has already been refunded';
  if (status === 'cancelled') return 'This order was cancelled and never charged';
  if (status !== 'delivered' || !deliveredAt) return 'Refunds start once the order is delivered';
  const policy = REFUND_POLICIES[category];
  const age = daysBetween(deliveredAt, AS_OF);
  if (age > policy.windowDays) {
    return `Outside the ${policy.windowDays}-day refund window (delivered ${age} days ago)`;
  }
  return undefined;
}

/** Starts a refund; idempotent per conversation and order, so a retry never refunds twice. */
export function createInitiateRefund(ledger: SideEffectLedger) {
  return defineTool({
    name: 'initiate_refund',
    description: 'Start a refund for a delivered order within its refund window. Idempotent.',
    parameters: z.object({
      order_id: ORDER_ID,
      reason: z.string().min(1).describe('Why the customer wants a refund'),
    }),
    execute: async ({ order_id }, context) => {
      const order = ORDERS.find((o) => o.orderId === order_id);
      if (!order) return { error: `No order ${order_id}`, order_id };
      const refusal = eligibility(order.status, order.category, order.deliveredAt);
      if (refusal) return { order_id, status: 'ineligible', detail: refusal };
      const amountUsd = order.items.reduce((sum, i) => sum + i.qty * i.priceUsd, 0);
      const { value, repeated } = await ledger.once(
        `refund:${context.conversationId}:${order_id}`,
        () => ({
          refund_id: stableId('RF', context.conversationId, order_id),
          order_id,
          amount_usd: Math.round(amountUsd * 100) / 100,
          status: 'initiated',
          processing_days: REFUND_POLICIES[order.category].processingDays,
        }),
      );
      return repeated
        ? { ...value, detail: 'Already initiated in this conversation; not refunded twice' }
        : value;
    },
  });
}
