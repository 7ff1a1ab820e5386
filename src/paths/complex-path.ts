import { type Agent, withModel } from '../agents/agent.js';
import { runAgent } from '../agents/run-agent.js';
import type { ChatMessage } from '../providers/provider.js';
import type { PathContext, PathResult } from './path-result.js';

export interface ComplexPathOptions {
  model: string;
  maxSteps: number;
  maxOutputTokens: number;
}

/** The prototype's own tool loop, on the path's (stronger) model, with bounded steps. */
export function createComplexPath(prototype: Agent, options: ComplexPathOptions) {
  const agent = withModel(prototype, options.model);
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
        maxSteps: options.maxSteps,
        maxOutputTokens: options.maxOutputTokens,
        stream: context.stream,
      },
    );
    const trail = { calls: run.calls, toolRuns: run.toolRuns, handoffs: [], agents: [agent.name] };
    switch (run.state) {
      case 'completed':
        return { ...trail, state: 'ok', text: run.text, finalCall: run.finalCall };
      case 'failed':
        return { ...trail, state: 'error', error: run.error };
      case 'handoff':
        return {
          ...trail,
          state: 'error',
          error: {
            code: 'unknown_agent',
            message: `The prototype asked to hand off to "${run.to}" outside the full path`,
          },
        };
    }
  };
}
