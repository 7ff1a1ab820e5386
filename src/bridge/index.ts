export type {
  AgentTurn,
  BridgeRequest,
  BridgeResult,
  BridgeRunOptions,
  Mode,
  PricedCall,
  ReliabilityAccount,
  ServedBy,
} from './bridge-types.js';
export { MODES } from './bridge-types.js';
export type { Bridge, BridgeOptions } from './create-bridge.js';
export { createBridge } from './create-bridge.js';
export type { Tier } from './tier-chain.js';
export { tierChain } from './tier-chain.js';
