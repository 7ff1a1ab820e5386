import { createHash } from 'node:crypto';
import { formatPath } from '../format-path.js';
import { resolveConfig } from '../resolve-config.js';
import type { BridgeConfig } from '../schema.js';
import type { DraftIssue, Locator } from '../yaml/index.js';
import { describeIssue, parseYaml, placeIssues } from '../yaml/index.js';
import { checkDeployment } from './check-deployment.js';
import { checkOverrides } from './check-overrides.js';
import { deepFreeze } from './deep-freeze.js';
import { CONTROL_ARM } from './defaults.js';
import type { DeploymentIssue } from './deployment-issue.js';
import { deploymentWording } from './deployment-wording.js';
import { applyEnvOverrides, type EnvOverride } from './env-overrides.js';
import { configForArm } from './experiments.js';
import { type Deployment, DeploymentSchema } from './schema.js';
import { toBridgeConfig } from './to-bridge-config.js';

const SHAPE_FIX =
  'a deployment is a mapping with apiVersion: hybrid-bench/v1, kind: AgentDeployment, metadata: { name, environment } and spec';

/** A validated deployment, frozen: requests in flight keep the snapshot they started with. */
export interface LoadedDeployment {
  readonly file: string;
  /** Hash of the resolved deployment, to tell snapshots apart in logs and metrics. */
  readonly revision: string;
  readonly deployment: Deployment;
  /** `spec.runtime` with the rate-limit rules and service retries mapped in (see toBridgeConfig). */
  readonly bridgeConfig: BridgeConfig;
  /** The runtime config of each arm: `control` and every experiment, computed once. */
  readonly arms: Readonly<Record<string, BridgeConfig>>;
  /** The `HB__` variables applied over the file. */
  readonly overrides: readonly EnvOverride[];
}

export type DeploymentParseResult =
  | { state: 'ok'; loaded: LoadedDeployment }
  | { state: 'invalid'; reason: 'syntax' | 'invalid'; issues: DeploymentIssue[] };

export interface ParseDeploymentOptions {
  /** Where `HB__…` overrides are read from; default none (pure). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Problems under a path an `HB__` variable set are the variable's, not the file's. */
function placeAll(
  drafts: DraftIssue[],
  overrides: readonly EnvOverride[],
  file: string,
  locate: Locator,
): DeploymentIssue[] {
  const byLength = [...overrides].sort((a, b) => b.path.length - a.path.length);
  const fromFile: DraftIssue[] = [];
  const fromEnv: DeploymentIssue[] = [];
  for (const draft of drafts) {
    const owner = byLength.find((o) => o.path.every((segment, i) => draft.path[i] === segment));
    if (owner === undefined) fromFile.push(draft);
    else {
      const { variable } = owner;
      const issue = {
        source: 'env' as const,
        variable,
        path: formatPath(draft.path),
        message: draft.message,
      };
      fromEnv.push(draft.fix === undefined ? issue : { ...issue, fix: draft.fix });
    }
  }
  const placed = placeIssues(fromFile, file, locate).map((issue) => ({
    source: 'file' as const,
    ...issue,
  }));
  return [...placed, ...fromEnv];
}

function snapshot(
  deployment: Deployment,
  runtime: BridgeConfig,
  file: string,
  overrides: EnvOverride[],
): LoadedDeployment {
  // Of the resolved content, so comments and layout do not change it and overrides do.
  const revision = createHash('sha256')
    .update(JSON.stringify(deployment))
    .digest('hex')
    .slice(0, 12);
  const frozen = deepFreeze(deployment);
  const bridgeConfig = deepFreeze(runtime);
  const arms: Record<string, BridgeConfig> = { [CONTROL_ARM]: bridgeConfig };
  for (const experiment of frozen.testing.experiments) {
    arms[experiment.name] = configForArm(bridgeConfig, experiment);
  }
  return deepFreeze({ file, revision, deployment: frozen, bridgeConfig, arms, overrides });
}

/**
 * Validates deployment text, with `HB__` environment overrides applied first, and reports
 * every problem at once: file problems with line and column, override problems by variable.
 * Pure apart from hashing: `file` only labels the issues.
 *
 * @example
 * const result = parseDeployment(text, 'config/agent-deployment.yaml', { env: process.env });
 * if (result.state === 'invalid') for (const i of result.issues) stderr.write(`${formatDeploymentIssue(i)}\n`);
 */
export function parseDeployment(
  text: string,
  file: string,
  options: ParseDeploymentOptions = {},
): DeploymentParseResult {
  const yaml = parseYaml(text, file, { shapeFix: SHAPE_FIX });
  if (yaml.state === 'invalid') {
    const issues = yaml.issues.map((issue) => ({ source: 'file' as const, ...issue }));
    return { state: 'invalid', reason: yaml.reason === 'syntax' ? 'syntax' : 'invalid', issues };
  }
  const env = applyEnvOverrides(yaml.data, options.env ?? {});
  const { data } = env;
  const parsed = DeploymentSchema.safeParse(data);
  const drafts = parsed.success
    ? []
    : parsed.error.issues.flatMap((issue) =>
        describeIssue(issue, data, DeploymentSchema, { wording: deploymentWording }),
      );
  const runtime = parsed.success ? toBridgeConfig(parsed.data) : undefined;
  drafts.push(...checkDeployment(data, yaml.locate));
  drafts.push(...checkOverrides(data, runtime ?? resolveConfig({})));
  const issues: DeploymentIssue[] = [
    ...placeAll(drafts, env.overrides, file, yaml.locate),
    ...env.issues.map(({ variable, path, message, fix }) => ({
      source: 'env' as const,
      variable,
      path: formatPath(path),
      message,
      ...(fix === undefined ? {} : { fix }),
    })),
  ];
  if (!parsed.success || runtime === undefined || issues.length > 0) {
    return { state: 'invalid', reason: 'invalid', issues };
  }
  return { state: 'ok', loaded: snapshot(parsed.data, runtime, file, env.overrides) };
}
