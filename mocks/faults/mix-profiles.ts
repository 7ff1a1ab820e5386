import type { FaultProfile } from './fault-profile.js';

/**
 * One profile holding the rules of all, in order. Rules share one draw per call (see
 * `chooseFault`), so where rules that match the same call add up to more than 1, the later
 * ones get only what remains: put the faults that must keep their rate first.
 *
 * @example
 * mixProfiles(getFaultProfile('rate-limited'), getFaultProfile('broken-streams'));
 */
export function mixProfiles(...profiles: readonly FaultProfile[]): FaultProfile {
  return {
    name: profiles.map((profile) => profile.name).join('+'),
    description: profiles.map((profile) => `${profile.name}: ${profile.description}`).join(' | '),
    rules: profiles.flatMap((profile) => profile.rules),
  };
}
