import { isRecord } from '../yaml/index.js';

/**
 * `overrides` deep-merged over `base`, both left untouched: mappings merge key by key, lists
 * and other values replace, and `null` removes a key (so validation gives it its default back).
 *
 * @example
 * mergeOverrides({ paths: { simple: { model: 'a', maxOutputTokens: 400 } } }, { paths: { simple: { model: 'b' } } });
 * // { paths: { simple: { model: 'b', maxOutputTokens: 400 } } }
 */
export function mergeOverrides(base: unknown, overrides: unknown): unknown {
  if (!isRecord(overrides) || !isRecord(base)) return structuredClone(overrides);
  const merged: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(overrides)) {
    if (value === null) delete merged[key];
    else if (!isRecord(value)) merged[key] = structuredClone(value);
    else merged[key] = mergeOverrides(isRecord(base[key]) ? base[key] : {}, value);
  }
  return merged;
}
