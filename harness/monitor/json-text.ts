/**
 * JSON text laid out the way the project's formatter (Biome) lays it out, so a rendered file
 * passes `npm run lint` as written: objects one member a line, arrays of plain values on one
 * line when they fit in the line width, any other array one element a line.
 */
const LINE_WIDTH = 100;
const INDENT = '  ';

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

function isPlain(value: Json): value is null | boolean | number | string {
  return value === null || typeof value !== 'object';
}

function print(value: Json, indent: string, prefix: string, suffix: string): string {
  if (isPlain(value)) return JSON.stringify(value);
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    const items = value as readonly Json[];
    if (items.length === 0) return '[]';
    if (items.every(isPlain)) {
      const flat = `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;
      if (indent.length + prefix.length + flat.length + suffix.length <= LINE_WIDTH) return flat;
    }
    const lines = items.map(
      (item, i) => `${inner}${print(item, inner, '', i < items.length - 1 ? ',' : '')}`,
    );
    return `[\n${lines.join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as { readonly [key: string]: Json });
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, item], i) => {
    const head = `${JSON.stringify(key)}: `;
    return `${inner}${head}${print(item, inner, head, i < entries.length - 1 ? ',' : '')}`;
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/** `value` as formatted JSON text with a final newline. */
export function jsonText(value: unknown): string {
  return `${print(JSON.parse(JSON.stringify(value)) as Json, '', '', '')}\n`;
}
