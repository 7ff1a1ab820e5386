import { describe, expect, it } from 'vitest';
import { parseK6Duration } from './k6-duration.js';

describe('parseK6Duration', () => {
  it.each([
    ['250ms', 250],
    ['30s', 30_000],
    ['1.5s', 1500],
    ['2m', 120_000],
    ['1h30m', 5_400_000],
    ['1m30s500ms', 90_500],
  ])('reads %s as %i ms', (text, ms) => {
    expect(parseK6Duration(text)).toBe(ms);
  });

  it.each(['30', '30 s', '1H', '2min', '-5s', '', 's'])('rejects %j', (text) => {
    expect(parseK6Duration(text)).toBeUndefined();
  });
});
