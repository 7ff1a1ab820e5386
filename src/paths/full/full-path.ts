import { runAgent } from '../../agents/run-agent.js';
import type { HandoffRecord } from '../../agents/run-records.js';
import type { AgentTeam } from '../../agents/team.js';
import type { ChatMessage } from '../../providers/provider.js';
import type { PathContext, PathResult } from '../path-result.js';
import { runOptionsFor } from '../single-agent.js';
import { ConversationContext } from './conversation-context.js';

export interface FullPathOptions {
  maxHandoffs: number;
  maxStepsPerAgent: number;
  maxOutputTokens: number;
}

/**
 * The multi-agent path: the team's entry agent takes the conversation and agents hand it on
 * with a reason and a summary, sharing one {@link ConversationContext}. Bounded: more than
 * `maxHandoffs` handoffs, or the same handoff twice (A → B … A → B), ends the run. An agent
 * that fails hands the conversation to the team's escalation agent, once.
 */
export function createFullPath(team: AgentTeam, options: FullPathOptions) {
  const limits = { maxSteps: options.maxStepsPerAgent, maxOutputTokens: options.maxOutputTokens };
  return async (messages: readonly ChatMessage[], context: PathContext): Promise<PathResult> => {
    const conversation = new ConversationContext(messages);
    const trail: Omit<PathResult, 'state'> & { handoffs: HandoffRecord[] } = {
      calls: [],
      toolRuns: [],
      handoffs: [],
      agents: [],
    };
    let current = team.entry;
    for (;;) {
      const agent = team.agents.get(current);
      if (!agent) {
        return {
          ...trail,
          state: 'error',
          error: { code: 'unknown_agent', message: `No agent "${current}" in the team` },
        };
      }
      trail.agents.push(agent.name);
      const run = await runAgent(
        agent,
        [
          { role: 'system', content: agent.instructions + conversation.handoffNote() },
          ...conversation.transcript,
        ],
        runOptionsFor(context, limits),
      );
      trail.calls.push(...run.calls);
      trail.toolRuns.push(...run.toolRuns);
      conversation.absorb(run.toolRuns);

      if (run.state === 'completed')
        return { ...trail, state: 'ok', text: run.text, finalCall: run.finalCall };

      let next: HandoffRecord;
      if (run.state === 'handoff') {
        next = { from: agent.name, to: run.to, reason: run.reason, summary: run.summary };
        const repeated = trail.handoffs.some((h) => h.from === next.from && h.to === next.to);
        if (repeated) {
          trail.handoffs.push(next);
          return {
            ...trail,
            state: 'error',
            error: {
              code: 'handoff_loop',
              message: `Handoff loop: ${agent.name} → ${run.to} happened twice`,
            },
          };
        }
      } else {
        const canEscalate =
          team.escalation !== undefined &&
          !trail.agents.includes(team.escalation) &&
          run.error.code !== 'timeout' &&
          run.error.code !== 'aborted';
        if (!canEscalate || team.escalation === undefined)
          return { ...trail, state: 'error', error: run.error };
        next = {
          from: agent.name,
          to: team.escalation,
          reason: `agent failed (${run.error.code})`,
          summary: run.error.message,
        };
      }
      trail.handoffs.push(next);
      conversation.recordHandoff(next);
      if (trail.handoffs.length > options.maxHandoffs) {
        return {
          ...trail,
          state: 'error',
          error: { code: 'max_handoffs', message: `More than ${options.maxHandoffs} handoffs` },
        };
      }
      current = next.to;
    }
  };
}
