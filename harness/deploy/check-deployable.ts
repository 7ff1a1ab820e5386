import { parseYaml } from '../../src/config/yaml/index.js';
import { type DeploymentIssue, formatPath, type LoadedDeployment } from '../../src/index.js';
import { checkBaseUrl } from '../backends/index.js';
import { DeployTargetError } from './deploy-error.js';
import { RESERVED_LABELS } from './deploy-names.js';
import { labelKeyProblem, labelValueProblem } from './k8s-labels.js';
import { servedService } from './serve-args.js';

interface Draft {
  path: PropertyKey[];
  message: string;
  fix?: string;
}

function labelDrafts(labels: Readonly<Record<string, string>>): Draft[] {
  const drafts: Draft[] = [];
  for (const [key, value] of Object.entries(labels)) {
    const path = ['metadata', 'labels', key];
    const keyProblem = labelKeyProblem(key);
    if (keyProblem !== undefined) drafts.push({ path, message: keyProblem, fix: 'e.g. team' });
    else if ((RESERVED_LABELS as readonly string[]).includes(key))
      drafts.push({
        path,
        message: `${key} is set by \`bench deploy render\` (the selectors use it)`,
        fix: 'remove this label or give it another key',
      });
    const valueProblem = labelValueProblem(value);
    if (valueProblem !== undefined)
      drafts.push({ path, message: valueProblem, fix: 'e.g. customer-support or v1.2' });
  }
  return drafts;
}

/** Problems that the runtime does not mind but the cluster or `bench serve` would. */
function drafts(loaded: LoadedDeployment): Draft[] {
  const { deployment } = loaded;
  const found: Draft[] = [];
  if (!/^[a-z]/.test(deployment.metadata.name))
    found.push({
      path: ['metadata', 'name'],
      message: 'a Kubernetes Service name must start with a letter',
      fix: `e.g. bridge-${deployment.metadata.name}`,
    });
  found.push(...labelDrafts(deployment.metadata.labels));
  const service = servedService(deployment);
  if (service !== undefined) {
    const checked = checkBaseUrl(service.kind, service.baseUrl);
    if (checked.state === 'invalid')
      found.push({
        path: ['spec', 'integrations', 'externalServices', 0, 'baseUrl'],
        message: `bench serve would refuse this URL: ${checked.problem}`,
      });
  }
  return found;
}

function startsWith(path: readonly PropertyKey[], prefix: readonly PropertyKey[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
}

/** Each draft at its line in the file, or at the `HB__` variable that set its field. */
function place(loaded: LoadedDeployment, text: string, found: Draft[]): DeploymentIssue[] {
  const parsed = parseYaml(text, loaded.file);
  return found.map((draft): DeploymentIssue => {
    const fix = draft.fix === undefined ? {} : { fix: draft.fix };
    const path = formatPath(draft.path);
    const override = loaded.overrides
      .filter((o) => startsWith(draft.path, o.path))
      .sort((a, b) => b.path.length - a.path.length)[0];
    if (override !== undefined)
      return { source: 'env', variable: override.variable, path, message: draft.message, ...fix };
    const at = parsed.state === 'ok' ? parsed.locate(draft.path, 'key') : { line: 1, column: 1 };
    return { source: 'file', file: loaded.file, ...at, path, message: draft.message, ...fix };
  });
}

/**
 * Refuses a deployment that loads but could not run as rendered: a name a Service cannot have,
 * labels Kubernetes rejects or the render sets itself, a base URL `bench serve` refuses.
 *
 * @throws DeployTargetError listing every problem, each at its line or `HB__` variable.
 */
export function checkDeployable(loaded: LoadedDeployment, text: string): void {
  const found = drafts(loaded);
  if (found.length > 0) throw new DeployTargetError(loaded.file, place(loaded, text, found));
}
