import type { Clock } from '../clock.js';
import type {
  CallOptions,
  FailureCode,
  ModelOutcome,
  ModelRequest,
  Usage,
} from '../providers/provider.js';
import type { PathName } from '../routing/path.js';
import type { Telemetry } from '../telemetry/telemetry.js';

/** Why an attempt was made. */
export type AttemptKind = 'first' | 'retry' | 'fallback' | 'hedge';

/** One model call the pipeline made (or answered from cache) while serving a request. */
export interface AttemptRecord {
  /** The path being tried when the attempt was made (a degraded request has several). */
  tier: PathName;
  provider: string;
  model: string;
  kind: AttemptKind;
  state: 'ok' | 'error';
  code?: FailureCode;
  usage: Usage;
  costUsd: number;
  latencyMs: number;
  cached: boolean;
}

/**
 * Everything the middleware of one request shares: its deadline, what it has spent and every
 * attempt it made. Created by the bridge per request; middleware reads and appends, never
 * replaces.
 */
export interface RequestScope {
  requestId: string;
  userId?: string;
  /** The path being served now; the bridge moves it along when it degrades. */
  tier: PathName;
  /** Aborts at the deadline (reason: a `TimeoutError`) or when the caller gives up. */
  signal: AbortSignal;
  deadlineAtMs: number;
  /** Cost cap for the whole request, across tiers. */
  capUsd: number;
  spentUsd: number;
  attempts: AttemptRecord[];
  /** Time spent waiting between retries. */
  backoffMs: number;
  clock: Clock;
  telemetry: Telemetry;
  /** Uniform in [0, 1): jitter. Injected so retry timing is testable. */
  random: () => number;
  /**
   * Answer text as it streams in, from calls offered no tools (only those can only answer).
   * `attempt` is one object per backend attempt: retries and hedged twins each have their own,
   * so a listener can follow one attempt and tell when another took over.
   */
  onAnswerText?: (delta: string, attempt: object) => void;
}

/** The options a dispatch sees: the call options plus the request's scope. */
export interface DispatchOptions extends CallOptions {
  scope: RequestScope;
  /** Set by the fallback middleware on calls to a fallback model. */
  attemptKind?: AttemptKind;
  /**
   * `signal` aborts when the scope's does, at the latest (it derives from it): a layer whose
   * only limit is the scope's deadline then needs no signal of its own.
   */
  withinScopeDeadline?: boolean;
}

/** One model dispatch: the signature every middleware wraps. */
export type Dispatch = (request: ModelRequest, options: DispatchOptions) => Promise<ModelOutcome>;

/** A middleware takes the next dispatch and returns a dispatch that wraps it. */
export type Middleware = (next: Dispatch) => Dispatch;

/** A failure the pipeline itself produces (no backend call was made, or none may be). */
export function localFailure(
  request: ModelRequest,
  code: FailureCode,
  message: string,
  extra: { retryAfterMs?: number; latencyMs?: number } = {},
): ModelOutcome {
  return {
    state: 'error',
    model: request.model,
    latencyMs: extra.latencyMs ?? 0,
    error: {
      code,
      message,
      providerCode: 'bridge',
      isNetwork: false,
      isAbort: code === 'aborted',
      ...(extra.retryAfterMs === undefined ? {} : { retryAfterMs: extra.retryAfterMs }),
    },
  };
}
