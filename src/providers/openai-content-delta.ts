/** What a plain text chunk of a chat-completions stream carries that the provider reads. */
export interface ContentDelta {
  model: string;
  content: string;
}

// A JSON string's body with nothing to unescape: no quote, no backslash, no control character.
const PLAIN = '[^"\\\\\\u0000-\\u001f]*';

/**
 * The exact serialisation OpenAI sends for a chunk that only adds text to choice 0: fixed key
 * order, no escapes, with or without `service_tier`, `system_fingerprint`, `usage: null` and the
 * `obfuscation` padding of recent streams. Anything else (a role, tool calls, a finish reason,
 * usage, logprobs, an error, another server's key order) does not match.
 */
const CONTENT_CHUNK = new RegExp(
  `^\\{"id":"${PLAIN}","object":"chat\\.completion\\.chunk","created":(?:0|[1-9]\\d*),` +
    `"model":"(${PLAIN})"(?:,"service_tier":"${PLAIN}")?(?:,"system_fingerprint":"${PLAIN}")?,` +
    `"choices":\\[\\{"index":0,"delta":\\{"content":"(${PLAIN})"\\},"logprobs":null,"finish_reason":null\\}\\]` +
    `(?:,"usage":null)?(?:,"obfuscation":"${PLAIN}")?\\}$`,
);

/**
 * Reads a chunk that only adds text, by shape, without `JSON.parse`: about seven times faster
 * and with a fraction of the garbage, which matters because a streamed answer is mostly such
 * chunks (one per token). Returns undefined for every other chunk, which the caller parses; where it
 * returns a value, that value is what `JSON.parse` would have given (a match is valid JSON with
 * these fields and no others that the provider reads).
 */
export function readContentDelta(data: string): ContentDelta | undefined {
  const match = CONTENT_CHUNK.exec(data);
  if (!match) return undefined;
  return { model: match[1] as string, content: match[2] as string };
}
