import { z } from 'zod';
import { k6DurationSchema } from './load-schema.js';
import { suiteSchema } from './schema.js';

/** Where the published schema lives, relative to the repository root. */
export const SUITE_JSON_SCHEMA_PATH = 'schemas/scenario.schema.json';

/**
 * The suite schema as JSON Schema, for editor completion (`# yaml-language-server: $schema=…`).
 * Input mode: fields with defaults are optional, as they are when writing a file.
 */
export function suiteJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(suiteSchema, {
    io: 'input',
    target: 'draft-2020-12',
    override: ({ zodSchema, jsonSchema }) => {
      // Durations: a string in k6 form; the number branch only serves a better error message.
      if (zodSchema === k6DurationSchema) delete jsonSchema.anyOf;
    },
  });
}

/** The exact text of the committed file, so a test can tell when it is stale. */
export function suiteJsonSchemaText(): string {
  return `${JSON.stringify(suiteJsonSchema(), null, 2)}\n`;
}
