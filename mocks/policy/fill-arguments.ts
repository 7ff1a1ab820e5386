import { type ConversationFacts, summarize } from './conversation-facts.js';

/** A required parameter the conversation does not supply yet. */
export interface MissingParameter {
  name: string;
  description?: string;
}

/** Arguments for one tool, or the first required parameter that could not be found. */
export type FillResult =
  | { state: 'filled'; arguments: Record<string, unknown> }
  | { state: 'missing'; parameter: MissingParameter };

interface PropertySchema {
  type?: unknown;
  pattern?: unknown;
  format?: unknown;
  enum?: unknown;
  default?: unknown;
  description?: unknown;
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const NUMBER = /-?\d+(?:\.\d+)?/;
const SUMMARY_NAMES = new Set(['reason', 'summary', 'query', 'description', 'issue']);

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The schema's pattern without its anchors, or undefined when absent or not a valid regex. */
function unanchored(pattern: unknown): RegExp | undefined {
  if (typeof pattern !== 'string') return undefined;
  try {
    return new RegExp(pattern.replace(/^\^/, '').replace(/\$$/, ''));
  } catch {
    return undefined;
  }
}

function isNumeric(schema: PropertySchema): boolean {
  return schema.type === 'number' || schema.type === 'integer';
}

/** Whether a value taken from a tool result is something this property accepts. */
function accepts(schema: PropertySchema, value: string | number | boolean): boolean {
  if (Array.isArray(schema.enum)) return schema.enum.includes(value);
  if (isNumeric(schema)) return typeof value === 'number';
  if (schema.type === 'boolean') return typeof value === 'boolean';
  if (typeof value !== 'string') return false;
  return typeof schema.pattern !== 'string' || (unanchored(schema.pattern)?.test(value) ?? true);
}

function enumChoice(options: unknown[], schema: PropertySchema, text: string, required: boolean) {
  const lower = text.toLowerCase();
  const mentioned = options.find(
    (option) =>
      typeof option === 'string' &&
      option
        .toLowerCase()
        .split('_')
        .every((word) => new RegExp(`\\b${word.replace(/\W/g, '')}\\b`).test(lower)),
  );
  if (mentioned !== undefined) return mentioned;
  if (schema.default !== undefined) return schema.default;
  return required ? options[0] : undefined;
}

/** The rules of the policy spec, in order; undefined when nothing fits. */
function findValue(
  name: string,
  schema: PropertySchema,
  required: boolean,
  facts: ConversationFacts,
) {
  const fromResults = facts.resultFields.find(
    ([key, value]) => key === name && accepts(schema, value),
  );
  if (fromResults) return fromResults[1];
  const text = facts.userText;
  const pattern = unanchored(schema.pattern);
  // A pattern-bound value found nowhere stays missing: any later rule would break the pattern.
  if (pattern) return pattern.exec(text)?.[0];
  if (schema.format === 'email' || name.toLowerCase().includes('email'))
    return EMAIL.exec(text)?.[0];
  if (Array.isArray(schema.enum)) return enumChoice(schema.enum, schema, text, required);
  const stringLike = schema.type === 'string' || schema.type === undefined;
  if (stringLike && SUMMARY_NAMES.has(name) && text.trim() !== '') return summarize(text);
  if (isNumeric(schema)) {
    const found = NUMBER.exec(text)?.[0];
    if (found === undefined) return undefined;
    return schema.type === 'integer' ? Number.parseInt(found, 10) : Number.parseFloat(found);
  }
  return undefined;
}

/**
 * Fills a tool's arguments from its JSON schema and the conversation: required properties must
 * fill, optional ones are included when found.
 */
export function fillArguments(parameters: unknown, facts: ConversationFacts): FillResult {
  const root = asRecord(parameters);
  const properties = asRecord(root.properties);
  const required = new Set(Array.isArray(root.required) ? root.required : []);
  const filled: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(properties)) {
    const schema = asRecord(raw) as PropertySchema;
    const isRequired = required.has(name);
    const value = findValue(name, schema, isRequired, facts);
    if (value !== undefined) filled[name] = value;
    else if (isRequired) {
      const description = typeof schema.description === 'string' ? schema.description : undefined;
      return { state: 'missing', parameter: description ? { name, description } : { name } };
    }
  }
  return { state: 'filled', arguments: filled };
}
