import { type Agent, withModel } from '../agents/agent.js';
import type { ChatMessage } from '../providers/provider.js';
import type { PathContext, PathResult } from './path-result.js';
import { runSingleAgent } from './single-agent.js';

export interface ComplexPathOptions {
  model: string;
  maxSteps: number;
  maxOutputTokens: number;
}

/** The prototype's own tool loop, on the path's (stronger) model, with bounded steps. */
export function createComplexPath(prototype: Agent, options: ComplexPathOptions) {
  const agent = withModel(prototype, options.model);
  return (messages: readonly ChatMessage[], context: PathContext): Promise<PathResult> =>
    runSingleAgent(agent, messages, context, options);
}
