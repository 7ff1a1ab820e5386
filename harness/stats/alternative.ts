import { normalCdf, normalSf } from './normal.js';

/**
 * The alternative hypothesis, about a against b as scipy and statsmodels put it:
 * `'less'` — a tends to be smaller than b; `'greater'` — a tends to be larger.
 */
export type Alternative = 'two-sided' | 'less' | 'greater';

/**
 * The p-value of a z that is positive when a is larger: the upper tail for `'greater'`, the
 * lower for `'less'`, twice the smaller for two-sided (capped at 1).
 */
export function normalPValue(z: number, alternative: Alternative): number {
  switch (alternative) {
    case 'greater':
      return normalSf(z);
    case 'less':
      return normalCdf(z);
    case 'two-sided':
      return Math.min(1, 2 * normalSf(Math.abs(z)));
  }
}
