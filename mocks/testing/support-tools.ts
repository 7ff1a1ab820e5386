import type { ChatCompletionFunctionTool } from 'openai/resources/chat/completions';

/*
 * Test fixtures: the customer-support tools with the names and parameters the runtime uses,
 * written for these tests (descriptions are ours).
 */

function tool(
  name: string,
  description: string,
  properties: Record<string, Record<string, unknown>>,
  required: string[],
): ChatCompletionFunctionTool {
  return {
    type: 'function',
    function: { name, description, parameters: { type: 'object', properties, required } },
  };
}

const handoffArgs = {
  reason: { type: 'string', description: 'Why the customer is being transferred' },
  summary: { type: 'string', description: 'What has happened so far' },
};

export const lookupOrder = tool(
  'lookup_order',
  'Look up an order by id',
  {
    order_id: {
      type: 'string',
      pattern: '^ORD-\\d{5}$',
      description: 'The order number, e.g. ORD-12345',
    },
  },
  ['order_id'],
);
export const trackShipment = tool(
  'track_shipment',
  'Track a shipment',
  { tracking_number: { type: 'string', pattern: '^TRK\\d{8}$' } },
  ['tracking_number'],
);
export const getRefundPolicy = tool(
  'get_refund_policy',
  'Refund policy for a product category',
  { category: { type: 'string', enum: ['general', 'electronics', 'clothing', 'digital'] } },
  ['category'],
);
export const initiateRefund = tool(
  'initiate_refund',
  'Start a refund',
  { order_id: { type: 'string', pattern: '^ORD-\\d{5}$' }, reason: { type: 'string' } },
  ['order_id', 'reason'],
);
export const accountHelp = tool(
  'account_help',
  'Account actions',
  {
    email: { type: 'string', format: 'email' },
    action: {
      type: 'string',
      enum: ['reset_password', 'unlock_account', 'update_email', 'delete_account'],
    },
  },
  ['email', 'action'],
);
export const searchKnownIssues = tool(
  'search_known_issues',
  'Search the known-issues database',
  { query: { type: 'string' }, error_code: { type: 'string', pattern: '^E\\d{3}$' } },
  ['query'],
);
export const runDiagnostics = tool(
  'run_diagnostics',
  'Run remote diagnostics on a device',
  {
    device_id: {
      type: 'string',
      pattern: '^DEV-\\d{4}$',
      description: 'The device id, like DEV-1234',
    },
  },
  ['device_id'],
);
export const createEscalationTicket = tool(
  'create_escalation_ticket',
  'Open an escalation ticket',
  {
    priority: { type: 'string', enum: ['low', 'normal', 'high', 'urgent'] },
    summary: { type: 'string' },
    order_id: { type: 'string', pattern: '^ORD-\\d{5}$' },
  },
  ['priority', 'summary'],
);
export const transferToTechnicalSupport = tool(
  'transfer_to_technical_support',
  'Hand the conversation to technical support',
  handoffArgs,
  ['reason', 'summary'],
);
export const transferToCustomerService = tool(
  'transfer_to_customer_service',
  'Hand the conversation back to customer service',
  handoffArgs,
  ['reason', 'summary'],
);
export const transferToEscalation = tool(
  'transfer_to_escalation',
  'Hand the conversation to the escalation team',
  handoffArgs,
  ['reason', 'summary'],
);

/** A single agent that does everything itself: every tool, no transfers. */
export const singleAgentTools = [
  lookupOrder,
  trackShipment,
  getRefundPolicy,
  initiateRefund,
  accountHelp,
  searchKnownIssues,
  runDiagnostics,
  createEscalationTicket,
];

/** The multi-agent set-up: what each specialist is offered. */
export const agentTools = {
  customerService: [
    lookupOrder,
    trackShipment,
    getRefundPolicy,
    initiateRefund,
    accountHelp,
    transferToTechnicalSupport,
    transferToEscalation,
  ],
  technicalSupport: [
    searchKnownIssues,
    runDiagnostics,
    transferToCustomerService,
    transferToEscalation,
  ],
  escalation: [createEscalationTicket, initiateRefund, lookupOrder],
};
