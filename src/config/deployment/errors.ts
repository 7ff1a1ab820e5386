import { ConfigError } from '../../errors.js';
import { type DeploymentIssue, formatDeploymentIssue } from './deployment-issue.js';

/** Stable codes of {@link DeploymentError}; branch on these, never on the message. */
export const DeploymentErrorCodes = {
  /** The file is not there. */
  notFound: 'HB_DEPLOYMENT_NOT_FOUND',
  /** The file exists but cannot be read (a directory, no permission, not UTF-8). */
  unreadable: 'HB_DEPLOYMENT_UNREADABLE',
  /** The file is not valid YAML. */
  syntax: 'HB_DEPLOYMENT_SYNTAX',
  /** The YAML or an `HB__` variable breaks the schema or a cross-field rule. */
  invalid: 'HB_DEPLOYMENT_INVALID',
  /** An experiment's overrides do not make a valid runtime config. */
  experimentInvalid: 'HB_DEPLOYMENT_EXPERIMENT_INVALID',
} as const;

export type DeploymentErrorCode = (typeof DeploymentErrorCodes)[keyof typeof DeploymentErrorCodes];

/** A deployment that cannot be used; `issues` lists every problem found, not just the first. */
export class DeploymentError extends ConfigError {
  declare readonly code: DeploymentErrorCode;
  /** The file, or what else was being read (`experiment nano-simple`). */
  readonly source: string;
  readonly issues: readonly DeploymentIssue[];

  constructor(
    code: DeploymentErrorCode,
    source: string,
    message: string,
    options: { issues?: readonly DeploymentIssue[]; cause?: unknown } = {},
  ) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.source = source;
    this.issues = options.issues ?? [];
  }

  /** The error for a file whose content has problems, listing each on its own line. */
  static fromIssues(
    code: DeploymentErrorCode,
    file: string,
    issues: readonly DeploymentIssue[],
  ): DeploymentError {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    const lines = issues.map((issue) => `  ${formatDeploymentIssue(issue)}`);
    return new DeploymentError(code, file, [`${file}: ${count}`, ...lines].join('\n'), { issues });
  }
}
