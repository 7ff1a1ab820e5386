import { assertPositiveInteger } from './assert-sample.js';

export interface PassHatK {
  /** Mean over the counted tasks of the chance that k trials drawn without replacement all pass. */
  value: number;
  /** Tasks counted. */
  tasks: number;
  /** Ids of tasks with fewer than k trials, left out. */
  skipped: string[];
}

/**
 * C(c, k)/C(n, k) as the product ∏ (c − i)/(n − i) over i < k: each factor is in [0, 1], so it
 * neither overflows for big n nor loses the small values (no factorials, no log-gamma needed).
 */
function allPass(n: number, c: number, k: number): number {
  let value = 1;
  for (let i = 0; i < k && value > 0; i++) value *= (c - i) / (n - i);
  return value;
}

/**
 * τ-bench's pass^k (Yao et al. 2024, arXiv 2406.12045; `display_metrics` in sierra-research/
 * tau-bench's run.py): for a task run n times with c successes, C(c, k)/C(n, k) is the chance
 * that k trials drawn from its n all succeeded — reliability, not "at least one of k" (pass@k).
 * The value is the mean over tasks. τ-bench runs every task the same number of times; here n
 * may differ per task, and tasks with n < k cannot say anything about k trials, so they are
 * skipped and listed. With no task left it throws a `RangeError`.
 * @example passHatK([{ id: 't1', n: 4, c: 3 }, { id: 't2', n: 4, c: 4 }], 2) // value 0.75
 */
export function passHatK(
  tasks: ReadonlyArray<{ id: string; n: number; c: number }>,
  k: number,
): PassHatK {
  assertPositiveInteger(k, 'passHatK', 'k');
  let sum = 0;
  let counted = 0;
  const skipped: string[] = [];
  for (const { id, n, c } of tasks) {
    if (!Number.isInteger(n) || n < 0 || !Number.isInteger(c) || c < 0 || c > n) {
      throw new RangeError(`passHatK: task ${id} needs integers 0 ≤ c ≤ n, got n=${n}, c=${c}`);
    }
    if (n < k) {
      skipped.push(id);
      continue;
    }
    sum += allPass(n, c, k);
    counted++;
  }
  if (counted === 0) {
    throw new RangeError(
      tasks.length === 0
        ? 'passHatK: no tasks'
        : `passHatK: no task has at least k=${k} trials (${skipped.length} skipped)`,
    );
  }
  return { value: sum / counted, tasks: counted, skipped };
}
