import { K6SummaryError } from './k6-errors.js';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a value is, for "expected …, got …" messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** A field's path: `metrics` + `http_reqs` → `metrics.http_reqs`; odd keys are quoted. */
export function fieldPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const plain = /^[A-Za-z_$][\w$]*$/.test(key);
  const part = plain ? key : JSON.stringify(key);
  if (parent === '') return part;
  return plain ? `${parent}.${part}` : `${parent}[${part}]`;
}

/** Reads typed fields from parsed JSON, failing with the file, the field path and what was expected. */
export class JsonFields {
  constructor(readonly file: string) {}

  fail(field: string, problem: string): never {
    throw new K6SummaryError(this.file, field, problem);
  }

  object(value: unknown, field: string, what = 'an object'): JsonObject {
    if (!isJsonObject(value)) this.fail(field, `expected ${what}, got ${describeValue(value)}`);
    return value;
  }

  array(value: unknown, field: string, what = 'an array'): unknown[] {
    if (!Array.isArray(value)) this.fail(field, `expected ${what}, got ${describeValue(value)}`);
    return value;
  }

  string(value: unknown, field: string): string {
    if (typeof value !== 'string')
      this.fail(field, `expected a string, got ${describeValue(value)}`);
    return value;
  }

  number(value: unknown, field: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value))
      this.fail(field, `expected a number, got ${describeValue(value)}`);
    return value;
  }

  boolean(value: unknown, field: string): boolean {
    if (typeof value !== 'boolean')
      this.fail(field, `expected true or false, got ${describeValue(value)}`);
    return value;
  }

  /** The numeric entries of a values object; any other entry is an error. */
  numbers(value: JsonObject, field: string, skip: readonly string[] = []): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (skip.includes(key)) continue;
      out[key] = this.number(entry, fieldPath(field, key));
    }
    return out;
  }
}
