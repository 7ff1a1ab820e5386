import type { AgnoMockAgent, AgnoMockAgents, AgnoMockTool } from './agent-definition.js';

/*
 * The default agent: one customer-support agent doing everything itself (no handoffs), with the
 * tool names and parameters that `customerSupportPolicy` reaches for. Results are canned but
 * echo the arguments, so an answer about ORD-10001 talks about ORD-10001.
 */

const str = (extra: Record<string, unknown> = {}) => ({ type: 'string', ...extra });

function tool(
  name: string,
  description: string,
  properties: Record<string, Record<string, unknown>>,
  required: readonly string[],
  execute: (args: Record<string, unknown>) => unknown,
): AgnoMockTool {
  return {
    name,
    description,
    parameters: { type: 'object', properties, required: [...required] },
    execute,
  };
}

const ORDER_ID = str({ pattern: '^ORD-\\d{5}$', description: 'The order number, like ORD-12345' });

const supportTools: readonly AgnoMockTool[] = [
  tool(
    'lookup_order',
    'Look up an order by its number',
    { order_id: ORDER_ID },
    ['order_id'],
    (args) => ({
      order_id: args.order_id,
      status: 'shipped',
      placed_at: '2026-01-02',
      carrier: 'UPS',
      tracking_number: 'TRK48213977',
      total_usd: 129.99,
    }),
  ),
  tool(
    'track_shipment',
    'Track a shipment by its tracking number',
    { tracking_number: str({ pattern: '^TRK\\d{8}$' }) },
    ['tracking_number'],
    (args) => ({
      tracking_number: args.tracking_number,
      status: 'in_transit',
      eta: '2026-01-09',
      last_scan: 'Louisville, KY',
    }),
  ),
  tool(
    'get_refund_policy',
    'Refund policy for a product category',
    { category: str({ enum: ['general', 'electronics', 'clothing', 'digital'] }) },
    ['category'],
    (args) => ({ category: args.category, window_days: 30, condition: 'unused, in original box' }),
  ),
  tool(
    'initiate_refund',
    'Start a refund for an order',
    { order_id: ORDER_ID, reason: str() },
    ['order_id', 'reason'],
    (args) => ({ refund_id: 'RF-20417', order_id: args.order_id, amount_usd: 129.99 }),
  ),
  tool(
    'account_help',
    'Account actions: password resets, unlocks, email changes, deletion',
    {
      email: str({ format: 'email' }),
      action: str({ enum: ['reset_password', 'unlock_account', 'update_email', 'delete_account'] }),
    },
    ['email', 'action'],
    (args) => ({ email: args.email, action: args.action, status: 'email_sent' }),
  ),
  tool(
    'search_known_issues',
    'Search the known-issues database',
    { query: str(), error_code: str({ pattern: '^E\\d{3}$' }) },
    ['query'],
    () => ({ title: 'Router drops Wi-Fi every few minutes', fix: 'Update the firmware to 2.1.4' }),
  ),
  tool(
    'run_diagnostics',
    'Run remote diagnostics on a device',
    { device_id: str({ pattern: '^DEV-\\d{4}$', description: 'The device id, like DEV-1234' }) },
    ['device_id'],
    (args) => ({ device_id: args.device_id, healthy: false, findings: 'Signal loss on 5 GHz' }),
  ),
  tool(
    'create_escalation_ticket',
    'Open an escalation ticket for a human agent',
    {
      priority: str({ enum: ['low', 'normal', 'high', 'urgent'] }),
      summary: str(),
      order_id: ORDER_ID,
    },
    ['priority', 'summary'],
    (args) => ({ ticket_id: 'ESC-3021', priority: args.priority, status: 'open' }),
  ),
];

/** Instructions with an FAQ, so questions without a tool get an answer from a matching line. */
const SUPPORT_INSTRUCTIONS = [
  'You are the customer-support agent of Acme Electronics. Use your tools to look things up.',
  'Shipping: standard shipping takes 3-5 business days.',
  'Returns: items can be returned within 30 days of delivery.',
  'Opening hours: our phone line is open 9am-5pm on weekdays.',
].join('\n');

/** The default agent of {@link createAgnoAgentOSMock}: `support-agent` on gpt-4o. */
export const supportAgent: AgnoMockAgent = {
  name: 'Support Agent',
  model: 'gpt-4o',
  instructions: SUPPORT_INSTRUCTIONS,
  tools: supportTools,
};

/** The default `agents` option: `support-agent` only. */
export const defaultAgnoAgents: AgnoMockAgents = { 'support-agent': supportAgent };
