import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../errors.js';
import { DeploymentError, DeploymentErrorCodes } from './errors.js';
import { loadDeployment } from './load-deployment.js';

const example = fileURLToPath(new URL('../../../config/agent-deployment.yaml', import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hb-deployment-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function failure(file: string, env: Record<string, string> = {}): Promise<DeploymentError> {
  const error = await loadDeployment(file, { env }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DeploymentError);
  expect(error).toBeInstanceOf(ConfigError);
  return error as DeploymentError;
}

describe('the example config/agent-deployment.yaml', () => {
  it('loads without a problem', async () => {
    const { deployment, bridgeConfig, arms } = await loadDeployment(example, { env: {} });
    expect(deployment.metadata).toMatchObject({
      name: 'customer-support',
      environment: 'production',
    });
    expect(bridgeConfig.paths.simple.model).toBe('gpt-4o-mini');
    expect(bridgeConfig.paths.complex.model).toBe('gpt-4o');
    expect(bridgeConfig.routing.rules.length).toBeGreaterThan(0);
    expect(deployment.spec.monitoring.alerts.filter((a) => a.path !== undefined)).toHaveLength(6);
    expect(deployment.testing.experiments.map((e) => [e.name, e.percentage])).toEqual([
      ['nano-simple', 10],
    ]);
    expect(deployment.testing.chaos.enabled).toBe(false);
    expect(arms['nano-simple']?.paths.simple.model).toBe('gpt-4.1-nano');
  });

  it('maps its rate-limit rules and service settings into the runtime config', async () => {
    const { bridgeConfig } = await loadDeployment(example, { env: {} });
    expect(bridgeConfig.resilience.rateLimits).toEqual({
      global: { capacity: 200, refillPerSecond: 100 },
      perUser: { capacity: 10, refillPerSecond: 0.5 },
      perProvider: { openai: { capacity: 100, refillPerSecond: 5000 / 60 } },
    });
    expect(bridgeConfig.resilience.retry.maxAttempts).toBe(3);
  });
});

describe('loadDeployment', () => {
  it('applies overrides from the environment it is given', async () => {
    const { deployment } = await loadDeployment(example, {
      env: { HB__spec__scaling__maxReplicas: '20' },
    });
    expect(deployment.spec.scaling.maxReplicas).toBe(20);
  });

  it('reports a missing file with its own code, naming the file', async () => {
    const file = join(dir, 'nope.yaml');
    const error = await failure(file);
    expect(error.code).toBe(DeploymentErrorCodes.notFound);
    expect(error.message).toContain(file);
  });

  it('reports a directory as unreadable', async () => {
    const error = await failure(dir);
    expect(error.code).toBe(DeploymentErrorCodes.unreadable);
    expect(error.message).toContain('it is a directory');
  });

  it('reports text that is not UTF-8 as unreadable', async () => {
    const file = join(dir, 'latin1.yaml');
    await writeFile(file, Uint8Array.from([0x6b, 0x3a, 0x20, 0xe9, 0x0a]));
    expect((await failure(file)).code).toBe(DeploymentErrorCodes.unreadable);
  });

  it('reports a YAML syntax error with its file, line and column', async () => {
    const file = join(dir, 'syntax.yaml');
    await writeFile(file, 'apiVersion: hybrid-bench/v1\nkind: [AgentDeployment\n');
    const error = await failure(file);
    expect(error.code).toBe(DeploymentErrorCodes.syntax);
    expect(error.message).toMatch(new RegExp(`^${file}: 1 problem\\n {2}${file}:\\d+:\\d+ `));
  });

  it('lists every problem of an invalid file in one error', async () => {
    const file = join(dir, 'invalid.yaml');
    await writeFile(file, 'apiVersion: hybrid-bench/v1\nkind: Deployment\nmetadata: { name: x }\n');
    const error = await failure(file, { HB__spec__scaling__maxReplicas: 'x' });
    expect(error.code).toBe(DeploymentErrorCodes.invalid);
    expect(error.issues).toHaveLength(3);
    expect(error.message.split('\n')).toEqual([
      `${file}: 3 problems`,
      `  ${file}:2:7 kind: invalid value "Deployment" (fix: use one of: AgentDeployment)`,
      `  ${file}:3:1 metadata.environment: missing required field "environment" (fix: add environment: one of development | test | staging | production)`,
      '  HB__spec__scaling__maxReplicas (from the environment): expected a number, got "x" (fix: write an integer)',
    ]);
  });
});
