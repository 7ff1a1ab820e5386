import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONFIG_DIR,
  CONFIG_KEY,
  DRAIN_GRACE_SECONDS,
  LIVE_PATH,
  PRE_STOP_SECONDS,
  READY_PATH,
  REVISION_ANNOTATION,
} from './deploy-names.js';
import {
  artefact,
  EXAMPLE_CONFIG,
  exampleText,
  loadText,
  manifestOf,
  renderText,
} from './testing.js';

interface Container {
  args: string[];
  env: Array<{
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef: { name: string; key: string } };
  }>;
  ports: Array<{ name: string; containerPort: number }>;
  livenessProbe: { httpGet: { path: string; port: string } };
  readinessProbe: { httpGet: { path: string; port: string } };
  startupProbe: { httpGet: { path: string; port: string } };
  volumeMounts: Array<{ name: string; mountPath: string }>;
}
interface DeploymentData {
  metadata: { name: string };
  spec: {
    replicas: number;
    selector: { matchLabels: Record<string, string> };
    template: {
      metadata: { labels: Record<string, string>; annotations: Record<string, string> };
      spec: {
        terminationGracePeriodSeconds: number;
        containers: Container[];
        volumes: Array<{ name: string; configMap?: { name: string } }>;
      };
    };
  };
}

const text = exampleText();
const rendered = renderText(text);
const file = (path: string) => artefact(rendered.artefacts, path);
const deployment = (path = 'deployment.yaml') =>
  manifestOf(file(path)) as unknown as DeploymentData;
const container = (d: DeploymentData) => {
  const [first] = d.spec.template.spec.containers;
  if (first === undefined) throw new Error('no container');
  return first;
};

