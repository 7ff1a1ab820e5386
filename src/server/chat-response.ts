import type { BridgeResult } from '../bridge/bridge-types.js';

const created = () => Math.floor(Date.now() / 1000);

function usageOf(result: BridgeResult) {
  return {
    prompt_tokens: result.inputTokens,
    completion_tokens: result.outputTokens,
    total_tokens: result.inputTokens + result.outputTokens,
  };
}

/** A finished bridge result as an OpenAI `chat.completion`. */
export function chatCompletion(id: string, model: string, result: BridgeResult) {
  return {
    id,
    object: 'chat.completion',
    created: created(),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: result.text, refusal: null },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: usageOf(result),
    system_fingerprint: `hb-${result.servedBy}`,
  };
}

/** Splits an answer into chunks of a few words each, as a model streams them. */
export function textChunks(text: string, wordsPerChunk = 4): string[] {
  const words = text.split(/(?<=\s)/);
  const chunks: string[] = [];
  for (let i = 0; i < words.length; i += wordsPerChunk)
    chunks.push(words.slice(i, i + wordsPerChunk).join(''));
  return chunks.length > 0 ? chunks : [''];
}

/** The SSE events of a `chat.completion.chunk` stream for a result, `[DONE]` last. */
export function chatCompletionEvents(
  id: string,
  model: string,
  result: BridgeResult,
  includeUsage: boolean,
): string[] {
  const base = { id, object: 'chat.completion.chunk', created: created(), model };
  const event = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;
  const events = [
    event({
      ...base,
      choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
    }),
    ...textChunks(result.text).map((content) =>
      event({ ...base, choices: [{ index: 0, delta: { content }, finish_reason: null }] }),
    ),
    event({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }),
  ];
  if (includeUsage) events.push(event({ ...base, choices: [], usage: usageOf(result) }));
  events.push('data: [DONE]\n\n');
  return events;
}
