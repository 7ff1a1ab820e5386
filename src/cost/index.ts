export type { ModelPrice } from './builtin-prices.js';
export { BUILTIN_PRICES } from './builtin-prices.js';
export type { LiteLLMPrices } from './litellm-prices.js';
export { loadLiteLLMPrices, parseLiteLLMPrices } from './litellm-prices.js';
export type { CallCost } from './price-table.js';
export { PriceTable } from './price-table.js';
