export type { PathComparison } from './compare.js';
export { compareModes } from './compare.js';
export type { Distribution } from './distribution.js';
export { describe } from './distribution.js';
export { routingAccuracy } from './routing-accuracy.js';
export type { GroupSummary } from './summarize.js';
export { summarize } from './summarize.js';
