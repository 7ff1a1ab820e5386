export type { Dispatch, Middleware } from './compose.js';
export { compose } from './compose.js';
