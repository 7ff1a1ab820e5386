import { FAULT_DEFAULTS } from './defaults.js';
import { type FaultMatch, type FaultRule, STREAM_ONLY_FAULTS } from './fault-profile.js';
import type { FaultCall } from './read-call.js';

type CallFacts = Pick<
  FaultCall,
  'dialect' | 'model' | 'streaming' | 'benchPath' | 'benchAgent' | 'benchScenario'
>;

/**
 * Every list the match gives must contain the call's value; absent lists match anything. A call
 * without a label header (path, agent, scenario) is never in a list that reads it.
 */
export function matchesCall(match: FaultMatch | undefined, call: CallFacts): boolean {
  if (!match) return true;
  if (match.models && !match.models.includes(call.model)) return false;
  if (match.paths && !match.paths.includes(call.benchPath ?? '')) return false;
  if (match.providers && !match.providers.includes(call.dialect)) return false;
  if (match.agents && !match.agents.includes(call.benchAgent ?? '')) return false;
  if (match.scenarios && !match.scenarios.includes(call.benchScenario ?? '')) return false;
  return true;
}

/** Whether a flapping provider is in a down window `elapsedMs` after the wrapper was made. */
export function isDownWindow(elapsedMs: number, upMs: number, downMs: number): boolean {
  const cycleMs = upMs + downMs;
  const phaseMs = ((elapsedMs % cycleMs) + cycleMs) % cycleMs;
  return phaseMs >= upMs;
}

function applies(rule: FaultRule, call: CallFacts, elapsedMs: number): boolean {
  if (!matchesCall(rule.match, call)) return false;
  if (STREAM_ONLY_FAULTS.has(rule.fault) && !call.streaming) return false;
  if (rule.fault === 'flapping') {
    const upMs = rule.params?.upMs ?? FAULT_DEFAULTS.upMs;
    const downMs = rule.params?.downMs ?? FAULT_DEFAULTS.downMs;
    return isDownWindow(elapsedMs, upMs, downMs);
  }
  return true;
}

/**
 * The rule a call falls under, or none. One uniform draw in [0, 1) is laid against the
 * applicable rules in order, each taking a slice as wide as its probability, so each rule fires
 * with exactly its probability while they add up to at most 1; past that, later rules get only
 * what is left. Stream-only faults skip non-streamed calls, and flapping applies only in its
 * down windows, so neither takes a slice when it cannot act.
 */
export function chooseFault(
  rules: readonly FaultRule[],
  call: CallFacts,
  draw: number,
  elapsedMs: number,
): FaultRule | undefined {
  let upTo = 0;
  for (const rule of rules) {
    if (!applies(rule, call, elapsedMs)) continue;
    upTo += rule.probability;
    if (draw < upTo) return rule;
  }
  return undefined;
}
