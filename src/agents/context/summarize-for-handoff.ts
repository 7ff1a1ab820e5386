import type { ContextHandoff, ConversationContext, TranscriptMessage } from './context-store.js';
import { ContextStoreError, ContextStoreErrorCodes } from './context-store-error.js';

export interface HandoffSummaryOptions {
  /** How many of the latest transcript messages the receiving agent sees (0 or more). */
  maxTranscriptMessages: number;
}

/** What an agent receiving a handoff should see: what it needs, not a copy of the history. */
export interface HandoffBrief {
  conversationId: string;
  /** Every fact gathered so far. */
  facts: Record<string, unknown>;
  /** Why each earlier handoff happened, oldest first (their summaries are left out). */
  handoffReasons: Array<Pick<ContextHandoff, 'from' | 'to' | 'reason'>>;
  /** The latest handoff in full, including its summary; absent before the first handoff. */
  latestHandoff?: ContextHandoff;
  /** The last `maxTranscriptMessages` non-system messages, oldest first. */
  recentTranscript: TranscriptMessage[];
  /** How many non-system messages came before `recentTranscript` and are left out. */
  omittedMessages: number;
}

/**
 * Builds the brief for the agent that receives a conversation. System messages are left out:
 * they are the instructions of the agents before, not part of the customer's conversation. The
 * brief holds copies, so changing it leaves `context` alone.
 *
 * @example
 * const brief = summarizeForHandoff(context, { maxTranscriptMessages: 6 });
 */
export function summarizeForHandoff(
  context: ConversationContext,
  options: HandoffSummaryOptions,
): HandoffBrief {
  const max = options.maxTranscriptMessages;
  if (!Number.isSafeInteger(max) || max < 0)
    throw new ContextStoreError(
      ContextStoreErrorCodes.badArgument,
      `maxTranscriptMessages must be a non-negative integer, got ${String(max)}`,
    );
  const conversation = context.transcript.filter((message) => message.role !== 'system');
  const recent = max === 0 ? [] : conversation.slice(-max);
  const latest = context.handoffs.at(-1);
  return {
    conversationId: context.conversationId,
    facts: structuredClone(context.facts),
    handoffReasons: context.handoffs.map(({ from, to, reason }) => ({ from, to, reason })),
    ...(latest ? { latestHandoff: { ...latest } } : {}),
    recentTranscript: recent.map((message) => ({ ...message })),
    omittedMessages: conversation.length - recent.length,
  };
}

/** The brief as a note for the receiving agent's system message; empty before any handoff. */
export function renderHandoffBrief(brief: HandoffBrief): string {
  const latest = brief.latestHandoff;
  if (!latest) return '';
  const facts = Object.entries(brief.facts)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
  const path = brief.handoffReasons.map((h) => `${h.from} → ${h.to} (${h.reason})`).join('; ');
  return [
    `Handoff from ${latest.from}: ${latest.reason}.`,
    latest.summary ? `Summary: ${latest.summary}` : '',
    facts ? `Facts established so far: ${facts}.` : '',
    `Handoffs so far: ${path}.`,
    brief.omittedMessages > 0
      ? `Only the last ${brief.recentTranscript.length} of ${brief.recentTranscript.length + brief.omittedMessages} conversation messages follow.`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
}
