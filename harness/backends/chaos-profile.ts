import { type FaultProfile, parseFaultProfile, resolveFaultProfile } from '../../mocks/index.js';
import type { LoadedDeployment } from '../../src/index.js';

/**
 * The fault profile a deployment's `testing.chaos` asks for (a built-in name, a file, or an
 * inline profile), or none when chaos is off. The runtime only carries the setting; the mocks
 * validate it here, naming the deployment file on error.
 */
export async function chaosProfileOf(loaded: LoadedDeployment): Promise<FaultProfile | undefined> {
  const chaos = loaded.deployment.testing.chaos;
  if (!chaos.enabled || chaos.profile === undefined) return undefined;
  if (typeof chaos.profile === 'string') return resolveFaultProfile(chaos.profile);
  return parseFaultProfile(chaos.profile, `${loaded.file}: testing.chaos.profile`);
}
