import { LineCounter, parseDocument } from 'yaml';
import type { DraftIssue, FileIssue, Locator } from '../../src/config/yaml/index.js';
import {
  createLocator,
  describeIssue,
  isRecord,
  placeIssues,
} from '../../src/config/yaml/index.js';
import { jsonSyntaxError } from './json-syntax-error.js';
import { type RecordedRequest, recordedRequestSchema } from './jsonl-schema.js';

/** One non-blank line of a JSONL file: its problems, and the request when it has none. */
export interface JsonlLine {
  line: number;
  /** The parsed JSON, or undefined when the line is not JSON. */
  data: unknown;
  issues: FileIssue[];
  /** A field path to its position, at this line of the file. */
  locate: Locator;
  request?: RecordedRequest;
}

export const JSONL_EXAMPLE = '{"messages": [{"role": "user", "content": "…"}]}';

const MISSING_FIXES: Readonly<Record<string, string>> = {
  messages: `add "messages": [{"role": "user", "content": "…"}]`,
  role: 'add "role": "user" or "assistant"',
  content: 'add "content": "…"',
};

// Only the shared wording's own phrases: a quoted value that says "a list" stays as written.
const jsonWords = (text: string) =>
  text
    .replace(/\b(expected|got|write|or) a mapping\b/g, '$1 an object')
    .replace(/\b(expected|got|write|or) a list\b/g, '$1 an array')
    .replace(/\bbe an empty list\b/g, 'be an empty array');

/** The shared wording speaks YAML (mapping, list, `add key:`); a JSON line reads better in JSON's. */
function inJsonWords(draft: DraftIssue, data: Record<string, unknown>): DraftIssue {
  const key = String(draft.path.at(-1));
  let fix = draft.fix === undefined ? undefined : jsonWords(draft.fix);
  if (draft.anchor === 'missing') fix = MISSING_FIXES[key] ?? `add "${key}"`;
  if (draft.path.length === 1 && key === 'messages' && typeof data.messages === 'string') {
    fix = `write [{"role": "user", "content": ${JSON.stringify(data.messages)}}]`;
  }
  const worded = { ...draft, message: jsonWords(draft.message) };
  return fix === undefined ? worded : { ...worded, fix };
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'string' ? 'a string' : String(value);
}

function notJson(text: string, line: number, file: string, error: unknown): FileIssue {
  const found = jsonSyntaxError(text);
  const reason = found?.message ?? (error instanceof Error ? error.message : String(error));
  const column = (found?.offset ?? 0) + 1;
  // At the very start the line is not JSON at all: show what a line looks like instead.
  const fix = column === 1 ? `write one JSON object per line: ${JSONL_EXAMPLE}` : found?.fix;
  const issue = { file, line, column, path: '', message: `not valid JSON: ${reason}` };
  return fix === undefined ? issue : { ...issue, fix };
}

function lastFromAssistant(data: Record<string, unknown>): DraftIssue[] {
  const { messages } = data;
  const last = Array.isArray(messages) ? messages.at(-1) : undefined;
  if (!Array.isArray(messages) || !isRecord(last) || last.role !== 'assistant') return [];
  return [
    {
      path: ['messages', messages.length - 1, 'role'],
      anchor: 'value',
      message: 'the last message must be from the user, not the assistant',
      fix: 'end the conversation at a user turn: that is what replay sends',
    },
  ];
}

/** Parses and validates one line of recorded traffic, collecting every problem it has. */
export function parseJsonlLine(text: string, line: number, file: string): JsonlLine {
  const lineCounter = new LineCounter();
  // JSON is YAML too: the YAML document maps a field path to its column within the line.
  const inLine = createLocator(parseDocument(text, { lineCounter }), lineCounter);
  const locate: Locator = (path, anchor) => ({ line, column: inLine(path, anchor).column });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error: unknown) {
    return { line, data: undefined, issues: [notJson(text, line, file, error)], locate };
  }
  if (!isRecord(data)) {
    const message = `each line must be a JSON object, not ${kindOf(data)}`;
    const issue = { file, line, column: 1, path: '', message, fix: JSONL_EXAMPLE };
    return { line, data, issues: [issue], locate };
  }
  const parsed = recordedRequestSchema.safeParse(data);
  const drafts = parsed.success
    ? []
    : parsed.error.issues.flatMap((issue) => describeIssue(issue, data, recordedRequestSchema));
  drafts.push(...lastFromAssistant(data));
  const issues = placeIssues(
    drafts.map((draft) => inJsonWords(draft, data)),
    file,
    locate,
  );
  if (!parsed.success || issues.length > 0) return { line, data, issues, locate };
  return { line, data, issues, locate, request: parsed.data };
}
