import { createHash } from 'node:crypto';

/** A short, stable id from its parts: the same inputs always give the same id. */
export function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 8).toUpperCase()}`;
}

/**
 * Side effects of the support tools (refunds, tickets), idempotent per conversation: a
 * repeated or redelivered call in the same conversation returns the first result and never
 * refunds twice. Bounded: past `maxEntries` the oldest entries are forgotten.
 */
export class SupportLedger {
  readonly #entries = new Map<string, unknown>();
  readonly #maxEntries: number;

  constructor(maxEntries = 10_000) {
    this.#maxEntries = maxEntries;
  }

  /** Runs `create` once per key; later calls get the stored result and `repeated: true`. */
  once<T>(key: string, create: () => T): { value: T; repeated: boolean } {
    if (this.#entries.has(key)) return { value: this.#entries.get(key) as T, repeated: true };
    const value = create();
    this.#entries.set(key, value);
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    return { value, repeated: false };
  }

  get size(): number {
    return this.#entries.size;
  }
}
