import { createHash } from 'node:crypto';
import type { Mode } from '../../src/index.js';
import type { ScenarioRequest, Suite } from '../scenario/index.js';

export interface Job {
  request: ScenarioRequest;
  repetition: number;
  mode: Mode;
  /** Shared by both modes of a pair, so their model calls see the same seeds. */
  pairId: string;
}

export interface PlanOptions {
  modes: readonly Mode[];
  seed: number;
  /** Run exactly this many requests per mode, drawn from the suite by weight; default: the whole suite. */
  requests?: number;
  /** Overrides the suite's repetitions (ignored when `requests` is set). */
  repetitions?: number;
}

/** The scenario of a pair id (`<scenario id>#<repetition>`); an id without `#` is its own. */
export function scenarioIdOf(pairId: string): string {
  const hash = pairId.lastIndexOf('#');
  return hash > 0 ? pairId.slice(0, hash) : pairId;
}

/** A uniform number in [0, 1) from a seed and a label: the same inputs always give the same draw. */
function draw(seed: number, label: string): number {
  return createHash('sha256').update(`${seed}:${label}`).digest().readUInt32BE(0) / 2 ** 32;
}

/** Picks `count` requests with probability proportional to weight, deterministically by seed. */
function sampleByWeight(
  requests: readonly ScenarioRequest[],
  count: number,
  seed: number,
): ScenarioRequest[] {
  const cumulative: number[] = [];
  let total = 0;
  for (const r of requests) {
    total += r.weight;
    cumulative.push(total);
  }
  const picks: ScenarioRequest[] = [];
  for (let i = 0; i < count; i++) {
    const target = draw(seed, `pick-${i}`) * total;
    const index = cumulative.findIndex((upTo) => upTo > target);
    const chosen = requests[index === -1 ? requests.length - 1 : index];
    if (chosen) picks.push(chosen);
  }
  return picks;
}

/**
 * The run's job list. With two modes, the jobs of a pair are adjacent and their order
 * alternates (A B, B A, …), so drift over the run hits both modes alike.
 */
export function planJobs(suite: Suite, options: PlanOptions): Job[] {
  const units: Array<{ request: ScenarioRequest; repetition: number }> = [];
  if (options.requests !== undefined) {
    const seen = new Map<string, number>();
    for (const request of sampleByWeight(suite.requests, options.requests, options.seed)) {
      const repetition = seen.get(request.id) ?? 0;
      seen.set(request.id, repetition + 1);
      units.push({ request, repetition });
    }
  } else {
    const repetitions = options.repetitions ?? suite.repetitions;
    for (let repetition = 0; repetition < repetitions; repetition++) {
      for (const request of suite.requests) units.push({ request, repetition });
    }
  }
  return units.flatMap(({ request, repetition }, index) => {
    const modes = index % 2 === 0 ? options.modes : [...options.modes].reverse();
    const pairId = `${request.id}#${repetition}`; // scenarioIdOf() reads it back
    return modes.map((mode) => ({ request, repetition, mode, pairId }));
  });
}