describe('renderArtefacts', () => {
  it('writes the image, the plain manifests and the blue-green variant', () => {
    expect(rendered.artefacts.map((a) => a.path)).toEqual([
      'Dockerfile',
      'Dockerfile.dockerignore',
      'configmap.yaml',
      'deployment.yaml',
      'service.yaml',
      'hpa.yaml',
      'secret.example.yaml',
      'blue-green/configmap-blue.yaml',
      'blue-green/deployment-blue.yaml',
      'blue-green/hpa-blue.yaml',
      'blue-green/configmap-green.yaml',
      'blue-green/deployment-green.yaml',
      'blue-green/hpa-green.yaml',
      'blue-green/service.yaml',
      'blue-green/SWITCH.md',
    ]);
    for (const { content } of rendered.artefacts) expect(content).toContain(EXAMPLE_CONFIG);
  });

  it('takes replicas, resources, scaling and the probes from the config and the server', () => {
    const d = deployment();
    const c = container(d);
    expect(d.spec.replicas).toBe(2);
    expect(manifestOf(file('deployment.yaml'))).toMatchObject({
      spec: {
        template: {
          spec: {
            containers: [
              {
                resources: {
                  requests: { cpu: '250m', memory: '512Mi' },
                  limits: { cpu: '1', memory: '1Gi' },
                },
              },
            ],
          },
        },
      },
    });
    expect(c.livenessProbe.httpGet).toEqual({ path: LIVE_PATH, port: 'http' });
    expect(c.startupProbe.httpGet).toEqual({ path: LIVE_PATH, port: 'http' });
    expect(c.readinessProbe.httpGet).toEqual({ path: READY_PATH, port: 'http' });
    expect(c.ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
    expect(manifestOf(file('hpa.yaml'))).toMatchObject({
      spec: {
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [{ resource: { target: { averageUtilization: 70 } } }, { type: 'Pods' }],
      },
    });
  });

  it('reads every secret from the Secret and nothing secret from anywhere else', () => {
    const env = container(deployment()).env;
    const fromSecret = env
      .filter((e) => e.valueFrom)
      .map((e) => [e.name, e.valueFrom?.secretKeyRef]);
    expect(fromSecret).toEqual([
      ['HB_API_KEYS', { name: 'customer-support-secrets', key: 'HB_API_KEYS' }],
      ['OPENAI_API_KEY', { name: 'customer-support-secrets', key: 'OPENAI_API_KEY' }],
      ['REDIS_URL', { name: 'customer-support-secrets', key: 'REDIS_URL' }],
    ]);
    const secret = manifestOf(file('secret.example.yaml')) as {
      stringData: Record<string, string>;
    };
    expect(secret.stringData).toEqual({
      HB_API_KEYS: 'REPLACE_ME',
      OPENAI_API_KEY: 'REPLACE_ME',
      REDIS_URL: 'REPLACE_ME',
    });
    expect(file('secret.example.yaml')).toMatch(/# the API keys of bench serve: name:secret role=/);
  });

  it('stops later than bench serve drains (the grace its server uses by default)', () => {
    const source = readFileSync(
      new URL('../../src/server/create-bridge-server.ts', import.meta.url),
      'utf8',
    );
    const grace = /async close\(graceMs = ([\d_]+)\)/.exec(source)?.[1];
    expect(Number(grace?.replaceAll('_', '')) / 1000).toBe(DRAIN_GRACE_SECONDS);
    expect(deployment().spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(
      PRE_STOP_SECONDS + DRAIN_GRACE_SECONDS,
    );
  });

  it('mounts the ConfigMap where the args point, and the pod loads the very config rendered', () => {
    const d = deployment();
    const c = container(d);
    const config = c.args[c.args.indexOf('--config') + 1];
    expect(config).toBe(`${CONFIG_DIR}/${CONFIG_KEY}`);
    expect(c.volumeMounts).toContainEqual(
      expect.objectContaining({ name: 'config', mountPath: CONFIG_DIR }),
    );
    const data = (manifestOf(file('configmap.yaml')) as { data: Record<string, string> }).data[
      CONFIG_KEY
    ];
    expect(data).toBe(text);
    expect(d.spec.template.metadata.annotations[REVISION_ANNOTATION]).toBe(rendered.plan.revision);
    expect(loadText(data ?? '', config).revision).toBe(rendered.plan.revision);
  });

  it('gives the pod the HB__ overrides the render applied, so it loads the same revision', () => {
    const env = {
      HB__spec__scaling__maxReplicas: '20',
      HB__spec__runtime__paths__simple__model: 'gpt-4.1-nano',
    };
    const overridden = renderText(text, { env });
    const d = manifestOf(
      artefact(overridden.artefacts, 'deployment.yaml'),
    ) as unknown as DeploymentData;
    const literal = Object.fromEntries(
      container(d)
        .env.filter((e) => e.name.startsWith('HB__'))
        .map((e) => [e.name, e.value ?? '']),
    );
    expect(literal).toEqual(env);
    const data = (
      manifestOf(artefact(overridden.artefacts, 'configmap.yaml')) as {
        data: Record<string, string>;
      }
    ).data[CONFIG_KEY];
    expect(loadText(data ?? '', EXAMPLE_CONFIG, literal).revision).toBe(overridden.plan.revision);
    expect(overridden.plan.revision).not.toBe(rendered.plan.revision);
  });
});

describe('the blue-green variant', () => {
  it('runs two tracks, each on its own ConfigMap, and a Service on the blue one', () => {
    for (const track of ['blue', 'green']) {
      const d = deployment(`blue-green/deployment-${track}.yaml`);
      expect(d.metadata.name).toBe(`customer-support-${track}`);
      expect(d.spec.selector.matchLabels).toEqual({
        'app.kubernetes.io/name': 'customer-support',
        track,
      });
      expect(d.spec.template.metadata.labels).toMatchObject({ track });
      expect(d.spec.template.spec.volumes[0]?.configMap?.name).toBe(
        `customer-support-config-${track}`,
      );
      const cm = manifestOf(file(`blue-green/configmap-${track}.yaml`)) as {
        metadata: { name: string };
      };
      expect(cm.metadata.name).toBe(`customer-support-config-${track}`);
      const hpa = manifestOf(file(`blue-green/hpa-${track}.yaml`)) as {
        spec: { scaleTargetRef: { name: string } };
      };
      expect(hpa.spec.scaleTargetRef.name).toBe(`customer-support-${track}`);
      expect(container(d).args).toEqual(rendered.plan.serveArgs);
    }
    const service = manifestOf(file('blue-green/service.yaml')) as {
      metadata: { name: string };
      spec: { selector: Record<string, string> };
    };
    expect(service.metadata.name).toBe('customer-support');
    expect(service.spec.selector).toEqual({
      'app.kubernetes.io/name': 'customer-support',
      track: 'blue',
    });
  });

  it('SWITCH.md checks readiness, switches with one patch, and rolls back with the other', () => {
    const doc = file('blue-green/SWITCH.md');
    expect(doc).toContain(
      `kubectl patch service customer-support -p '{"spec":{"selector":{"track":"green"}}}'`,
    );
    expect(doc).toContain(
      `kubectl patch service customer-support -p '{"spec":{"selector":{"track":"blue"}}}'`,
    );
    expect(doc).toContain('kubectl rollout status deployment/customer-support-green');
    expect(doc).toContain(`curl -fsS http://127.0.0.1:18080${READY_PATH}`);
    expect(doc.indexOf('## Check the idle track is ready')).toBeLessThan(doc.indexOf('## Switch'));
    expect(doc.indexOf('## Switch')).toBeLessThan(doc.indexOf('## Roll back'));
  });
});
