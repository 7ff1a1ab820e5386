import { FAULT_PROFILES, looksLikeProfileFile } from '../../mocks/faults/index.js';
import type { DraftIssue } from '../../src/config/yaml/index.js';
import { didYouMean } from '../../src/config/yaml/index.js';

/**
 * A fault profile named by a string must be a built-in one (or a file): a typo fails at load,
 * with a did-you-mean, rather than minutes into a run. An inline profile is checked by the schema.
 */
export function faultsCheck(data: Record<string, unknown>): DraftIssue[] {
  const { faults } = data;
  if (typeof faults !== 'string' || faults === '' || looksLikeProfileFile(faults)) return [];
  if (Object.hasOwn(FAULT_PROFILES, faults)) return [];
  const names = Object.keys(FAULT_PROFILES);
  const meant = didYouMean(faults, names);
  const list = names.join(' | ');
  const fix = meant
    ? `did you mean "${meant}"? built-in profiles: ${list}`
    : `use a built-in profile (${list}), a profile file (.yaml or .json), or write one here`;
  return [{ path: ['faults'], anchor: 'value', message: `unknown fault profile "${faults}"`, fix }];
}
