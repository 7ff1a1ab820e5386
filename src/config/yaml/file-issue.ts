/** One problem in a YAML file; line and column are 1-based. */
export interface FileIssue {
  file: string;
  line: number;
  column: number;
  /** Field path such as `requests[3].expect.path`; empty for the whole file. */
  path: string;
  message: string;
  fix?: string;
}

/**
 * One line per issue, in the `file:line:column` form terminals and editors turn into links.
 *
 * @example
 * formatFileIssue(issue);
 * // 'scenarios/x.yaml:12:13 requests[3].expect.path: invalid value "simpel" (fix: did you mean "simple"?)'
 */
export function formatFileIssue(issue: FileIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  const what = issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
  return issue.fix === undefined ? `${where} ${what}` : `${where} ${what} (fix: ${issue.fix})`;
}

/** Issues in reading order: by line, then column. */
export function sortIssues<T extends { line: number; column: number }>(issues: readonly T[]): T[] {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
}
