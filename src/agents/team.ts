import { ConfigError, ErrorCodes } from '../errors.js';
import type { Agent } from './agent.js';

/** Agents that work a conversation together; it starts with `entry`. */
export interface AgentTeam {
  readonly entry: string;
  readonly agents: ReadonlyMap<string, Agent>;
  /** Where failed or stuck conversations go, if the team has such an agent. */
  readonly escalation?: string;
}

/**
 * Checks that every handoff target and the entry and escalation agents exist, so a typo fails at
 * start-up rather than mid-conversation.
 *
 * @example
 * const team = defineTeam({ entry: 'customer-service', escalation: 'escalation', agents: [cs, tech, esc] });
 */
export function defineTeam(definition: {
  entry: string;
  escalation?: string;
  agents: readonly Agent[];
}): AgentTeam {
  const agents = new Map(definition.agents.map((a) => [a.name, a]));
  const problems: string[] = [];
  if (agents.size !== definition.agents.length) problems.push('two agents share a name');
  if (!agents.has(definition.entry))
    problems.push(`entry agent "${definition.entry}" is not in the team`);
  if (definition.escalation !== undefined && !agents.has(definition.escalation)) {
    problems.push(`escalation agent "${definition.escalation}" is not in the team`);
  }
  for (const agent of definition.agents) {
    for (const target of agent.handoffs) {
      if (!agents.has(target))
        problems.push(`agent "${agent.name}" hands off to unknown agent "${target}"`);
    }
  }
  if (problems.length > 0) {
    throw new ConfigError(
      ErrorCodes.unknownAgent,
      `Invalid agent team: ${problems.join('; ')}. Team members: ${[...agents.keys()].join(', ')}.`,
    );
  }
  return Object.freeze({
    entry: definition.entry,
    agents,
    ...(definition.escalation === undefined ? {} : { escalation: definition.escalation }),
  });
}
