import type { StreamEvent } from '../openai/stream-events.js';
import { DIRECT_CALLER, usageOf } from './message-json.js';
import type { PlannedMessage } from './plan-message.js';

// Recorded verbatim: unlike every other event, the ping's JSON has a space after the colon.
const PING = 'event: ping\ndata: {"type": "ping"}\n\n';

/** One `event: <name>` / `data: <json>` pair, as the API frames it. */
function sse(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * The events of a streamed message, in the order of the recordings: `message_start` (usage with
 * the input count and 1 output token), then per content block a `content_block_start` (the first
 * followed by a `ping`), its deltas (`text_delta` per token; for `tool_use` an empty
 * `input_json_delta` and then the input JSON in about-one-token fragments) and a
 * `content_block_stop`; then `message_delta` (stop reason, final output count) and
 * `message_stop`.
 */
export function messageEvents(
  planned: PlannedMessage,
  split: (text: string) => readonly string[],
): StreamEvent[] {
  const events: StreamEvent[] = [];
  const push = (data: string, generated = false, final = false) =>
    events.push({ data, generated, final });

  push(
    sse('message_start', {
      type: 'message_start',
      message: {
        model: planned.model,
        id: planned.id,
        type: 'message',
        role: 'assistant',
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: usageOf(planned.inputTokens, 1),
      },
    }),
  );
  const blockStart = (index: number, block: unknown, generated: boolean) => {
    push(
      sse('content_block_start', { type: 'content_block_start', index, content_block: block }),
      generated,
    );
    if (index === 0) push(PING);
  };
  const delta = (index: number, body: unknown, generated = true) =>
    push(
      sse('content_block_delta', { type: 'content_block_delta', index, delta: body }),
      generated,
    );
  const blockCount = Math.max(1, planned.toolUses.length);
  const blockStop = (index: number) =>
    push(
      sse('content_block_stop', { type: 'content_block_stop', index }),
      false,
      index === blockCount - 1,
    );

  if (planned.toolUses.length === 0) {
    blockStart(0, { type: 'text', text: '' }, false);
    for (const text of planned.textPieces) delta(0, { type: 'text_delta', text });
    blockStop(0);
  }
  planned.toolUses.forEach((use, index) => {
    // The block start carries the tool's name: it is generated output, like a token.
    blockStart(
      index,
      { type: 'tool_use', id: use.id, name: use.name, input: {}, caller: DIRECT_CALLER },
      true,
    );
    delta(index, { type: 'input_json_delta', partial_json: '' }, false);
    for (const partial of split(use.json))
      delta(index, { type: 'input_json_delta', partial_json: partial });
    blockStop(index);
  });
  push(
    sse('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: planned.stopReason, stop_sequence: null },
      usage: {
        input_tokens: planned.inputTokens,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        output_tokens: planned.outputTokens,
      },
    }),
    false,
    true,
  );
  push(sse('message_stop', { type: 'message_stop' }), false, true);
  return events;
}
