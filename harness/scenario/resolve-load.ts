import { parseK6Duration } from './k6-duration.js';
import type { LoadParsed } from './load-schema.js';
import type { LoadProfile } from './types.js';

const TIME_UNIT_MS = { '1s': 1000, '1m': 60_000 } as const;

/** The checks have passed by now, so a duration always parses; 0 would only mask a bug. */
function ms(duration: string | number): number {
  return parseK6Duration(String(duration)) ?? 0;
}

/** k6-style `load` with durations in milliseconds and defaults applied (1s, startRate 0). */
export function resolveLoad(load: LoadParsed): LoadProfile | undefined {
  if (load.closed !== undefined) return { model: 'closed', ...load.closed };
  const open = load.open;
  if (open === undefined) return undefined;
  const timeUnitMs = TIME_UNIT_MS[open.timeUnit ?? '1s'];
  if (open.executor === 'constant-arrival-rate') {
    return {
      model: 'open',
      executor: open.executor,
      rate: open.rate ?? 0,
      timeUnitMs,
      durationMs: ms(open.duration ?? 0),
    };
  }
  return {
    model: 'open',
    executor: open.executor,
    startRate: open.startRate ?? 0,
    timeUnitMs,
    stages: (open.stages ?? []).map((stage) => ({
      target: stage.target,
      durationMs: ms(stage.duration),
    })),
  };
}
