import type { PlannedMessage } from './plan-message.js';

/** How a model-made (not code-made) tool call is tagged in the 2026 recordings. */
export const DIRECT_CALLER = { type: 'direct' } as const;

/** The `usage` object in the field order of the 2026 recordings. */
export function usageOf(inputTokens: number, outputTokens: number) {
  return {
    input_tokens: inputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    output_tokens: outputTokens,
    service_tier: 'standard',
    inference_geo: 'not_available',
  };
}

/** The `content` blocks of a complete message. */
function contentOf(planned: PlannedMessage) {
  if (planned.toolUses.length === 0) {
    return [{ type: 'text' as const, text: planned.textPieces.join('') }];
  }
  return planned.toolUses.map((use) => ({
    type: 'tool_use' as const,
    id: use.id,
    name: use.name,
    input: use.input,
    caller: DIRECT_CALLER,
  }));
}

/** A non-streamed `message` body, fields in the order of the recorded responses. */
export function messageJson(planned: PlannedMessage): string {
  return JSON.stringify({
    model: planned.model,
    id: planned.id,
    type: 'message',
    role: 'assistant',
    content: contentOf(planned),
    stop_reason: planned.stopReason,
    stop_sequence: null,
    usage: usageOf(planned.inputTokens, planned.outputTokens),
  });
}
