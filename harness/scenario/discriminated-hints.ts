import { z } from 'zod';
import type { DraftIssue, IssueWording } from '../../src/config/yaml/index.js';
import {
  describeValue,
  didYouMean,
  expectedText,
  isRecord,
  keysOf,
  schemaAt,
  valueAt,
} from '../../src/config/yaml/index.js';

// The shared `schemaAt` cannot choose an option of a discriminated union (fault rules are one:
// `fault` picks the params), so its key hints come out empty. These look at the data to choose.

/** Each option of a discriminated union with the discriminator values that select it. */
function optionsOf(union: z.ZodDiscriminatedUnion): Array<[z.ZodType, unknown[]]> {
  const key = union.def.discriminator;
  return (union.options as z.ZodType[]).map((option) => {
    const literal = option instanceof z.ZodObject ? option.shape[key] : undefined;
    return [option, literal instanceof z.ZodLiteral ? [...literal.values] : []];
  });
}

/** Like `schemaAt`, but a discriminated union on the way resolves to the option the data names. */
function schemaAtWithData(
  root: z.ZodType,
  path: readonly PropertyKey[],
  data: unknown,
): z.ZodType | undefined {
  for (let end = 0; end < path.length; end += 1) {
    const found = schemaAt(root, path.slice(0, end));
    if (!(found instanceof z.ZodDiscriminatedUnion)) continue;
    const value = valueAt(data, path.slice(0, end));
    const key = found.def.discriminator;
    const options = optionsOf(found);
    const chosen = options.find(([, values]) => isRecord(value) && values.includes(value[key]));
    if (chosen !== undefined) return schemaAtWithData(chosen[0], path.slice(end), value);
    // No option chosen yet: only the discriminator itself can be described.
    if (end !== path.length - 1 || path.at(-1) !== key) return undefined;
    const values = options.flatMap(([, v]) => v.map(String));
    return values.length === 0 ? undefined : z.enum(values as [string, ...string[]]);
  }
  return schemaAt(root, path);
}

/** Unknown-key and missing-key hints that name the keys of the chosen option; others as given. */
export function withDiscriminatedHints(
  drafts: readonly DraftIssue[],
  data: unknown,
  root: z.ZodType,
): DraftIssue[] {
  return drafts.map((draft) => {
    const key = draft.path.at(-1);
    if (typeof key !== 'string') return draft;
    if (draft.anchor === 'key' && Object.hasOwn(draft, 'suggests')) {
      const parent = draft.path.slice(0, -1);
      const chosen = schemaAtWithData(root, parent, data);
      if (chosen === schemaAt(root, parent)) return draft;
      const known = keysOf(chosen);
      if (known.length === 0) return draft;
      const suggests = didYouMean(key, known);
      const fix = suggests
        ? `did you mean "${suggests}"?`
        : `allowed keys here: ${known.join(', ')}`;
      return { ...draft, fix, suggests };
    }
    if (draft.anchor === 'missing') {
      const chosen = schemaAtWithData(root, draft.path, data);
      if (chosen === schemaAt(root, draft.path)) return draft;
      const expected = expectedText(chosen);
      return expected === undefined ? draft : { ...draft, fix: `add ${key}: ${expected}` };
    }
    return draft;
  });
}

/** A discriminator no option has (`fault: rate_limt`): the allowed values, and a did-you-mean. */
export const discriminatorWording: IssueWording = (issue, input) => {
  if (issue.code !== 'invalid_union' || issue.discriminator === undefined) return undefined;
  const allowed = ('options' in issue ? (issue.options ?? []) : []).map(String);
  if (allowed.length === 0) return undefined;
  const meant = typeof input === 'string' ? didYouMean(input, allowed) : undefined;
  const list = allowed.join(' | ');
  const message = `invalid value ${describeValue(input)}`;
  return {
    message,
    fix: meant ? `did you mean "${meant}"? allowed: ${list}` : `use one of: ${list}`,
  };
};
