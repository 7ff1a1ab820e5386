import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { describe, expect, it } from 'vitest';
import type { Artefact } from './render-artefacts.js';
import { exampleText, exampleWith, manifestOf, renderText } from './testing.js';

/** The Kubernetes API schemas (kubernetes-models' compiled JSON Schemas) by apiVersion/kind. */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'v1/Service': Service,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
};

/** Validates one manifest against its API schema; throws with the schema's complaint. */
function validate(manifest: Record<string, unknown>): string {
  const type = `${String(manifest.apiVersion)}/${String(manifest.kind)}`;
  const Model = MODELS[type];
  if (Model === undefined) throw new Error(`no schema for ${type}`);
  new Model(manifest as never).validate();
  return type;
}

const yamlFiles = (artefacts: readonly Artefact[]) =>
  artefacts.filter((a) => a.path.endsWith('.yaml'));

const VARIANTS: Array<[string, string]> = [
  ['the example', exampleText()],
  [
    'one replica, metrics off, no services, no rate target',
    exampleWith([
      [['spec', 'scaling'], { minReplicas: 1, maxReplicas: 1 }],
      [['spec', 'monitoring', 'metrics', 'enabled'], false],
      [['spec', 'integrations', 'externalServices'], []],
      [['spec', 'security', 'rateLimiting', 'rules'], []],
    ]),
  ],
  [
    'an AgentOS service and a fractional rate target',
    exampleWith([
      [['spec', 'scaling', 'targetRequestsPerSecond'], 2.5],
      [
        ['spec', 'integrations', 'externalServices', 1],
        {
          name: 'agentos',
          kind: 'agno-agentos',
          baseUrl: 'http://agentos:7777',
          agentId: 'support-agent',
          models: ['gpt-4o'],
        },
      ],
    ]),
  ],
];

describe('rendered manifests against the Kubernetes API schemas', () => {
  it.each(VARIANTS)('%s: every manifest validates', (_name, text) => {
    const files = yamlFiles(renderText(text).artefacts);
    const kinds = files.map((file) => validate(manifestOf(file.content)));
    expect(new Set(kinds)).toEqual(new Set(Object.keys(MODELS)));
    expect(files).toHaveLength(12);
  });

  it('the rate target is a Pods metric with a quantity', () => {
    const hpa = manifestOf(
      renderText(
        exampleWith([[['spec', 'scaling', 'targetRequestsPerSecond'], 2.5]]),
      ).artefacts.find((a) => a.path === 'hpa.yaml')?.content ?? '',
    );
    expect(JSON.stringify(hpa)).toContain('"averageValue":"2500m"');
  });

  describe('the check can fail', () => {
    const deployment = () =>
      manifestOf(
        renderText(exampleText()).artefacts.find((a) => a.path === 'deployment.yaml')?.content ??
          '',
      ) as { spec: Record<string, unknown> };

    it('refuses a Deployment whose replicas are text', () => {
      const bad = deployment();
      bad.spec.replicas = 'two';
      expect(() => validate(bad)).toThrow(/spec\/replicas must be integer/);
    });

    it('refuses a container port given by name, and a Deployment without containers', () => {
      const bad = deployment() as {
        spec: { template: { spec: { containers: Array<{ ports: unknown[] }> } } };
      };
      const [container] = bad.spec.template.spec.containers;
      if (container) container.ports = [{ containerPort: 'http' }];
      expect(() => validate(bad as never)).toThrow(/containerPort must be integer/);
      const empty = deployment() as { spec: { template: { spec: Record<string, unknown> } } };
      delete empty.spec.template.spec.containers;
      expect(() => validate(empty as never)).toThrow(/must have required property containers/);
    });

    it('refuses an HPA without maxReplicas, and the wrong apiVersion for a kind', () => {
      const hpa = manifestOf(
        renderText(exampleText()).artefacts.find((a) => a.path === 'hpa.yaml')?.content ?? '',
      ) as { apiVersion: string; spec: Record<string, unknown> };
      const noMax = structuredClone(hpa);
      delete noMax.spec.maxReplicas;
      expect(() => validate(noMax)).toThrow(/maxReplicas/);
      expect(() => validate({ ...hpa, apiVersion: 'autoscaling/v1' })).toThrow(
        /no schema for autoscaling\/v1/,
      );
      expect(() =>
        new HorizontalPodAutoscaler({ ...hpa, apiVersion: 'autoscaling/v1' } as never).validate(),
      ).toThrow(/apiVersion/);
    });
  });

  it('a misspelt field is a type error where the manifests are built (the schemas allow extra fields)', () => {
    const typo: IDeployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      // @ts-expect-error: `replica` is not a DeploymentSpec field (tsc fails if this compiles)
      spec: { replica: 2, selector: {}, template: {} },
    };
    // At run time the schema lets it through: the typed builders are what catch it.
    expect(() => validate(typo as never)).not.toThrow();
  });
});
