import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssue } from './describe-issue.js';

function drafts(schema: z.ZodType, data: unknown, wording?: Parameters<typeof describeIssue>[3]) {
  const parsed = schema.safeParse(data);
  if (parsed.success) throw new Error('expected a failure');
  return parsed.error.issues.flatMap((issue) => describeIssue(issue, data, schema, wording));
}

describe('describeIssue', () => {
  it('takes the fix a refinement carries in its params', () => {
    const schema = z.strictObject({
      key: z.string().superRefine((_, ctx) => {
        ctx.addIssue({ code: 'custom', message: 'no', params: { fix: 'do this' } });
      }),
    });
    expect(drafts(schema, { key: 'v' })).toEqual([
      { path: ['key'], anchor: 'value', message: 'no', fix: 'do this' },
    ]);
  });

  it('says what a number may be at most', () => {
    const [draft] = drafts(z.strictObject({ n: z.number().max(100) }), { n: 120 });
    expect(draft?.message).toBe('must be at most 100');
  });

  it('lets a file format word an issue its own way', () => {
    const [draft] = drafts(
      z.strictObject({ n: z.number() }),
      { n: 'x' },
      {
        wording: (issue) =>
          issue.code === 'invalid_type' ? { message: 'a count, please' } : undefined,
      },
    );
    expect(draft).toEqual({ path: ['n'], anchor: 'value', message: 'a count, please' });
  });
});
