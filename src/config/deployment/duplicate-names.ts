import type { DraftIssue, Locator } from '../yaml/index.js';
import { isRecord } from '../yaml/index.js';

/**
 * A list item whose `name` an earlier item already uses, pointing at its first use. Names
 * refer to things (providers, arms, alerts), so two of a kind would be ambiguous.
 */
export function duplicateNames(
  list: unknown,
  at: readonly PropertyKey[],
  locate: Locator,
): DraftIssue[] {
  if (!Array.isArray(list)) return [];
  const firstUse = new Map<string, number>();
  const issues: DraftIssue[] = [];
  list.forEach((item: unknown, index) => {
    if (!isRecord(item) || typeof item.name !== 'string') return;
    const first = firstUse.get(item.name);
    if (first === undefined) {
      firstUse.set(item.name, index);
      return;
    }
    const { line } = locate([...at, first, 'name']);
    issues.push({
      path: [...at, index, 'name'],
      anchor: 'value',
      message: `duplicate name "${item.name}"`,
      fix: `names must be unique: first used at line ${line}`,
    });
  });
  return issues;
}
