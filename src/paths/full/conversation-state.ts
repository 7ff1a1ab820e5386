import type { Agent } from '../../agents/agent.js';
import type {
  ContextDraft,
  ContextHandoff,
  TranscriptMessage,
} from '../../agents/context/context-store.js';
import {
  renderHandoffBrief,
  summarizeForHandoff,
} from '../../agents/context/summarize-for-handoff.js';
import type { HandoffRecord, ToolRunRecord } from '../../agents/run-records.js';
import type { ChatMessage } from '../../providers/provider.js';

/*
 * The full path's shared conversation state is the context store's draft shape: the customer's
 * transcript, the facts tools established, and the handoff history. The in-process path keeps it
 * in memory; agent workers keep it in a {@link ContextStore} so any process can pick it up.
 */

/** A new conversation from the request's messages (tool messages are the agents' own business). */
export function openConversation(
  conversationId: string,
  messages: readonly ChatMessage[],
): ContextDraft {
  const transcript: TranscriptMessage[] = [];
  for (const message of messages) {
    if (message.role !== 'tool') transcript.push({ role: message.role, content: message.content });
  }
  return { conversationId, transcript, facts: {}, handoffs: [] };
}

/**
 * Keeps the top-level scalar fields of successful tool results as facts (latest wins). Handoff
 * tools are left out: the handoff history says where the conversation went.
 */
export function absorbToolRuns(
  draft: ContextDraft,
  agent: Agent,
  runs: readonly ToolRunRecord[],
): void {
  for (const run of runs) {
    if (!run.ok || typeof run.output !== 'object' || run.output === null) continue;
    if (agent.handoffTools.has(run.name)) continue;
    for (const [key, value] of Object.entries(run.output)) {
      if (key === 'error') continue;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        draft.facts[key] = value;
      }
    }
  }
}

export function addHandoff(draft: ContextDraft, handoff: HandoffRecord, atMs: number): void {
  const stored: ContextHandoff = {
    from: handoff.from,
    to: handoff.to,
    reason: handoff.reason,
    summary: handoff.summary,
    atMs,
    ...(handoff.kind === undefined || handoff.kind === 'agent' ? {} : { kind: handoff.kind }),
  };
  draft.handoffs.push(stored);
}

/**
 * What an agent reads: its instructions, then (after a handoff) a brief of the handoff, the facts
 * and the chain so far, then the latest `maxTranscriptMessages` messages of the customer's
 * conversation; never the previous agents' tool-call history.
 */
export function agentInput(
  agent: Agent,
  draft: ContextDraft,
  maxTranscriptMessages: number,
): ChatMessage[] {
  const brief = summarizeForHandoff({ ...draft, version: 0 }, { maxTranscriptMessages });
  const note = renderHandoffBrief(brief);
  const transcript = note === '' ? draft.transcript : brief.recentTranscript;
  return [
    {
      role: 'system',
      content: note === '' ? agent.instructions : `${agent.instructions}\n\n${note}`,
    },
    ...transcript.flatMap((m): ChatMessage[] =>
      m.role === 'tool' ? [] : [{ role: m.role, content: m.content }],
    ),
  ];
}
