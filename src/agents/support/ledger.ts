import { createHash } from 'node:crypto';

/** A short, stable id from its parts: the same inputs always give the same id. */
export function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 8).toUpperCase()}`;
}
