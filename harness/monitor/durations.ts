const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * Milliseconds of a Prometheus duration (`30s`, `5m`, `1h30m`), as the deployment schema
 * accepts them; undefined for anything else.
 */
export function durationMs(text: string): number | undefined {
  if (!/^(?:[0-9]+(?:ms|s|m|h|d|w))+$/.test(text)) return undefined;
  let total = 0;
  for (const part of text.matchAll(/([0-9]+)(ms|s|m|h|d|w)/g)) {
    total += Number(part[1]) * (UNIT_MS[part[2] ?? ''] ?? 0);
  }
  return total;
}
