import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { renderTestRun } from './render-testrun.js';

const SCRIPT =
  "import http from 'k6/http';\n\nexport default function (): void {\n  http.get('x');\n}\n";

const render = (overrides: Partial<Parameters<typeof renderTestRun>[0]> = {}) =>
  renderTestRun({
    suiteName: 'customer-support',
    suiteFile: 'scenarios/customer-support.yaml',
    script: SCRIPT,
    scriptFile: 'script.ts',
    baseUrl: 'http://bridge.bench.svc:8080/v1',
    runners: 4,
    targetRps: 10,
    ...overrides,
  });

describe('renderTestRun', () => {
  it('writes a ConfigMap holding the script and a TestRun running it on N runners', () => {
    const docs = parseAllDocuments(render());
    expect(Array.isArray(docs) && docs.every((d) => d.errors.length === 0)).toBe(true);
    const [configMap, testRun] = (docs as { toJS(): unknown }[]).map((d) => d.toJS());
    expect(configMap).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'hb-customer-support-script' },
      data: { 'script.ts': SCRIPT },
    });
    expect(testRun).toEqual({
      apiVersion: 'k6.io/v1alpha1',
      kind: 'TestRun',
      metadata: { name: 'hb-customer-support' },
      spec: {
        parallelism: 4,
        script: { configMap: { name: 'hb-customer-support-script', file: 'script.ts' } },
        runner: {
          env: [
            { name: 'HB_BASE_URL', value: 'http://bridge.bench.svc:8080/v1' },
            {
              name: 'HB_API_KEY',
              valueFrom: { secretKeyRef: { name: 'hybrid-bench-api-key', key: 'api-key' } },
            },
          ],
        },
      },
    });
  });

  it('says the runners split the whole rate themselves, so it is not divided twice', () => {
    const text = render();
    expect(text).toMatch(/# k6-operator starts runner i of 4 with --execution-segment/);
    expect(text).toContain('its 10/s (about 2.5/s per runner)');
    expect(text).toContain('Do not divide the rate in the script as well.');
    expect(text).toContain('kubectl create secret generic hybrid-bench-api-key');
  });

  it('makes Kubernetes names of any suite name, at most 63 characters', () => {
    const long = `Support_Suite ${'x'.repeat(80)}`;
    const [configMap, testRun] = (
      parseAllDocuments(render({ suiteName: long })) as { toJS(): { metadata: { name: string } } }[]
    ).map((d) => d.toJS().metadata.name);
    for (const name of [configMap, testRun]) {
      expect(name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      expect(name?.length).toBeLessThanOrEqual(63);
    }
    expect(configMap).toMatch(/^hb-support-suite-x+-script$/);
  });
});
