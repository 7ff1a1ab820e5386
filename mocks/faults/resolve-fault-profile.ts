import type { FaultProfile } from './fault-profile.js';
import { FAULT_PROFILES, getFaultProfile } from './fault-profiles.js';
import { loadFaultProfile } from './load-fault-profile.js';

/**
 * A built-in profile by name, or a profile file (YAML or JSON) by path: what `--faults` and
 * `--profile` take. A name that is neither lists the built-in profiles.
 */
export async function resolveFaultProfile(nameOrFile: string): Promise<FaultProfile> {
  if (Object.hasOwn(FAULT_PROFILES, nameOrFile)) return getFaultProfile(nameOrFile);
  if (looksLikeProfileFile(nameOrFile)) return loadFaultProfile(nameOrFile);
  return getFaultProfile(nameOrFile);
}

/** A profile name with a path separator or a .yaml/.yml/.json ending is a file, not a built-in name. */
export function looksLikeProfileFile(nameOrFile: string): boolean {
  return /[/\\]|\.(ya?ml|json)$/i.test(nameOrFile);
}
