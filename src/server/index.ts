export type { ApiKey } from './api-keys.js';
export { ApiKeys, parseApiKeys } from './api-keys.js';
export { SERVED_MODELS } from './chat-request.js';
export type { BridgeServer, BridgeServerOptions } from './create-bridge-server.js';
export { createBridgeServer } from './create-bridge-server.js';
