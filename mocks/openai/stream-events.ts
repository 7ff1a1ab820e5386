import { usageOf } from './completion-json.js';
import type { PlannedCompletion } from './plan-completion.js';

/** One server-sent event and whether it carries generated tokens (and so is paced). */
export interface StreamEvent {
  data: string;
  /** Carries generated output: the first one arrives at ttft, later ones are spread over generation. */
  generated: boolean;
  /** The closing events: any time still owed is paid before the first of them. */
  final: boolean;
}

/**
 * The events of a streamed completion, in the order of the recordings: a role delta (for tool
 * calls merged with the first call's header), one delta per token or argument fragment, an empty
 * delta with the finish reason, the usage chunk when asked for, then `[DONE]`.
 */
export function streamEvents(
  planned: PlannedCompletion,
  createdSeconds: number,
  split: (text: string) => readonly string[],
  includeUsage: boolean,
): StreamEvent[] {
  // Every chunk shares its head and tail; only the choices (and the usage) are serialised anew.
  const head = `data: ${JSON.stringify({
    id: planned.id,
    object: 'chat.completion.chunk',
    created: createdSeconds,
    model: planned.model,
    service_tier: 'default',
    system_fingerprint: planned.systemFingerprint,
  }).slice(0, -1)},"choices":`;
  const chunk = (choices: string, usage?: unknown) =>
    `${head}${choices}${includeUsage ? `,"usage":${JSON.stringify(usage ?? null)}` : ''}}\n\n`;
  const delta = (body: unknown, finishReason: string | null = null) =>
    chunk(
      `[{"index":0,"delta":${JSON.stringify(body)},"logprobs":null,"finish_reason":${JSON.stringify(finishReason)}}]`,
    );

  const events: StreamEvent[] = [];
  const push = (data: string, generated: boolean, final = false) =>
    events.push({ data, generated, final });

  if (planned.toolCalls.length === 0) {
    push(delta({ role: 'assistant', content: '', refusal: null }), false);
    for (const piece of planned.contentPieces) push(delta({ content: piece }), true);
  }
  planned.toolCalls.forEach((call, index) => {
    const header = {
      tool_calls: [
        { index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } },
      ],
    };
    const opening =
      index === 0 ? { role: 'assistant', content: null, ...header, refusal: null } : header;
    push(delta(opening), true);
    for (const piece of split(call.arguments)) {
      push(delta({ tool_calls: [{ index, function: { arguments: piece } }] }), true);
    }
  });
  push(delta({}, planned.finishReason), false, true);
  if (includeUsage) push(chunk('[]', usageOf(planned)), false, true);
  push('data: [DONE]\n\n', false, true);
  return events;
}
