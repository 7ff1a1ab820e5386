import { readFile } from 'node:fs/promises';
import { DeploymentError, DeploymentErrorCodes } from './errors.js';
import { type LoadedDeployment, parseDeployment } from './parse-deployment.js';

export interface LoadDeploymentOptions {
  /** Where `HB__…` overrides are read from; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

function errnoCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

async function readText(file: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error: unknown) {
    const code = errnoCode(error);
    if (code === 'ENOENT') {
      const message = `deployment config not found: ${file} (check the path; the example is config/agent-deployment.yaml)`;
      throw new DeploymentError(DeploymentErrorCodes.notFound, file, message, { cause: error });
    }
    const reason = code === 'EISDIR' ? 'it is a directory, not a file' : (code ?? String(error));
    const message = `cannot read deployment config ${file}: ${reason}`;
    throw new DeploymentError(DeploymentErrorCodes.unreadable, file, message, { cause: error });
  }
  try {
    // fatal: a stray Latin-1 byte would otherwise become U+FFFD inside a value, silently.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error: unknown) {
    const message = `cannot read deployment config ${file}: it is not valid UTF-8 text (save it as UTF-8)`;
    throw new DeploymentError(DeploymentErrorCodes.unreadable, file, message, { cause: error });
  }
}

/**
 * Reads a deployment file, applies `HB__…` environment overrides, validates everything and
 * returns a frozen snapshot: the deployment, the bridge's runtime config and one config per
 * experiment arm.
 *
 * @throws DeploymentError — HB_DEPLOYMENT_NOT_FOUND, HB_DEPLOYMENT_UNREADABLE,
 * HB_DEPLOYMENT_SYNTAX or HB_DEPLOYMENT_INVALID, the last two listing every problem in `issues`.
 * @example
 * const { deployment, bridgeConfig } = await loadDeployment('config/agent-deployment.yaml');
 * const bridge = createBridge({ config: bridgeConfig, ... });
 */
export async function loadDeployment(
  file: string,
  options: LoadDeploymentOptions = {},
): Promise<LoadedDeployment> {
  const text = await readText(file);
  const result = parseDeployment(text, file, { env: options.env ?? process.env });
  if (result.state === 'ok') return result.loaded;
  const code =
    result.reason === 'syntax' ? DeploymentErrorCodes.syntax : DeploymentErrorCodes.invalid;
  throw DeploymentError.fromIssues(code, file, result.issues);
}
