import {
  CONFIG_PATH,
  objectNames,
  REVISION_ANNOTATION,
  TRACKS,
  type Track,
} from './deploy-names.js';
import type { DeployPlan } from './deploy-plan.js';
import { manifestYaml, renderedHeader } from './manifest-yaml.js';
import { configMapManifest } from './render-configmap.js';
import { deploymentManifest } from './render-deployment.js';
import { renderDockerfile, renderDockerignore } from './render-dockerfile.js';
import { hpaManifest, rpsMetricComment } from './render-hpa.js';
import { createSecretCommand, PLACEHOLDER, secretManifest } from './render-secret.js';
import { serviceManifest } from './render-service.js';
import { renderSwitchDoc } from './render-switch-doc.js';

/** One rendered file, its path relative to the output folder. */
export interface Artefact {
  path: string;
  content: string;
}

export const BLUE_GREEN_DIR = 'blue-green';

/** `kubectl apply` for the plain variant: named files, so the Secret example is never applied. */
export function applyCommand(): string {
  return 'kubectl apply -f configmap.yaml -f deployment.yaml -f service.yaml -f hpa.yaml';
}

function deploymentFile(plan: DeployPlan, track?: Track): string {
  const names = objectNames(plan.name, track);
  return manifestYaml(deploymentManifest(plan, track), {
    header: [
      ...renderedHeader(plan),
      '',
      `bench serve with ${plan.replicas} replica${plan.replicas === 1 ? '' : 's'} to start (the HPA ${names.hpa} moves it between ${plan.replicas} and ${plan.maxReplicas}).`,
      `The config comes from the ConfigMap ${names.configMap}, mounted at ${CONFIG_PATH};`,
      `the secrets from the Secret ${names.secret}: create it first (${track === undefined ? '' : '../'}secret.example.yaml lists its keys).`,
      `A config change changes the ${REVISION_ANNOTATION} annotation, so applying both rolls the pods.`,
      'Shutdown: preStop waits while the endpoints go, SIGTERM drains for up to 10 s, and the grace',
      'period covers both.',
    ],
  });
}

function plainFiles(plan: DeployPlan): Artefact[] {
  const header = renderedHeader(plan);
  const purposes = Object.fromEntries(plan.secretEntries.map((e) => [e.key, e.purpose]));
  return [
    { path: 'Dockerfile', content: renderDockerfile(plan) },
    { path: 'Dockerfile.dockerignore', content: renderDockerignore(plan) },
    { path: 'configmap.yaml', content: manifestYaml(configMapManifest(plan), { header }) },
    { path: 'deployment.yaml', content: deploymentFile(plan) },
    {
      path: 'service.yaml',
      content: manifestYaml(serviceManifest(plan), {
        header: [...header, '', `Inside the cluster: http://${plan.name}:${plan.port}/v1`],
      }),
    },
    {
      path: 'hpa.yaml',
      content: manifestYaml(hpaManifest(plan), {
        header: [
          ...header,
          ...(plan.requestsPerSecondTarget === undefined ? [] : ['']),
          ...rpsMetricComment(plan),
        ],
      }),
    },
    {
      path: 'secret.example.yaml',
      content: manifestYaml(secretManifest(plan), {
        header: [
          ...header,
          '',
          `AN EXAMPLE: names only, every value ${PLACEHOLDER}. Never commit real values. Create the Secret with`,
          `  ${createSecretCommand(plan)}`,
          'or fill in a copy kept outside the repository and apply that copy. This file is left out of',
          `\`${applyCommand()}\` on purpose: applied, it would overwrite the real values.`,
        ],
        keyComments: { at: ['stringData'], comments: purposes },
      }),
    },
  ];
}

function blueGreenFiles(plan: DeployPlan): Artefact[] {
  const header = renderedHeader(plan);
  const [live] = TRACKS;
  const perTrack = TRACKS.flatMap((track): Artefact[] => [
    {
      path: `${BLUE_GREEN_DIR}/configmap-${track}.yaml`,
      content: manifestYaml(configMapManifest(plan, track), { header }),
    },
    { path: `${BLUE_GREEN_DIR}/deployment-${track}.yaml`, content: deploymentFile(plan, track) },
    {
      path: `${BLUE_GREEN_DIR}/hpa-${track}.yaml`,
      content: manifestYaml(hpaManifest(plan, track), { header }),
    },
  ]);
  return [
    ...perTrack,
    {
      path: `${BLUE_GREEN_DIR}/service.yaml`,
      content: manifestYaml(serviceManifest(plan, live), {
        header: [...header, '', 'Selects the live track; SWITCH.md says how to move it.'],
      }),
    },
    { path: `${BLUE_GREEN_DIR}/SWITCH.md`, content: renderSwitchDoc(plan) },
  ];
}

/** Every file of the plan: the image, the plain manifests, and the blue-green variant. */
export function renderArtefacts(plan: DeployPlan): Artefact[] {
  return [...plainFiles(plan), ...blueGreenFiles(plan)];
}
