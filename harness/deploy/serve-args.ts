import type { Deployment, ExternalService } from '../../src/index.js';
import { CONFIG_PATH } from './deploy-names.js';

/**
 * The service `bench serve` calls: the first one declared. `bench serve` has one live backend
 * per process, so further services are declared for the runtime's checks but never called.
 */
export function servedService(deployment: Deployment): ExternalService | undefined {
  return deployment.spec.integrations.externalServices[0];
}

/** The backend flags of `bench serve` for the deployment's first service; none: the mock. */
function backendArgs(service: ExternalService | undefined): string[] {
  if (service === undefined) return ['--backend', 'mock'];
  return [
    '--backend',
    'live',
    '--provider',
    service.kind,
    '--base-url',
    service.baseUrl,
    ...(service.apiKeyEnv === undefined ? [] : ['--api-key-env', service.apiKeyEnv]),
    ...(service.agentId === undefined ? [] : ['--agent-id', service.agentId]),
  ];
}

/**
 * The arguments after `bench` that serve the deployment in a container: every interface (a
 * container's loopback is its own), the given port, the config where the pod mounts it, and the
 * deployment's backend. The Dockerfile's CMD and the Deployment's `args` are both this list.
 */
export function serveArgs(deployment: Deployment, port: number): string[] {
  return [
    'serve',
    '--host',
    '0.0.0.0',
    '--port',
    String(port),
    '--config',
    CONFIG_PATH,
    ...backendArgs(servedService(deployment)),
  ];
}
