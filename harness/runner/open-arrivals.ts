import type { LoadProfile } from '../scenario/index.js';

type OpenLoad = Extract<LoadProfile, { model: 'open' }>;

/** A run of more arrivals than this is a typo in the suite, not a benchmark. */
export const MAX_ARRIVALS = 1_000_000;

/**
 * When each request of an open-model load starts, in ms from the start, as k6's arrival-rate
 * executors pace iterations: constant — `rate` per `timeUnit`, evenly spaced, the first at 0;
 * ramping — the rate moves linearly through each stage from the previous target, and the n-th
 * request starts when the integral of the rate reaches n. Pure.
 * @throws RangeError when the profile asks for more than `MAX_ARRIVALS` requests.
 * @example openArrivals({ model: 'open', executor: 'constant-arrival-rate', rate: 2, timeUnitMs: 1000, durationMs: 2000 }) // [0, 500, 1000, 1500]
 */
export function openArrivals(load: OpenLoad): number[] {
  return load.executor === 'constant-arrival-rate' ? constantArrivals(load) : rampingArrivals(load);
}

function guard(count: number): void {
  if (count > MAX_ARRIVALS) {
    throw new RangeError(
      `load: the profile starts ${Math.round(count)} requests, more than ${MAX_ARRIVALS}; lower the rate or the duration`,
    );
  }
}

function constantArrivals(load: Extract<OpenLoad, { executor: 'constant-arrival-rate' }>) {
  const intervalMs = load.timeUnitMs / load.rate;
  const count = Math.floor((load.durationMs * load.rate) / load.timeUnitMs + 1e-9);
  guard(count);
  return Array.from({ length: count }, (_, i) => i * intervalMs);
}

function rampingArrivals(load: Extract<OpenLoad, { executor: 'ramping-arrival-rate' }>) {
  // Total requests: the area under the rate curve, stage by stage (trapezoids).
  let from = load.startRate;
  let total = 0;
  for (const stage of load.stages) {
    total += ((from + stage.target) / 2) * (stage.durationMs / load.timeUnitMs);
    from = stage.target;
  }
  guard(total);
  const arrivals: number[] = [];
  let next = 0; // the count whose crossing time we look for
  let done = 0; // requests due before this stage
  let stageStartMs = 0;
  from = load.startRate;
  for (const stage of load.stages) {
    const units = stage.durationMs / load.timeUnitMs;
    const a = from;
    const slope = units === 0 ? 0 : (stage.target - from) / units; // rate change per time unit
    const inStage = ((a + stage.target) / 2) * units;
    // Crossing of count `next`: a·t + slope·t²/2 = next − done, t in time units within the stage.
    while (next < done + inStage - 1e-9) {
      const need = next - done;
      const t =
        Math.abs(slope) < 1e-12
          ? need / a
          : (-a + Math.sqrt(Math.max(0, a * a + 2 * slope * need))) / slope;
      arrivals.push(stageStartMs + t * load.timeUnitMs);
      next++;
    }
    done += inStage;
    stageStartMs += stage.durationMs;
    from = stage.target;
  }
  return arrivals;
}
