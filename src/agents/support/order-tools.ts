import { z } from 'zod';
import { defineTool } from '../tool.js';
import { ORDERS, SHIPMENTS } from './dataset.js';

export const ORDER_ID = z
  .string()
  .regex(/^ORD-\d{5}$/)
  .describe('The order number, like ORD-12345');

export const lookupOrder = defineTool({
  name: 'lookup_order',
  description:
    'Look up an order by its order number: status, items, dates, total and tracking number.',
  parameters: z.object({ order_id: ORDER_ID }),
  execute: ({ order_id }) => {
    const order = ORDERS.find((o) => o.orderId === order_id);
    if (!order) return { error: `No order ${order_id}`, order_id };
    const totalUsd = order.items.reduce((sum, i) => sum + i.qty * i.priceUsd, 0);
    return {
      order_id: order.orderId,
      status: order.status,
      placed_at: order.placedAt,
      ...(order.deliveredAt ? { delivered_at: order.deliveredAt } : {}),
      category: order.category,
      items: order.items.map((i) => ({ name: i.name, qty: i.qty, price_usd: i.priceUsd })),
      total_usd: Math.round(totalUsd * 100) / 100,
      ...(order.trackingNumber ? { tracking_number: order.trackingNumber } : {}),
    };
  },
});

export const trackShipment = defineTool({
  name: 'track_shipment',
  description:
    'Track a shipment by its tracking number: carrier, status, estimated delivery and last scan.',
  parameters: z.object({
    tracking_number: z
      .string()
      .regex(/^TRK\d{8}$/)
      .describe('The tracking number from the order, like TRK12345678'),
  }),
  execute: ({ tracking_number }) => {
    const shipment = SHIPMENTS.find((s) => s.trackingNumber === tracking_number);
    if (!shipment) return { error: `No shipment ${tracking_number}`, tracking_number };
    return {
      tracking_number: shipment.trackingNumber,
      carrier: shipment.carrier,
      status: shipment.status,
      ...(shipment.eta ? { eta: shipment.eta } : {}),
      last_scan: `${shipment.lastScan.location} at ${shipment.lastScan.at}`,
      ...(shipment.note ? { detail: shipment.note } : {}),
    };
  },
});
