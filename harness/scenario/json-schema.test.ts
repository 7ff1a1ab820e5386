import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SUITE_JSON_SCHEMA_PATH, suiteJsonSchema, suiteJsonSchemaText } from './json-schema.js';

const committed = new URL(`../../${SUITE_JSON_SCHEMA_PATH}`, import.meta.url);

describe('the published JSON Schema', () => {
  it('matches the zod schema (regenerate: npx tsx harness/scenario/write-json-schema.ts)', async () => {
    expect(await readFile(committed, 'utf8')).toBe(suiteJsonSchemaText());
  });

  it('leaves defaulted and optional fields optional, and rejects unknown keys', () => {
    const schema = suiteJsonSchema() as {
      required: string[];
      additionalProperties: boolean;
      properties: { requests: { items: { required: string[] } } };
    };
    expect(schema.required).toEqual(['suite', 'requests']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.requests.items.required).toEqual(['id', 'messages', 'expect']);
  });
});
