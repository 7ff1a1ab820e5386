/**
 * Runs `worker` over `items` with at most `concurrency` in flight, in order of the list.
 * Stops taking new items once `signal` aborts; items already started finish (their own signals
 * end them). Results keep the items' order; skipped items are `undefined`.
 */
export async function runPool<T, R>(
  items: readonly T[],
  concurrency: number,
  worker: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<Array<R | undefined>> {
  const results: Array<R | undefined> = new Array(items.length).fill(undefined);
  let next = 0;
  async function lane(): Promise<void> {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      results[index] = await worker(items[index] as T, index);
    }
  }
  const lanes = Math.max(1, Math.min(concurrency, items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  return results;
}
