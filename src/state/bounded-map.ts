/**
 * A Map that holds at most `maxSize` entries, dropping the least recently used past that. Relies
 * on Map keeping insertion order: a read moves the key to the end, eviction takes from the front.
 */
export class BoundedMap<V> {
  readonly #entries = new Map<string, V>();
  readonly #maxSize: number;

  constructor(maxSize: number) {
    if (!Number.isSafeInteger(maxSize) || maxSize < 1)
      throw new RangeError(`BoundedMap: maxSize must be a positive integer, got ${maxSize}`);
    this.#maxSize = maxSize;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The value, marked as most recently used. */
  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.#maxSize) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }
}
