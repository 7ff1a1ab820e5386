export type { LabelledRequest, RoutedLabel, RoutingAccuracy } from './accuracy.js';
export { measureRoutingAccuracy, scoreRouting } from './accuracy.js';
export type { PathName } from './path.js';
export { isPathName, PATH_NAMES } from './path.js';
export type { RouteDecision, RouteInput, Router, RoutingConfig, RoutingRule } from './router.js';
export { createRouter } from './router.js';
