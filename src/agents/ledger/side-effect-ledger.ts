/** A recorded side effect: the first result for its key, and whether this call repeated it. */
export interface LedgerEntry<T> {
  value: T;
  /** True when an earlier call (in this process or another) already recorded the key. */
  repeated: boolean;
}

/**
 * Makes tools with side effects (refunds, tickets) idempotent: the first call for a key records
 * its result, and every later call for that key — a retried tool call, a redelivered agent
 * message, a second worker taking over — gets that result back and does nothing.
 *
 * Writing the record is the side effect: `create` must only build the record (a pure function of
 * the key's inputs). A tool that calls an outside system should pass the key on as that system's
 * idempotency key, since no ledger can undo a call made before a crash.
 */
export interface SideEffectLedger {
  once<T>(key: string, create: () => T): Promise<LedgerEntry<T>>;
  /** Releases the ledger's resources; safe to call twice. */
  close(): Promise<void>;
}

export interface MemoryLedgerOptions {
  /** Past this many entries the oldest are forgotten. Default 10,000. */
  maxEntries?: number;
}

/**
 * A ledger for one process (the default): entries are JSON copies, as a shared ledger would read
 * them back, so memory and Redis behave the same.
 */
export function createMemoryLedger(options: MemoryLedgerOptions = {}): SideEffectLedger {
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, string>();
  return {
    async once<T>(key: string, create: () => T): Promise<LedgerEntry<T>> {
      const stored = entries.get(key);
      if (stored !== undefined) return { value: JSON.parse(stored) as T, repeated: true };
      const json = toJson(key, create());
      entries.set(key, json);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      return { value: JSON.parse(json) as T, repeated: false };
    },
    close: () => Promise.resolve(),
  };
}

export function toJson(key: string, value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined)
    throw new TypeError(`The side effect recorded under "${key}" is not JSON (undefined).`);
  return json;
}
