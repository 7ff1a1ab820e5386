import type { ConversationMessage } from './answering-policy.js';

/** What the engine reads out of a conversation before deciding anything. */
export interface ConversationFacts {
  /** All user messages, joined by newlines. */
  userText: string;
  /** Texts of the system and developer messages, in order. */
  instructions: readonly string[];
  /** Tool results, most recent first; JSON where it parses, else the raw text. */
  toolResults: readonly unknown[];
  /** Every scalar field of every tool result as [key, value], most recent result first. */
  resultFields: readonly (readonly [string, string | number | boolean])[];
  /** Names of tools already called in this conversation. */
  called: ReadonlySet<string>;
}

function parseToolResult(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Depth-first, document order; a bare scalar result is filed under `result`. */
function flatten(
  value: unknown,
  key: string,
  into: (readonly [string, string | number | boolean])[],
): void {
  if (isScalar(value)) {
    into.push([key, value]);
  } else if (Array.isArray(value)) {
    for (const item of value) flatten(item, key, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [childKey, child] of Object.entries(value)) flatten(child, childKey, into);
  }
}

/** Reads the facts of {@link ConversationFacts} from the messages of one request. */
export function readConversation(messages: readonly ConversationMessage[]): ConversationFacts {
  const userTexts: string[] = [];
  const instructions: string[] = [];
  const toolResults: unknown[] = [];
  const called = new Set<string>();
  for (const message of messages) {
    if (message.role === 'user') userTexts.push(message.text);
    else if (message.role === 'system' || message.role === 'developer') {
      instructions.push(message.text);
    } else if (message.role === 'tool') toolResults.unshift(parseToolResult(message.text));
    for (const call of message.toolCalls) called.add(call.name);
  }
  const resultFields: (readonly [string, string | number | boolean])[] = [];
  for (const result of toolResults) flatten(result, 'result', resultFields);
  return { userText: userTexts.join('\n'), instructions, toolResults, resultFields, called };
}

/** Whitespace collapsed and cut at a word boundary to at most `maxChars` characters. */
export function summarize(text: string, maxChars = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.slice(0, maxChars - 3);
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > maxChars / 2 ? cut.slice(0, lastSpace) : cut}...`;
}
