import type { Logger } from 'pino';
import type { Telemetry } from './telemetry.js';

/** The hooks of {@link Telemetry} other than `span`: what a metrics, log or health sink receives. */
export type TelemetryHooks = Omit<Telemetry, 'span'>;

/**
 * Turns telemetry events into log lines at the level each deserves: routine request and call
 * ends at `debug`, retries, fallbacks and refusals at `info`, breaker transitions at `warn`.
 * Each hook asks the logger first, so a disabled level builds nothing.
 */
export function createLogSink(logger: Logger): Partial<TelemetryHooks> {
  return {
    requestEnded(event) {
      if (!logger.isLevelEnabled('debug')) return;
      logger.debug({ event: 'request_ended', ...event }, 'request ended');
    },
    modelCallEnded(event) {
      if (!logger.isLevelEnabled('debug')) return;
      logger.debug({ event: 'model_call_ended', ...event }, 'model call ended');
    },
    retried(event) {
      if (!logger.isLevelEnabled('info')) return;
      logger.info({ event: 'retry', ...event }, 'retrying model call');
    },
    fellBack(event) {
      if (!logger.isLevelEnabled('info')) return;
      logger.info({ event: 'fallback', ...event }, `fell back from ${event.from} to ${event.to}`);
    },
    breakerChanged(event) {
      if (!logger.isLevelEnabled('warn')) return;
      // `breaker`, not `key`: a field named `key` is redacted as a likely secret.
      const { key, from, to } = event;
      logger.warn({ event: 'breaker', breaker: key, from, to }, `circuit breaker ${key} is ${to}`);
    },
    rejected(event) {
      if (!logger.isLevelEnabled('info')) return;
      logger.info({ event: 'rejected', ...event }, `request refused: ${event.reason}`);
    },
    agentTurnEnded(event) {
      if (!logger.isLevelEnabled('debug')) return;
      logger.debug(
        { event: 'agent_turn_ended', ...event },
        `agent ${event.agent} ${event.outcome}`,
      );
    },
    handedOff(event) {
      if (!logger.isLevelEnabled('info')) return;
      logger.info({ event: 'handoff', ...event }, `handed off from ${event.from} to ${event.to}`);
    },
  };
}
