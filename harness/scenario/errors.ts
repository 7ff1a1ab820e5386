import { ConfigError } from '../../src/errors.js';
import { formatIssue } from './format-issue.js';
import type { SuiteIssue } from './types.js';

export const ScenarioErrorCodes = {
  invalid: 'HB_SCENARIO_INVALID',
  notFound: 'HB_SCENARIO_NOT_FOUND',
  unreadable: 'HB_SCENARIO_UNREADABLE',
} as const;

/** A suite file that does not validate; `issues` lists every problem, not just the first. */
export class SuiteValidationError extends ConfigError {
  readonly issues: SuiteIssue[];

  constructor(file: string, issues: SuiteIssue[]) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    const lines = issues.map((issue) => `  ${formatIssue(issue)}`);
    super(ScenarioErrorCodes.invalid, [`${file}: ${count}`, ...lines].join('\n'));
    this.issues = issues;
  }
}

/** The suite file is missing or cannot be read (a directory, no permission). */
export class SuiteFileError extends ConfigError {
  readonly file: string;

  constructor(
    code: (typeof ScenarioErrorCodes)['notFound' | 'unreadable'],
    file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
    this.file = file;
  }
}
