/**
 * Input checks shared by the statistics: a bad input is a bug in the caller, so it throws a
 * `RangeError` naming the function and the problem rather than letting a NaN reach a report.
 */
export function assertSample(values: readonly number[], where: string, name = 'sample'): void {
  if (values.length === 0) throw new RangeError(`${where}: ${name} is empty`);
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) throw new RangeError(`${where}: ${name}[${i}] is NaN`);
  }
}

/** Every value finite (no NaN, no ±Infinity): needed wherever values are subtracted. */
export function assertFiniteSample(
  values: readonly number[],
  where: string,
  name = 'sample',
): void {
  if (values.length === 0) throw new RangeError(`${where}: ${name} is empty`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new RangeError(`${where}: ${name}[${i}] is not finite (${values[i]})`);
    }
  }
}

export function assertConfidence(confidence: number, where: string): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`${where}: confidence must be in (0, 1), got ${confidence}`);
  }
}

export function assertPositiveInteger(value: number, where: string, name: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${where}: ${name} must be a positive integer, got ${value}`);
  }
}

/** An integer seed (pure-rand keeps its low 32 bits); a fraction would be silently truncated. */
export function assertSeed(seed: number, where: string): void {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`${where}: seed must be an integer, got ${seed}`);
  }
}
