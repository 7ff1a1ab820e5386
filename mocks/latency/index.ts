export { defaultLatencyProfiles, zeroLatencyProfile } from './defaults.js';
export type { LatencyOption, LatencyPlan, LatencyProfile } from './latency-profile.js';
export { resolveLatencyTable } from './resolve-latency-table.js';
export type { LatencyDemand } from './sample-latency.js';
export { sampleLatency } from './sample-latency.js';
