export { AS_OF, ORDERS } from './dataset.js';
export { SHOP_FACTS } from './instructions.js';
export type { SupportDemo, SupportDemoModels } from './support-demo.js';
export { createSupportDemo } from './support-demo.js';
