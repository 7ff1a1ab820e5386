import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectedText, schemaAt } from './schema-at.js';

const schema = z.strictObject({
  spec: z
    .strictObject({
      flags: z.record(z.string(), z.boolean()).default({}),
      size: z.union([z.string(), z.number()]).transform(String).optional(),
      items: z.array(z.strictObject({ name: z.literal('x') })).default([]),
    })
    .prefault({}),
});

describe('schemaAt', () => {
  it('walks through prefaults, defaults, records and lists', () => {
    expect(schemaAt(schema, ['spec', 'flags', 'anything'])).toBeInstanceOf(z.ZodBoolean);
    expect(expectedText(schemaAt(schema, ['spec', 'items', 0, 'name']))).toBe('x');
    expect(expectedText(schemaAt(schema, ['spec', 'size']))).toBe('a string or a number');
  });

  it('finds nothing where the schema has no field', () => {
    expect(schemaAt(schema, ['spec', 'nope'])).toBeUndefined();
    expect(schemaAt(schema, ['spec', 'items', 'first'])).toBeUndefined();
  });
});
