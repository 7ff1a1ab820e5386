import { UsageError } from './cli-error.js';

/** Parses a whole, non-negative (or positive) integer flag, naming the flag when it is not one. */
export function integerFlag(flag: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
      throw new UsageError(`${flag} must be a whole number ≥ ${min}; got "${value}".`);
    }
    return n;
  };
}

/** Parses a positive number flag (a factor, a rate), naming the flag when it is not one. */
export function positiveNumberFlag(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n <= 0) {
      throw new UsageError(`${flag} must be a number > 0; got "${value}".`);
    }
    return n;
  };
}

/** Parses a flag that takes one of a fixed set of values. */
export function choiceFlag<T extends string>(flag: string, choices: readonly T[]) {
  return (value: string): T => {
    if (!(choices as readonly string[]).includes(value)) {
      throw new UsageError(`${flag} must be one of ${choices.join(', ')}; got "${value}".`);
    }
    return value as T;
  };
}
