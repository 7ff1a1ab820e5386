import type { ChatMessage } from '../providers/provider.js';
import type { PathName } from './path.js';

export interface RoutingRule {
  /** Names the rule in route decisions and accuracy reports. */
  name: string;
  path: PathName;
  /** Regular expressions (case-insensitive); the rule matches when any of them matches. */
  patterns: readonly string[];
}

export interface RoutingConfig {
  /** The path taken when no rule matches. */
  default: PathName;
  /** Tried in order; the first match wins. */
  rules: readonly RoutingRule[];
}

export interface RouteInput {
  messages: readonly ChatMessage[];
  /** `metadata.path` forces a path, bypassing the rules. */
  metadata?: { path?: PathName };
}

export interface RouteDecision {
  path: PathName;
  reason: 'override' | 'rule' | 'default';
  rule?: string;
}

export type Router = (input: RouteInput) => RouteDecision;

/**
 * A rules-based classifier into `simple | complex | full`. Patterns compile once; routing a
 * request is a scan of its user text, with no model call.
 *
 * @example
 * const route = createRouter({ default: 'simple', rules: [{ name: 'orders', path: 'complex', patterns: ['ORD-\\d{5}'] }] });
 * route({ messages: [{ role: 'user', content: 'Where is ORD-10001?' }] }); // { path: 'complex', reason: 'rule', rule: 'orders' }
 */
export function createRouter(config: RoutingConfig): Router {
  const rules = config.rules.map((rule) => ({
    name: rule.name,
    path: rule.path,
    patterns: rule.patterns.map((p) => new RegExp(p, 'i')),
  }));
  return (input) => {
    if (input.metadata?.path) return { path: input.metadata.path, reason: 'override' };
    let text = '';
    for (const m of input.messages) if (m.role === 'user') text += `${m.content}\n`;
    for (const rule of rules) {
      if (rule.patterns.some((p) => p.test(text)))
        return { path: rule.path, reason: 'rule', rule: rule.name };
    }
    return { path: config.default, reason: 'default' };
  };
}
