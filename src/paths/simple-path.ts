import { type Agent, defineAgent } from '../agents/agent.js';
import type { ChatMessage } from '../providers/provider.js';
import type { PathContext, PathResult } from './path-result.js';
import { runSingleAgent } from './single-agent.js';

export interface SimplePathOptions {
  model: string;
  maxOutputTokens: number;
}

/**
 * One call to a cheap model with the prototype's instructions and no tools: for questions the
 * instructions already answer.
 */
export function createSimplePath(prototype: Agent, options: SimplePathOptions) {
  const agent = defineAgent({
    name: `${prototype.name}-simple`,
    instructions: prototype.instructions,
    model: options.model,
  });
  const limits = { maxSteps: 1, maxOutputTokens: options.maxOutputTokens };
  return (messages: readonly ChatMessage[], context: PathContext): Promise<PathResult> =>
    runSingleAgent(agent, messages, context, limits);
}
