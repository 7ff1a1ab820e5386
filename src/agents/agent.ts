import { z } from 'zod';
import { ConfigError, ErrorCodes } from '../errors.js';
import { type AnyTool, defineTool, type Tool } from './tool.js';

/** Arguments of every handoff tool: why, and what the next agent needs to know. */
export const HandoffArgs = z.object({
  reason: z.string().min(1).describe('Why the conversation is being handed over'),
  summary: z.string().min(1).describe('What the next agent needs to know, in one or two sentences'),
});
export type HandoffArgs = z.output<typeof HandoffArgs>;

export interface Agent {
  readonly name: string;
  readonly instructions: string;
  readonly model: string;
  readonly tools: readonly AnyTool[];
  /** Names of the agents this one may hand the conversation to. */
  readonly handoffs: readonly string[];
  /** Handoff tools derived from `handoffs`, keyed by tool name → target agent. */
  readonly handoffTools: ReadonlyMap<string, string>;
}

export interface AgentDefinition {
  name: string;
  instructions: string;
  model: string;
  tools?: readonly AnyTool[];
  handoffs?: readonly string[];
}

/** `technical-support` → `transfer_to_technical_support`. */
export function handoffToolName(agentName: string): string {
  return `transfer_to_${agentName.replace(/[^a-zA-Z0-9]+/g, '_').toLowerCase()}`;
}

function handoffTool(target: string): Tool<HandoffArgs, { transferredTo: string }> {
  return defineTool({
    name: handoffToolName(target),
    description: `Hand the conversation over to the ${target} agent when it is better placed to help.`,
    parameters: HandoffArgs,
    execute: () => ({ transferredTo: target }),
  });
}

/**
 * The prototype: an agent is instructions, a model and tools — nothing about production.
 * The bridge runs the same definition alone (`agno-only`) or behind routing and the
 * production layer (`hybrid`).
 *
 * @example
 * const agent = defineAgent({
 *   name: 'support',
 *   instructions: 'You help customers of Acme with orders and refunds.',
 *   model: 'gpt-4o',
 *   tools: [lookupOrder, trackShipment],
 * });
 */
export function defineAgent(definition: AgentDefinition): Agent {
  if (!/^[a-z][a-z0-9-]*$/.test(definition.name)) {
    throw new ConfigError(
      ErrorCodes.toolDefinition,
      `Agent name "${definition.name}" is invalid: use lower-case letters, digits and "-", starting with a letter.`,
    );
  }
  const handoffs = definition.handoffs ?? [];
  const tools = [
    ...(definition.tools ?? []),
    ...handoffs.map((target) => handoffTool(target) as unknown as AnyTool),
  ];
  const names = new Set<string>();
  for (const tool of tools) {
    if (names.has(tool.name)) {
      throw new ConfigError(
        ErrorCodes.toolDefinition,
        `Agent "${definition.name}" has two tools named "${tool.name}": tool names must be unique per agent.`,
      );
    }
    names.add(tool.name);
  }
  return Object.freeze({
    name: definition.name,
    instructions: definition.instructions,
    model: definition.model,
    tools: Object.freeze(tools),
    handoffs: Object.freeze([...handoffs]),
    handoffTools: new Map(handoffs.map((target) => [handoffToolName(target), target])),
  });
}

/** The same agent on another model (how the bridge puts a prototype on a path's model). */
export function withModel(agent: Agent, model: string): Agent {
  return model === agent.model ? agent : Object.freeze({ ...agent, model });
}
