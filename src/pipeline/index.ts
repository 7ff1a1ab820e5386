export type { Admission } from './admission.js';
export { admitRequest, dailySpendKey, recordSpend } from './admission.js';
export type { BreakerPolicy } from './breaker-policy.js';
export { admit, afterOutcome, countsAgainstBreaker } from './breaker-policy.js';
export { compose } from './compose.js';
export { createDirectDispatch, createHybridDispatch } from './create-pipeline.js';
export type { Deadline } from './deadline.js';
export { createDeadline } from './deadline.js';
export type {
  AttemptKind,
  AttemptRecord,
  Dispatch,
  DispatchOptions,
  Middleware,
  RequestScope,
} from './request-scope.js';
export { localFailure } from './request-scope.js';
export type { RetryDecision, RetryPolicy } from './retry-policy.js';
export { decideRetry } from './retry-policy.js';
export { withAttemptTimeout } from './with-attempt-timeout.js';
export { withBreaker } from './with-breaker.js';
export { withBudget } from './with-budget.js';
export { cacheKey, withCache } from './with-cache.js';
export { withFallback } from './with-fallback.js';
export { withHedge } from './with-hedge.js';
export { withMeter } from './with-meter.js';
export { withProviderRateLimit } from './with-provider-rate-limit.js';
export { withRetry } from './with-retry.js';
