// The k-th smallest of the n·m differences b[j] − a[i] of two sorted samples, by bisection over
// the doubles in their total order: at most 64 halvings, each counting the differences ≤ t in
// O(n + m) with two pointers. The count uses the same floating-point subtraction as the
// differences themselves, and it only steps at those values, so the smallest double t whose
// count reaches k + 1 is exactly one of the differences.

const float = new Float64Array(1);
const bits = new BigInt64Array(float.buffer);
const SIGN = 1n << 63n;

/** Maps doubles to integers in the same order (−0 and +0 both to 0). */
function toKey(x: number): bigint {
  float[0] = x;
  const b = bits[0] as bigint;
  return b >= 0n ? b : -(b + SIGN);
}

function fromKey(key: bigint): number {
  bits[0] = key >= 0n ? key : -key - SIGN;
  return float[0] as number;
}

/** How many differences b[j] − a[i] are ≤ t; a and b ascending. */
function countAtMost(a: Float64Array, b: Float64Array, t: number): number {
  // For each b[j] the a[i] with b[j] − a[i] ≤ t form a suffix of a, which only shrinks as
  // b[j] grows: one pointer walks a once.
  let i = 0;
  let count = 0;
  for (const value of b) {
    while (i < a.length && value - (a[i] as number) > t) i++;
    count += a.length - i;
  }
  return count;
}

/** The k-th smallest (0-based) of the differences b[j] − a[i]; a and b sorted ascending. */
export function kthPairwiseDifference(a: Float64Array, b: Float64Array, k: number): number {
  const smallest = (b[0] as number) - (a[a.length - 1] as number);
  const largest = (b[b.length - 1] as number) - (a[0] as number);
  // Invariant: count(fromKey(low)) ≤ k < count(fromKey(high)).
  let low = toKey(smallest) - 1n;
  let high = toKey(largest);
  while (high - low > 1n) {
    const middle = (low + high) / 2n;
    if (countAtMost(a, b, fromKey(middle)) > k) high = middle;
    else low = middle;
  }
  return fromKey(high);
}
