import type { AnsweringPolicy } from './answering-policy.js';

/*
 * The customer-support script. Edit freely: each intent is a pattern over the user's words and
 * the tools a good model would use for it, in order. The engine calls the tools it can fill
 * (up to three at once), feeds nothing it cannot, and never mixes a handoff (transfer_to_*) with
 * other calls. Intents are tried top to bottom, so earlier ones act first: order questions are
 * handled before an angry customer is escalated.
 *
 * A tool an agent is not offered is skipped, so one intent can mean different things to different
 * agents: `billing` sends a billing question from technical support back to customer service,
 * and means nothing to the agents that have no such handoff.
 *
 * Tools (names and parameters as the runtime defines them):
 *   lookup_order {order_id ^ORD-\d{5}$}           track_shipment {tracking_number ^TRK\d{8}$}
 *   get_refund_policy {category enum}             initiate_refund {order_id, reason}
 *   account_help {email, action enum}             search_known_issues {query, error_code? ^E\d{3}$}
 *   run_diagnostics {device_id ^DEV-\d{4}$}       create_escalation_ticket {priority enum, summary, order_id?}
 *   transfer_to_technical_support {reason, summary}    transfer_to_escalation {reason, summary}
 *   transfer_to_customer_service {reason, summary}
 */

const orderStatus =
  /\b(?:where(?:'s| is) (?:my |the |this )?(?:order|package|parcel|delivery)|order status|status of (?:my|the) order|track(?:ing)?|shipment|shipped|has(?:n't| not) arrived|not (?:arrived|received)|delivery date)\b/i;

// "refund" but not "refund policy", which is a question, not a request.
const refundRequest =
  /\b(?:refund(?!\s+polic)|money back|return (?:it|this|them|my|the item)|send (?:it|this) back)\b/i;

const refundPolicyQuestion =
  /\b(?:refund polic(?:y|ies)|return polic(?:y|ies)|can i return|how do (?:returns|refunds) work|how long do i have to return|return window)\b/i;

const account =
  /\b(?:password|locked out|lock(?:ed)? me out|can(?:'t|not) (?:log|sign) ?in|unable to (?:log|sign) ?in|unlock|change (?:my )?email|update (?:my )?email|delete (?:my )?account|close my account)\b/i;

const technical =
  /\b(?:E\d{3}|error code|device|DEV-\d{4}|router|modem|firmware|won't turn on|will not turn on|does(?:n't| not) turn on|keeps? (?:disconnecting|dropping|restarting)|disconnect(?:s|ing)?|crash(?:es|ed|ing)?)\b/i;

// A billing problem (a charge, an invoice): customer service's business, not a device's.
const billing =
  /\b(?:billed twice|double[- ]billed|double[- ]charged|charged twice|invoice|billing)\b/i;

const escalation =
  /\b(?:unacceptable|furious|lawyer|attorney|third time|complain(?:t|ing)?|speak (?:to|with) (?:a|your|the) (?:manager|supervisor)|worst|chargeback|ridiculous|disgusted)\b/i;

/** The default policy: a customer-support agent, single or split into specialists. */
export const customerSupportPolicy: AnsweringPolicy = {
  intents: [
    { name: 'order_status', match: orderStatus, tools: ['lookup_order', 'track_shipment'] },
    {
      name: 'refund_request',
      match: refundRequest,
      tools: ['lookup_order', 'get_refund_policy', 'initiate_refund'],
    },
    { name: 'refund_policy', match: refundPolicyQuestion, tools: ['get_refund_policy'] },
    { name: 'account', match: account, tools: ['account_help'] },
    {
      name: 'technical',
      match: technical,
      tools: ['transfer_to_technical_support', 'search_known_issues', 'run_diagnostics'],
    },
    // After the technical intent, so technical support works the device before handing back.
    { name: 'billing', match: billing, tools: ['transfer_to_customer_service'] },
    {
      name: 'escalation',
      match: escalation,
      tools: ['transfer_to_escalation', 'create_escalation_ticket'],
    },
  ],
  // Support replies run to a few sentences; sigma 0.5 puts 90 % of them between about 33 and 170 tokens.
  outputTokens: { median: 75, sigma: 0.5 },
  salientKeys: [
    'status',
    'eta',
    'tracking_number',
    'carrier',
    'refund_id',
    'amount_usd',
    'ticket_id',
    'window_days',
    'fix',
    'title',
    'detail',
    'healthy',
    'findings',
  ],
};
