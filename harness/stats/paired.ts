import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** Values of two runs matched by key (a request id): only keys present in both are kept. */
export function pairUp<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
): Array<readonly [T, T]> {
  const byKey = new Map(before.map((item) => [key(item), item]));
  const pairs: Array<readonly [T, T]> = [];
  for (const item of after) {
    const match = byKey.get(key(item));
    if (match !== undefined) pairs.push([match, item]);
  }
  return pairs;
}

/**
 * A paired sign-flip permutation test of the mean difference: under "no change" each pair's
 * difference is as likely positive as negative, so flipping signs at random gives the null
 * distribution. One-sided `greater` asks whether `after` tends to be larger. The p-value carries
 * the +1 correction, so it is never 0. Deterministic by seed.
 */
export function signFlipTest(
  differences: readonly number[],
  options: { seed: number; permutations?: number; alternative?: 'greater' | 'less' | 'two-sided' },
): { observed: number; pValue: number } {
  if (differences.length === 0) throw new RangeError('signFlipTest needs at least one pair');
  const permutations = options.permutations ?? 5_000;
  const alternative = options.alternative ?? 'greater';
  const n = differences.length;
  const observed = differences.reduce((s, d) => s + d, 0) / n;
  const rng = xoroshiro128plus(options.seed);
  let extreme = 0;
  for (let p = 0; p < permutations; p++) {
    let sum = 0;
    for (const d of differences) sum += uniformInt(rng, 0, 1) === 0 ? d : -d;
    const mean = sum / n;
    const hit =
      alternative === 'greater'
        ? mean >= observed
        : alternative === 'less'
          ? mean <= observed
          : Math.abs(mean) >= Math.abs(observed);
    if (hit) extreme++;
  }
  return { observed, pValue: (extreme + 1) / (permutations + 1) };
}
