import { z } from 'zod';

function unwrap(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) {
    return unwrap(schema.unwrap() as z.ZodType);
  }
  return schema;
}

/** The schema that governs the value at `path`, so hints can list its keys or values. */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(root);
  for (const segment of path) {
    if (current instanceof z.ZodUnion) {
      const options = current.options as z.ZodType[];
      const wanted = typeof segment === 'number' ? z.ZodArray : z.ZodObject;
      current = options.map(unwrap).find((option) => option instanceof wanted);
    }
    if (current instanceof z.ZodObject && typeof segment === 'string') {
      const next = (current.shape as Record<string, z.ZodType | undefined>)[segment];
      current = next === undefined ? undefined : unwrap(next);
    } else if (current instanceof z.ZodArray && typeof segment === 'number') {
      current = unwrap(current.element as z.ZodType);
    } else {
      return undefined;
    }
  }
  return current;
}

/** The keys an object schema accepts, for "unknown key" hints. */
export function keysOf(schema: z.ZodType | undefined): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** What a value must look like, in words: `one of simple | complex | full`, `a list`, … */
export function expectedText(schema: z.ZodType | undefined): string | undefined {
  if (schema instanceof z.ZodEnum) return `one of ${schema.options.join(' | ')}`;
  if (schema instanceof z.ZodObject) return `a mapping with ${keysOf(schema).join(', ')}`;
  if (schema instanceof z.ZodArray) return 'a list';
  if (schema instanceof z.ZodString) return 'a string';
  if (schema instanceof z.ZodNumber) return schema.format === 'safeint' ? 'an integer' : 'a number';
  if (schema instanceof z.ZodUnion) {
    const parts = (schema.options as z.ZodType[]).map((option) => expectedText(unwrap(option)));
    return parts.every((part) => part !== undefined) ? parts.join(' or ') : undefined;
  }
  return undefined;
}
