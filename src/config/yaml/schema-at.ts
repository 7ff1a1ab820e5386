import { z } from 'zod';

/** The schema inside wrappers that do not change what a value looks like in the file. */
function unwrap(schema: z.ZodType): z.ZodType {
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault ||
    schema instanceof z.ZodNullable
  ) {
    return unwrap(schema.unwrap() as z.ZodType);
  }
  // A transform keeps the shape of its input, which is what a file is written in.
  if (schema instanceof z.ZodPipe) return unwrap(schema.in as z.ZodType);
  return schema;
}

/**
 * The schema that governs the value at `path`, so hints can list its keys or values; undefined
 * when the path leads nowhere the schema knows.
 */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(root);
  for (const segment of path) {
    if (current instanceof z.ZodUnion) {
      const options = current.options as z.ZodType[];
      const wanted = typeof segment === 'number' ? [z.ZodArray] : [z.ZodObject, z.ZodRecord];
      current = options.map(unwrap).find((option) => wanted.some((kind) => option instanceof kind));
    }
    if (current instanceof z.ZodObject && typeof segment === 'string') {
      const next = (current.shape as Record<string, z.ZodType | undefined>)[segment];
      current = next === undefined ? undefined : unwrap(next);
    } else if (current instanceof z.ZodRecord && typeof segment === 'string') {
      current = unwrap(current.valueType as z.ZodType);
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
  if (schema instanceof z.ZodLiteral) return [...schema.values].map(String).join(' | ');
  if (schema instanceof z.ZodObject) return `a mapping with ${keysOf(schema).join(', ')}`;
  if (schema instanceof z.ZodRecord) return 'a mapping';
  if (schema instanceof z.ZodArray) return 'a list';
  if (schema instanceof z.ZodString) return 'a string';
  if (schema instanceof z.ZodBoolean) return 'true or false';
  if (schema instanceof z.ZodNumber) return schema.format === 'safeint' ? 'an integer' : 'a number';
  if (schema instanceof z.ZodUnion) {
    const parts = (schema.options as z.ZodType[]).map((option) => expectedText(unwrap(option)));
    return parts.every((part) => part !== undefined) ? parts.join(' or ') : undefined;
  }
  return undefined;
}
