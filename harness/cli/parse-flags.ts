import { parseK6Duration } from '../scenario/k6-duration.js';
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

/** Parses a duration flag as k6 writes them (`30s`, `2m`, `1h30m`, `500ms`) to milliseconds. */
export function durationFlag(flag: string, options: { allowZero?: boolean } = {}) {
  return (value: string): number => {
    const ms = parseK6Duration(value.trim());
    if (ms === undefined || (ms === 0 && !options.allowZero))
      throw new UsageError(
        `${flag} must be a duration${options.allowZero ? '' : ' longer than 0'}, e.g. 30s, 2m or 1h30m; got "${value}".`,
      );
    return ms;
  };
}
