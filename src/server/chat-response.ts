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
