import { formatFileIssue } from '../../src/config/yaml/index.js';
import type { SuiteIssue } from './types.js';

/**
 * One line per issue, in the `file:line:column` form terminals and editors turn into links.
 * @example
 * formatIssue(issue)
 * // 'scenarios/x.yaml:12:13 requests[3].expect.path: invalid value "simpel" (fix: did you mean "simple"?)'
 */
export function formatIssue(issue: SuiteIssue): string {
  return formatFileIssue(issue);
}
