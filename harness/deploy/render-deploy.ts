import type { LoadedDeployment } from '../../src/index.js';
import { checkDeployable } from './check-deployable.js';
import { type DeployPlan, planDeploy } from './deploy-plan.js';
import { type Artefact, renderArtefacts } from './render-artefacts.js';

export interface RenderDeployInput {
  /** The deployment as `loadDeployment(configFile, { env })` returned it. */
  loaded: LoadedDeployment;
  /** The config file as named on the command line (headers, the Dockerfile's run example). */
  configFile: string;
  /** The file's text, which the ConfigMap carries unchanged. */
  configText: string;
  image: string;
  port: number;
  /** The environment the deployment was loaded with. */
  env: Readonly<Record<string, string | undefined>>;
}

export interface RenderedDeploy {
  plan: DeployPlan;
  artefacts: Artefact[];
}

/**
 * The deployment artefacts of a loaded deployment: Dockerfile, Kubernetes manifests and the
 * blue-green variant, all in memory. Pure; `writeArtefacts` puts them on disk.
 *
 * @throws DeployTargetError when the deployment could not run as rendered (see checkDeployable).
 */
export function renderDeploy(input: RenderDeployInput): RenderedDeploy {
  checkDeployable(input.loaded, input.configText);
  const plan = planDeploy(input);
  return { plan, artefacts: renderArtefacts(plan) };
}
