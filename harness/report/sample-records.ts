/** At most this many requests are listed one by one in the HTML page. */
export const MAX_LISTED_REQUESTS = 1_000;

/**
 * The requests a page lists when there are too many to list all: every failure first (up to
 * half the room), then an even spread of the rest, in run order. Deterministic, so the same
 * report always renders the same page.
 */
export function sampleRecords<T extends { success: boolean }>(
  records: readonly T[],
  max = MAX_LISTED_REQUESTS,
): T[] {
  if (records.length <= max) return [...records];
  const failures = records.filter((r) => !r.success).slice(0, Math.floor(max / 2));
  const kept = new Set<T>(failures);
  const rest = records.filter((r) => !kept.has(r));
  const room = max - kept.size;
  const step = rest.length / room;
  for (let i = 0; i < room; i++) {
    const pick = rest[Math.floor(i * step)];
    if (pick) kept.add(pick);
  }
  return records.filter((r) => kept.has(r));
}
