import type { FileIssue } from '../yaml/index.js';

/**
 * One problem of a deployment: in the file (with line and column), or in an `HB__…`
 * environment variable applied over it (named, since it has no line).
 */
export type DeploymentIssue =
  | ({ source: 'file' } & FileIssue)
  | { source: 'env'; variable: string; path: string; message: string; fix?: string };

/**
 * One line per issue: `file:line:column path: message (fix: …)`, or
 * `HB__spec__scaling__maxReplicas (from the environment): expected a number, got "many"`.
 */
export function formatDeploymentIssue(issue: DeploymentIssue): string {
  const fix = issue.fix === undefined ? '' : ` (fix: ${issue.fix})`;
  if (issue.source === 'env')
    return `${issue.variable} (from the environment): ${issue.message}${fix}`;
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  return issue.path === ''
    ? `${where} ${issue.message}${fix}`
    : `${where} ${issue.path}: ${issue.message}${fix}`;
}
