export { DEFAULT_CONFIG, DEFAULT_ROUTING } from './defaults.js';
export { formatPath } from './format-path.js';
export type { ResilienceConfig } from './resilience-schema.js';
export { ResilienceSchema } from './resilience-schema.js';
export { resolveConfig } from './resolve-config.js';
export type { BridgeConfig, BridgeConfigInput } from './schema.js';
export { BridgeConfigSchema } from './schema.js';
