import type { z } from 'zod';

/** One or more `<number><unit>` parts, as k6 writes durations: `30s`, `2m`, `1h30m`, `1.5s`. */
export const K6_DURATION_PATTERN = /^(?:\d+(?:\.\d+)?(?:ms|h|m|s))+$/;

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Unit words people write instead of k6's letters. */
const UNIT_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/milliseconds?|millis|msecs?/g, 'ms'],
  [/seconds?|secs?/g, 's'],
  [/minutes?|mins?/g, 'm'],
  [/hours?|hrs?/g, 'h'],
];

/**
 * A k6 duration in milliseconds, or undefined when the text is not one.
 * @example
 * parseK6Duration('1h30m'); // 5_400_000
 */
export function parseK6Duration(text: string): number | undefined {
  if (!K6_DURATION_PATTERN.test(text)) return undefined;
  let totalMs = 0;
  for (const [, amount = '0', unit = 'ms'] of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    totalMs += Number(amount) * (UNIT_MS[unit] ?? 1);
  }
  return totalMs;
}

/** The duration the writer probably meant: `30` → `30s`, `2 min` → `2m`, `1H` → `1h`. */
function likelyMeant(input: string): string | undefined {
  let text = input.replace(/\s+/g, '').toLowerCase();
  if (/^\d+(?:\.\d+)?$/.test(text)) text = `${text}s`;
  for (const [word, unit] of UNIT_WORDS) text = text.replace(word, unit);
  return parseK6Duration(text) === undefined ? undefined : text;
}

/** Refinement for a duration field: a string in k6 form, longer than zero. */
export function checkK6Duration(value: string | number, ctx: z.RefinementCtx): void {
  const text = String(value);
  const ms = typeof value === 'string' ? parseK6Duration(value) : undefined;
  if (ms !== undefined && ms > 0) return;
  const shown = typeof value === 'string' ? JSON.stringify(value) : text;
  if (ms === 0) {
    ctx.addIssue({ code: 'custom', message: 'must be longer than 0', params: { fix: 'e.g. 30s' } });
    return;
  }
  const meant = likelyMeant(text);
  const fix = meant
    ? `write ${meant}`
    : 'write a number and a unit (ms, s, m, h), e.g. 30s, 2m or 1h30m';
  ctx.addIssue({ code: 'custom', message: `${shown} is not a duration`, params: { fix } });
}
