import type { StreamEvent } from '../openai/stream-events.js';
import {
  finalStatus,
  functionCallItem,
  messageItem,
  outputTextPart,
  type PlannedResponse,
  responseObject,
} from './response-json.js';

/**
 * The events of a streamed response, each `event: <type>` with its JSON (`type` first, then
 * `sequence_number`): `response.created`, `response.in_progress`, then per output item
 * `response.output_item.added` … `.done` — for text a content part with one
 * `response.output_text.delta` per token, for a function call one
 * `response.function_call_arguments.delta` per fragment — and `response.completed` (or
 * `response.incomplete` at `max_output_tokens`). Token events are paced; everything after the
 * last one closes the stream.
 */
export function responseEvents(
  plan: PlannedResponse,
  split: (text: string) => readonly string[],
): StreamEvent[] {
  const raw: Array<{ data: string; generated: boolean }> = [];
  let sequence = 0;
  const push = (type: string, body: Record<string, unknown>, generated = false) => {
    const data = JSON.stringify({ type, sequence_number: sequence++, ...body });
    raw.push({ data: `event: ${type}\ndata: ${data}\n\n`, generated });
  };

  push('response.created', { response: responseObject(plan, 'in_progress') });
  push('response.in_progress', { response: responseObject(plan, 'in_progress') });
  const { planned } = plan;
  if (planned.toolCalls.length === 0) {
    const at = { item_id: plan.messageId, output_index: 0, content_index: 0 };
    const text = planned.contentPieces.join('');
    push('response.output_item.added', {
      output_index: 0,
      item: messageItem(plan, 'in_progress', []),
    });
    push('response.content_part.added', { ...at, part: outputTextPart('') });
    for (const delta of planned.contentPieces) {
      push('response.output_text.delta', { ...at, delta, logprobs: [] }, true);
    }
    push('response.output_text.done', { ...at, text, logprobs: [] });
    push('response.content_part.done', { ...at, part: outputTextPart(text) });
    push('response.output_item.done', {
      output_index: 0,
      item: messageItem(plan, finalStatus(plan), [outputTextPart(text)]),
    });
  }
  planned.toolCalls.forEach((call, index) => {
    const at = { item_id: plan.callItemIds[index], output_index: index };
    push(
      'response.output_item.added',
      { output_index: index, item: functionCallItem(plan, index, 'in_progress') },
      true,
    );
    for (const delta of split(call.arguments)) {
      push('response.function_call_arguments.delta', { ...at, delta }, true);
    }
    push('response.function_call_arguments.done', {
      ...at,
      name: call.name,
      arguments: call.arguments,
    });
    push('response.output_item.done', {
      output_index: index,
      item: functionCallItem(plan, index, 'completed'),
    });
  });
  const closing = finalStatus(plan) === 'completed' ? 'response.completed' : 'response.incomplete';
  push(closing, { response: responseObject(plan, 'final') });

  const lastGenerated = raw.findLastIndex((event) => event.generated);
  return raw.map((event, index) => ({
    data: event.data,
    generated: event.generated,
    final: index > lastGenerated,
  }));
}
