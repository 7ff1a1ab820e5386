import { describe, expect, it } from 'vitest';
import type { ConversationContext } from './context-store.js';
import { ContextStoreErrorCodes } from './context-store-error.js';
import { renderHandoffBrief, summarizeForHandoff } from './summarize-for-handoff.js';

const context: ConversationContext = {
  conversationId: 'c1',
  version: 4,
  transcript: [
    { role: 'system', content: 'You are customer service.' },
    { role: 'user', content: 'My router blinks red.' },
    { role: 'assistant', content: 'Let me look up your account.', agent: 'customer-service' },
    { role: 'tool', content: '{"account":"AC-9"}', agent: 'customer-service' },
    { role: 'system', content: 'You are technical support.' },
    { role: 'assistant', content: 'Please restart it.', agent: 'technical-support' },
    { role: 'user', content: 'Still red.' },
  ],
  facts: { account: 'AC-9', device: { model: 'R-200', firmware: '1.2' }, restarted: true },
  handoffs: [
    {
      from: 'customer-service',
      to: 'technical-support',
      reason: 'hardware fault',
      summary: 'Gold customer, router R-200 blinking red.',
      atMs: 1000,
    },
    {
      from: 'technical-support',
      to: 'escalation',
      reason: 'restart did not help',
      summary: 'Restarted, still red: likely a dead unit, needs a replacement.',
      atMs: 2000,
    },
  ],
};

describe('summarizeForHandoff', () => {
  it('keeps the facts, every handoff reason, the latest summary and the last N messages', () => {
    const brief = summarizeForHandoff(context, { maxTranscriptMessages: 2 });
    expect(brief).toEqual({
      conversationId: 'c1',
      facts: context.facts,
      handoffReasons: [
        { from: 'customer-service', to: 'technical-support', reason: 'hardware fault' },
        { from: 'technical-support', to: 'escalation', reason: 'restart did not help' },
      ],
      latestHandoff: context.handoffs[1],
      recentTranscript: [
        { role: 'assistant', content: 'Please restart it.', agent: 'technical-support' },
        { role: 'user', content: 'Still red.' },
      ],
      omittedMessages: 3,
    });
  });

  it('does not repeat earlier handoff summaries or the earlier agents’ system prompts', () => {
    const brief = summarizeForHandoff(context, { maxTranscriptMessages: 100 });
    const text = JSON.stringify(brief);
    expect(text).not.toContain('Gold customer');
    expect(text).not.toContain('You are');
    expect(brief.recentTranscript).toHaveLength(5);
    expect(brief.omittedMessages).toBe(0);
  });

  it('gives no messages for maxTranscriptMessages 0, and no handoff before the first', () => {
    const brief = summarizeForHandoff({ ...context, handoffs: [] }, { maxTranscriptMessages: 0 });
    expect(brief.recentTranscript).toEqual([]);
    expect(brief.omittedMessages).toBe(5);
    expect(brief.handoffReasons).toEqual([]);
    expect(brief).not.toHaveProperty('latestHandoff');
    expect(renderHandoffBrief(brief)).toBe('');
  });

  it('hands out copies: changing the brief leaves the context alone', () => {
    const before = structuredClone(context);
    const brief = summarizeForHandoff(context, { maxTranscriptMessages: 3 });
    (brief.facts.device as Record<string, unknown>).model = 'X';
    brief.recentTranscript[0] = { role: 'user', content: 'changed' };
    if (brief.latestHandoff) brief.latestHandoff.summary = 'changed';
    expect(context).toEqual(before);
  });

  it('rejects a negative or fractional maxTranscriptMessages', () => {
    for (const maxTranscriptMessages of [-1, 1.5, Number.NaN])
      expect(() => summarizeForHandoff(context, { maxTranscriptMessages })).toThrow(
        expect.objectContaining({ code: ContextStoreErrorCodes.badArgument }),
      );
  });

  it('renders a note with the latest handoff, the facts and the path', () => {
    const note = renderHandoffBrief(summarizeForHandoff(context, { maxTranscriptMessages: 2 }));
    expect(note).toBe(
      [
        'Handoff from technical-support: restart did not help.',
        'Summary: Restarted, still red: likely a dead unit, needs a replacement.',
        'Facts established so far: account=AC-9, device={"model":"R-200","firmware":"1.2"}, restarted=true.',
        'Handoffs so far: customer-service → technical-support (hardware fault); technical-support → escalation (restart did not help).',
        'Only the last 2 of 5 conversation messages follow.',
      ].join('\n'),
    );
  });
});
