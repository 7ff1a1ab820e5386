import { type Agent, defineAgent } from '../agent.js';
import { createMemoryLedger, type SideEffectLedger } from '../ledger/side-effect-ledger.js';
import { type AgentTeam, defineTeam } from '../team.js';
import { accountHelp } from './account-tools.js';
import { createEscalationTicket } from './escalation-tools.js';
import {
  CUSTOMER_SERVICE_INSTRUCTIONS,
  ESCALATION_INSTRUCTIONS,
  PROTOTYPE_INSTRUCTIONS,
  TECHNICAL_SUPPORT_INSTRUCTIONS,
} from './instructions.js';
import { lookupOrder, trackShipment } from './order-tools.js';
import { createInitiateRefund, getRefundPolicy } from './refund-tools.js';
import { runDiagnostics, searchKnownIssues } from './tech-tools.js';

export interface SupportDemo {
  /** The single prototype agent: one model, every tool. */
  prototype: Agent;
  /**
   * customer-service → technical-support → escalation, with handoffs (technical support may also
   * hand a billing or order question back to customer service).
   */
  team: AgentTeam;
}

export interface SupportDemoModels {
  prototype?: string;
  customerService?: string;
  technicalSupport?: string;
  escalation?: string;
}

/**
 * The demo customer-support domain: an Acme Home shop with orders, shipments, refunds,
 * accounts and smart-home devices. Refunds and tickets are recorded in `ledger` (by default a
 * fresh one in memory; a Redis ledger when agents run as workers in several processes).
 *
 * @example
 * const { prototype, team } = createSupportDemo();
 */
export function createSupportDemo(
  models: SupportDemoModels = {},
  ledger: SideEffectLedger = createMemoryLedger(),
): SupportDemo {
  const initiateRefund = createInitiateRefund(ledger);
  const escalationTicket = createEscalationTicket(ledger);
  const prototype = defineAgent({
    name: 'support-agent',
    instructions: PROTOTYPE_INSTRUCTIONS,
    model: models.prototype ?? 'gpt-4o',
    tools: [
      lookupOrder,
      trackShipment,
      getRefundPolicy,
      initiateRefund,
      accountHelp,
      searchKnownIssues,
      runDiagnostics,
      escalationTicket,
    ],
  });
  const customerService = defineAgent({
    name: 'customer-service',
    instructions: CUSTOMER_SERVICE_INSTRUCTIONS,
    model: models.customerService ?? 'gpt-4o-mini',
    tools: [lookupOrder, trackShipment, getRefundPolicy, initiateRefund, accountHelp],
    handoffs: ['technical-support', 'escalation'],
  });
  const technicalSupport = defineAgent({
    name: 'technical-support',
    instructions: TECHNICAL_SUPPORT_INSTRUCTIONS,
    model: models.technicalSupport ?? 'gpt-4o',
    tools: [searchKnownIssues, runDiagnostics],
    handoffs: ['customer-service', 'escalation'],
  });
  const escalation = defineAgent({
    name: 'escalation',
    instructions: ESCALATION_INSTRUCTIONS,
    model: models.escalation ?? 'gpt-4o',
    tools: [escalationTicket, initiateRefund, lookupOrder],
  });
  return {
    prototype,
    team: defineTeam({
      entry: customerService.name,
      escalation: escalation.name,
      agents: [customerService, technicalSupport, escalation],
    }),
  };
}
