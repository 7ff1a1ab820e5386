import { ConfigError, type DeploymentIssue, formatDeploymentIssue } from '../../src/index.js';

export const DEPLOY_TARGET_INVALID = 'HB_DEPLOY_TARGET_INVALID';

/**
 * A deployment the runtime accepts but Kubernetes or `bench serve` would refuse once deployed
 * (a label Kubernetes rejects, a base URL the server refuses). Listed like the loader's issues.
 */
export class DeployTargetError extends ConfigError {
  readonly issues: readonly DeploymentIssue[];

  constructor(file: string, issues: readonly DeploymentIssue[]) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    const lines = issues.map((issue) => `  ${formatDeploymentIssue(issue)}`);
    super(
      DEPLOY_TARGET_INVALID,
      [`${file}: cannot render deployment artefacts, ${count}`, ...lines].join('\n'),
    );
    this.issues = issues;
  }
}
