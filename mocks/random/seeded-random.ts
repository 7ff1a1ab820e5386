import { createHash } from 'node:crypto';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

/** A mutable stream of pseudo-random numbers, fully determined by the material it was made from. */
export interface Random {
  /** Uniform in [0, 1). */
  float(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** Standard normal sample (mean 0, sd 1). */
  normal(): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/**
 * Derives a generator from any list of parts by hashing them, so two calls that agree on every
 * part get the same numbers whatever the call order or concurrency.
 *
 * @example
 * const random = createSeededRandom([42, 'req-1', 'gpt-4o-mini', 3, 'latency']);
 * random.float(); // same value on every run
 */
export function createSeededRandom(parts: readonly (string | number)[]): Random {
  // NUL never appears in the parts we use, so joining on it cannot make two lists collide.
  const digest = createHash('sha256').update(parts.map(String).join('\u0000')).digest();
  const state: number[] = [0, 4, 8, 12].map((offset) => digest.readInt32BE(offset));
  // An all-zero state would make xoroshiro emit zeros forever.
  if (state.reduce((bits, word) => bits | word, 0) === 0) state[0] = 1;
  const rng = xoroshiro128plusFromState(state);
  return {
    float: () => uniformFloat64(rng),
    int: (min, max) => uniformInt(rng, min, max),
    normal() {
      // Box-Muller; 1 - u keeps the logarithm finite.
      const u = 1 - uniformFloat64(rng);
      const v = uniformFloat64(rng);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    pick<T>(items: readonly T[]): T {
      const item = items[uniformInt(rng, 0, items.length - 1)];
      if (item === undefined) throw new RangeError('pick() needs a non-empty list');
      return item;
    },
  };
}

/** Hex SHA-256 of a string: a short, stable stand-in for long request content. */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
