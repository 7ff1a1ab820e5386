import type { Agent } from '../agents/agent.js';
import { defineAgent } from '../agents/agent.js';
import { runAgent } from '../agents/run-agent.js';
import type { ChatMessage } from '../providers/provider.js';
import type { PathContext, PathResult } from './path-result.js';

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
  return async (messages: readonly ChatMessage[], context: PathContext): Promise<PathResult> => {
    const run = await runAgent(
      agent,
      [{ role: 'system', content: agent.instructions }, ...messages],
      {
        call: context.call,
        clock: context.clock,
        signal: context.signal,
        requestId: context.requestId,
        ...(context.userId === undefined ? {} : { userId: context.userId }),
        maxSteps: 1,
        maxOutputTokens: options.maxOutputTokens,
        stream: context.stream,
      },
    );
    const trail = { calls: run.calls, toolRuns: run.toolRuns, handoffs: [], agents: [agent.name] };
    if (run.state === 'completed')
      return { ...trail, state: 'ok', text: run.text, finalCall: run.finalCall };
    if (run.state === 'failed') return { ...trail, state: 'error', error: run.error };
    return {
      ...trail,
      state: 'error',
      error: { code: 'max_steps', message: 'The simple path cannot hand off' },
    };
  };
}
