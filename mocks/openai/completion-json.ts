import type { PlannedCompletion } from './plan-completion.js';

/** The `usage` object with every detail field a current response carries. */
export function usageOf(planned: PlannedCompletion) {
  return {
    prompt_tokens: planned.promptTokens,
    completion_tokens: planned.completionTokens,
    total_tokens: planned.promptTokens + planned.completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** Tool calls in the shape of a non-streamed message. */
function toolCallsOf(planned: PlannedCompletion) {
  return planned.toolCalls.map((call) => ({
    id: call.id,
    type: 'function' as const,
    function: { name: call.name, arguments: call.arguments },
  }));
}

/**
 * A `chat.completion` body, fields in the order of the recorded responses.
 *
 * @param createdSeconds Unix seconds, taken when the request arrived.
 */
export function completionJson(planned: PlannedCompletion, createdSeconds: number): string {
  const hasToolCalls = planned.toolCalls.length > 0;
  return JSON.stringify({
    id: planned.id,
    object: 'chat.completion',
    created: createdSeconds,
    model: planned.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: hasToolCalls ? null : planned.contentPieces.join(''),
          refusal: null,
          ...(hasToolCalls ? { tool_calls: toolCallsOf(planned) } : {}),
          annotations: [],
        },
        logprobs: null,
        finish_reason: planned.finishReason,
      },
    ],
    usage: usageOf(planned),
    service_tier: 'default',
    system_fingerprint: planned.systemFingerprint,
  });
}
