export type { PathSlaTargets, SlaCheck } from './sla.js';
export { checkSla, resolveSla, SLA_DEFAULTS } from './sla.js';
export type { Verdict } from './verdict.js';
export { decideVerdict, EXIT_CODES, gatingModesFor } from './verdict.js';
