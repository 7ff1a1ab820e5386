/**
 * Counts the attempts of each request key, so a retry of the same call draws anew. Bounded: a
 * Map keeps insertion order, so re-inserting a key on every use makes the first key the least
 * recently seen, and it is forgotten once `maxKeys` is passed. A forgotten key starts again at
 * attempt 0, which only matters to a call retried after `maxKeys` other calls.
 */
export class AttemptCounter {
  readonly #counts = new Map<string, number>();
  readonly #maxKeys: number;

  constructor(maxKeys: number) {
    this.#maxKeys = Math.max(1, maxKeys);
  }

  /** The attempt number of this call (0 for the first), counting it. */
  next(key: string): number {
    const attempt = this.#counts.get(key) ?? 0;
    this.#counts.delete(key);
    this.#counts.set(key, attempt + 1);
    if (this.#counts.size > this.#maxKeys) {
      const oldest = this.#counts.keys().next();
      if (!oldest.done) this.#counts.delete(oldest.value);
    }
    return attempt;
  }

  /** Keys tracked right now. */
  get size(): number {
    return this.#counts.size;
  }
}
