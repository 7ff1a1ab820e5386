export type {
  BridgeRequest,
  BridgeResult,
  BridgeRunOptions,
  Mode,
  PricedCall,
} from './bridge-types.js';
export { MODES } from './bridge-types.js';
export type { Bridge, BridgeOptions } from './create-bridge.js';
export { createBridge } from './create-bridge.js';
