import type { ScenarioRequest } from '../scenario/index.js';

export interface ArrivalScheduleOptions {
  /** Replay speed: 2 sends twice as fast as recorded, 0.5 half as fast. Default 1. */
  speed?: number;
}

/**
 * When to send each request, in ms after the first, from recorded arrival times (`atMs`)
 * scaled by `speed`; undefined when the requests carry no arrival times (a YAML suite).
 * Pure: the runner owns the clock.
 * @throws RangeError for a speed that is not a positive number, or when only some requests
 *   have an arrival time.
 * @example
 * arrivalSchedule([{ id: 'line-1', atMs: 1000 }, { id: 'line-2', atMs: 3000 }], { speed: 2 }); // [0, 1000]
 */
export function arrivalSchedule(
  requests: readonly Pick<ScenarioRequest, 'id' | 'atMs'>[],
  options: ArrivalScheduleOptions = {},
): number[] | undefined {
  const speed = options.speed ?? 1;
  if (!Number.isFinite(speed) || speed <= 0) {
    throw new RangeError(`--speed must be a positive number (1 = as recorded), got ${speed}`);
  }
  if (requests.every((request) => request.atMs === undefined)) return undefined;
  const untimed = requests.find((request) => request.atMs === undefined);
  if (untimed !== undefined) {
    throw new RangeError(`request ${untimed.id} has no atMs, but others do: give all or none`);
  }
  const firstMs = requests[0]?.atMs ?? 0;
  return requests.map((request) => ((request.atMs ?? firstMs) - firstMs) / speed);
}
