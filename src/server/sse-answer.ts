import type { ServerResponse } from 'node:http';
import type { BridgeResult } from '../bridge/bridge-types.js';
import { textChunks } from './chat-response.js';

/** What served a request, on the headers of a plain answer or the last chunk of a stream. */
export function servedHeaders(result: BridgeResult): Record<string, string> {
  return {
    'x-bench-served-by': result.servedBy,
    'x-bench-path': result.route?.path ?? result.servedBy,
    'x-bench-cost-usd': result.costUsd.toFixed(8),
  };
}

/**
 * A `chat.completion.chunk` stream written while the bridge works. Text is forwarded as it
 * arrives from one backend attempt — the first to produce any — and other attempts (a hedged
 * twin, a retry) are ignored while it streams. When the result is in, the client gets whatever
 * of the answer it has not seen; if what it saw is not the start of the answer (a retry or a
 * degraded tier answered differently), the stream ends with an error event instead, since
 * text already sent cannot be taken back.
 */
export class SseAnswer {
  readonly #response: ServerResponse;
  readonly #base: { id: string; object: 'chat.completion.chunk'; created: number; model: string };
  /** A text chunk's event is these two around the JSON string of its text. */
  readonly #textEvent: { before: string; after: string };
  readonly #onRelayed: ((latencyMs: number) => void) | undefined;
  #leader: object | undefined;
  #sent = '';
  #started = false;
  /** Events written in this turn of the event loop, not yet handed to the response. */
  #pending = '';
  #flushDue = false;
  /** When the first text of the writes now held back arrived (undefined: none is text). */
  #textSinceMs: number | undefined;

  /** @param onRelayed Told, per write of streamed text, how long its first text waited. */
  constructor(
    response: ServerResponse,
    id: string,
    model: string,
    onRelayed?: (latencyMs: number) => void,
  ) {
    this.#response = response;
    this.#onRelayed = onRelayed;
    this.#base = {
      id,
      object: 'chat.completion.chunk',
      created: Math.floor(Date.now() / 1000),
      model,
    };
    const [before, after] = `data: ${JSON.stringify({
      ...this.#base,
      choices: [{ index: 0, delta: { content: '\u0000' }, finish_reason: null }],
    })}\n\n`.split('"\\u0000"') as [string, string];
    this.#textEvent = { before, after };
  }

  get started(): boolean {
    return this.#started;
  }

  /** The bridge's answer listener (`BridgeRunOptions.onAnswerText`). */
  readonly onText = (delta: string, attempt: object): void => {
    this.#leader ??= attempt;
    if (attempt !== this.#leader || this.#response.destroyed) return;
    if (this.#onRelayed && this.#textSinceMs === undefined) this.#textSinceMs = performance.now();
    this.#start({});
    this.#sent += delta;
    this.#write(this.#textFrame(delta));
  };

  /** Ends the stream with the rest of the answer, the finish chunk, usage if asked, `[DONE]`. */
  finish(result: BridgeResult, includeUsage: boolean): void {
    if (!result.text.startsWith(this.#sent)) {
      this.fail('The answer changed after it began streaming (a retry or fallback answered).');
      return;
    }
    const served = servedHeaders(result);
    this.#start(served);
    const rest = result.text.slice(this.#sent.length);
    if (rest !== '') for (const content of textChunks(rest)) this.#write(this.#textFrame(content));
    this.#event({
      ...this.#base,
      choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
      hybrid_bench: served,
    });
    if (includeUsage) {
      this.#event({
        ...this.#base,
        choices: [],
        usage: {
          prompt_tokens: result.inputTokens,
          completion_tokens: result.outputTokens,
          total_tokens: result.inputTokens + result.outputTokens,
        },
      });
    }
    this.#end('data: [DONE]\n\n');
  }

  /** Ends a started stream with an OpenAI-shaped error event (the status is already 200). */
  fail(message: string): void {
    this.#event({
      error: { message, type: 'server_error', param: null, code: 'stream_interrupted' },
    });
    this.#end('');
  }

  #start(headers: Record<string, string>): void {
    if (this.#started) return;
    this.#started = true;
    this.#response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      ...headers,
    });
    this.#chunk({ role: 'assistant', content: '' }, null);
  }

  #chunk(delta: Record<string, string>, finishReason: string | null): void {
    this.#event({ ...this.#base, choices: [{ index: 0, delta, finish_reason: finishReason }] });
  }

  #textFrame(content: string): string {
    return this.#textEvent.before + JSON.stringify(content) + this.#textEvent.after;
  }

  #event(value: unknown): void {
    this.#write(`data: ${JSON.stringify(value)}\n\n`);
  }

  /**
   * Events written in one turn of the event loop leave in one write: the deltas of one network
   * chunk from the backend (often many) become one chunk of the response and one syscall, not
   * one each (a chunked response's every write is three buffers of its own), and none waits
   * longer than the turn it was written in.
   */
  #write(event: string): void {
    this.#pending += event;
    if (this.#flushDue) return;
    this.#flushDue = true;
    process.nextTick(this.#flush);
  }

  readonly #flush = (): void => {
    this.#flushDue = false;
    if (this.#pending === '' || this.#response.writableEnded) return;
    this.#relayed();
    const events = this.#pending;
    this.#pending = '';
    this.#response.write(events);
  };

  /** The last write: what is held back, then `last`, and the end of the response. */
  #end(last: string): void {
    this.#relayed();
    const events = this.#pending + last;
    this.#pending = '';
    this.#response.end(events);
  }

  #relayed(): void {
    if (this.#textSinceMs === undefined) return;
    // Up to the write call: the syscall after it is what any proxy relaying the chunk pays.
    this.#onRelayed?.(performance.now() - this.#textSinceMs);
    this.#textSinceMs = undefined;
  }
}
