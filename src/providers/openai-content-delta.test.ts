import { describe, expect, it } from 'vitest';
import { readContentDelta } from './openai-content-delta.js';

/** A text chunk as OpenAI serialises it, with the optional fields of each era. */
function chunk(
  content: string,
  extra: { tier?: boolean; fingerprint?: boolean; usage?: boolean; obfuscation?: boolean } = {},
): string {
  return (
    `{"id":"chatcmpl-7Qk2","object":"chat.completion.chunk","created":1795642501,"model":"gpt-4o-mini-2024-07-18"` +
    (extra.tier === false ? '' : ',"service_tier":"default"') +
    (extra.fingerprint === false ? '' : ',"system_fingerprint":"fp_0a1b2c"') +
    `,"choices":[{"index":0,"delta":{"content":${JSON.stringify(content)}},"logprobs":null,"finish_reason":null}]` +
    (extra.usage === false ? '' : ',"usage":null') +
    (extra.obfuscation ? ',"obfuscation":"Xy12"' : '') +
    '}'
  );
}

/** What the provider reads from a chunk through JSON.parse, when it is a plain text chunk. */
function parsedDelta(data: string): { model: string; content: string } | undefined {
  const parsed = JSON.parse(data);
  const [choice, ...others] = parsed.choices;
  const onlyText =
    others.length === 0 &&
    choice.index === 0 &&
    Object.keys(choice.delta).join() === 'content' &&
    choice.finish_reason === null &&
    choice.logprobs === null &&
    (parsed.usage ?? null) === null &&
    parsed.error === undefined;
  return onlyText ? { model: parsed.model, content: choice.delta.content } : undefined;
}

describe('readContentDelta', () => {
  it.each([
    ['a word', chunk(' shipping')],
    ['an empty text', chunk('')],
    ['text outside ASCII', chunk(' café ✓ 配送 🚚')],
    ['no service tier (2024 streams)', chunk('Hi', { tier: false, usage: false })],
    ['no fingerprint', chunk('Hi', { fingerprint: false })],
    ['obfuscation padding (2025 streams)', chunk('Hi', { obfuscation: true })],
  ])('reads %s as JSON.parse would', (_, data) => {
    const expected = parsedDelta(data);
    expect(expected).toBeDefined();
    expect(readContentDelta(data)).toEqual(expected);
  });

  it.each([
    ['a quote (escaped)', chunk('say "hi"')],
    ['a new line (escaped)', chunk('line\nline')],
    ['a backslash', chunk('C:\\path')],
    ['a unicode escape', chunk('x').replace('"content":"x"', '"content":"\\u00e9"')],
  ])('leaves text with %s to JSON.parse', (_, data) => {
    expect(readContentDelta(data)).toBeUndefined();
    expect(parsedDelta(data)).toBeDefined();
  });

  it.each([
    ['the role chunk', chunk('').replace('{"content":""}', '{"role":"assistant","content":""}')],
    ['a tool-call delta', chunk('').replace('{"content":""}', '{"tool_calls":[]}')],
    ['a finish reason', chunk('').replace('"finish_reason":null', '"finish_reason":"stop"')],
    ['logprobs', chunk('a').replace('"logprobs":null', '"logprobs":{"content":[]}')],
    ['usage', chunk('a').replace('"usage":null', '"usage":{"prompt_tokens":1}')],
    ['a second choice', chunk('a').replace('null}]', 'null},{"index":1,"delta":{}}]')],
    ['choice 1 alone', chunk('a').replace('"index":0', '"index":1')],
    ['an error', chunk('a').replace('"usage":null', '"error":{"message":"boom"}')],
    ['another key order', chunk('a').replace('"object":"chat.completion.chunk",', '') + ' '],
    ['spaces between tokens', chunk('a').replace('"index":0', '"index": 0')],
    ['a raw control character', chunk('a').replace('"content":"a"', '"content":"a\u0001"')],
    ['a leading-zero timestamp', chunk('a').replace('1795642501', '01795642501')],
    ['trailing text', `${chunk('a')}x`],
    ['a cut chunk', chunk('a').slice(0, -1)],
    ['another object type', chunk('a').replace('chat.completion.chunk', 'chat.completion')],
  ])('leaves %s to JSON.parse', (_, data) => {
    expect(readContentDelta(data)).toBeUndefined();
  });

  it('reads nothing JSON.parse would read differently, over many generated chunks', () => {
    const pieces = ['', 'a', ' the', '"', '\\', '\n', 'é', '🚚', '{', '}', ']', ',', ':', 'null'];
    let read = 0;
    for (const a of pieces)
      for (const b of pieces)
        for (const extra of [{}, { tier: false, usage: false }, { obfuscation: true }]) {
          const data = chunk(a + b, extra);
          const fast = readContentDelta(data);
          if (fast === undefined) continue;
          read++;
          expect(fast).toEqual(parsedDelta(data));
        }
    expect(read).toBeGreaterThan(300);
  });
});
