import type { RoutingConfig } from '../routing/router.js';

/**
 * Default routing for the support domain. Order matters: technical problems and upset
 * customers go to the multi-agent path before order and account work is considered.
 */
export const DEFAULT_ROUTING: RoutingConfig = {
  default: 'simple',
  rules: [
    {
      name: 'technical-problem',
      path: 'full',
      patterns: [
        '\\bE\\d{3}\\b',
        '\\bDEV-\\d{4}\\b',
        '\\b(router|firmware|thermostat|wi-?fi|bluetooth)\\b',
        "\\b(won'?t|doesn'?t|does not|will not) (turn on|connect|pair|work)",
        '\\b(keeps|kept) (dropping|disconnecting|crashing|rebooting)',
        '\\berror code\\b',
      ],
    },
    {
      name: 'upset-customer',
      path: 'full',
      patterns: [
        '\\b(unacceptable|ridiculous|furious|outraged|disgusted)\\b',
        '\\b(lawyer|chargeback|complaint|sue)\\b',
        '\\b(manager|supervisor)\\b',
        '\\b(third|3rd|fourth) time\\b',
        '\\bworst\\b',
      ],
    },
    {
      name: 'order-work',
      path: 'complex',
      patterns: [
        '\\bORD-\\d{5}\\b',
        '\\b(where is|track|tracking) (my )?(order|package|parcel)',
        '\\b(refund|money back)\\b.*\\b(my|this|the) order\\b',
        "\\b(i want|i'd like|please|can i get) (a )?refund\\b",
      ],
    },
    {
      name: 'account-work',
      path: 'complex',
      patterns: [
        '\\b(reset|forgot|change) (my )?password\\b',
        '\\b(locked out|can.?t (log|sign) in|unlock)\\b',
        '\\b(change|update) (my )?email\\b',
        '\\bdelete my account\\b',
        '[\\w.+-]+@[\\w-]+\\.[\\w.]+',
      ],
    },
  ],
};

export const DEFAULT_CONFIG = {
  paths: {
    simple: { model: 'gpt-4o-mini', maxOutputTokens: 400 },
    complex: { model: 'gpt-4o', maxSteps: 8, maxOutputTokens: 800 },
    full: {
      maxHandoffs: 3,
      maxStepsPerAgent: 6,
      maxOutputTokens: 800,
      handoffTranscriptMessages: 12,
      // Inside the full path's 90 s deadline and $0.195 cap: one stuck or runaway agent leaves
      // the escalation agent time and money to take over.
      agentBudget: { maxMs: 30_000, maxCostUsd: 0.06 },
    },
  },
  prototype: { maxSteps: 10, maxOutputTokens: 800 },
  routing: DEFAULT_ROUTING,
  stream: true,
} as const;
