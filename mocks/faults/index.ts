export { FAULT_DEFAULTS } from './defaults.js';
export type {
  FaultDialect,
  FaultKind,
  FaultMatch,
  FaultParamsByKind,
  FaultProfile,
  FaultRule,
} from './fault-profile.js';
export { FAULT_DIALECTS, FAULT_KINDS, STREAM_ONLY_FAULTS } from './fault-profile.js';
export type { FaultProfileName } from './fault-profiles.js';
export { FAULT_PROFILES, getFaultProfile } from './fault-profiles.js';
export type { FaultProfileIssue } from './load-fault-profile.js';
export { FaultProfileError, loadFaultProfile, parseFaultProfile } from './load-fault-profile.js';
export { mixProfiles } from './mix-profiles.js';
export { looksLikeProfileFile, resolveFaultProfile } from './resolve-fault-profile.js';
export type { FaultProfileInput } from './schema.js';
export { faultProfileSchema } from './schema.js';
export type { WithFaultsOptions } from './with-faults.js';
export { withFaults } from './with-faults.js';
