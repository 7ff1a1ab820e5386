import { z } from 'zod';
import { checkK6Duration, K6_DURATION_PATTERN } from './k6-duration.js';

export const TIME_UNITS = ['1s', '1m'] as const;
export const OPEN_EXECUTORS = ['constant-arrival-rate', 'ramping-arrival-rate'] as const;

// A number is accepted by the shape only so the refinement can say "add a unit" in one go;
// the published schema asks for a string (json-schema.ts drops the number branch).
export const k6DurationSchema = z
  .union([z.string(), z.number()])
  .superRefine(checkK6Duration)
  .meta({ type: 'string', pattern: K6_DURATION_PATTERN.source, examples: ['30s', '2m', '1h30m'] })
  .describe('A k6 duration: a number and a unit (ms, s, m, h), e.g. 30s, 2m, 1h30m');

const closedSchema = z
  .strictObject({
    concurrency: z.int().min(1).describe('Requests in flight at once (k6 VUs)'),
    requests: z.int().min(1).describe('Requests to send in all, shared by the workers'),
  })
  .describe('Closed model: a fixed number of workers, each sending its next request when done');

const stageSchema = z.strictObject({
  target: z.int().min(0).describe('Arrival rate reached at the end of the stage, per timeUnit'),
  duration: k6DurationSchema,
});

// One object for both executors, so a typo gets a did-you-mean across all of their keys; which
// keys each executor needs is checked in load-checks.ts (and stated by `oneOf` for editors).
const openSchema = z
  .strictObject({
    executor: z.enum(OPEN_EXECUTORS).describe('How the arrival rate is set'),
    rate: z.int().min(1).optional().describe('Requests started per timeUnit (constant)'),
    timeUnit: z.enum(TIME_UNITS).optional().describe('Period a rate counts over (default 1s)'),
    duration: k6DurationSchema.optional(),
    startRate: z.int().min(0).optional().describe('Rate at the start (ramping; default 0)'),
    stages: z.array(stageSchema).min(1).optional().describe('Rate targets in turn (ramping)'),
  })
  .meta({
    oneOf: [
      {
        properties: { executor: { const: 'constant-arrival-rate' } },
        required: ['rate', 'duration'],
        not: { anyOf: [{ required: ['startRate'] }, { required: ['stages'] }] },
      },
      {
        properties: { executor: { const: 'ramping-arrival-rate' } },
        required: ['stages'],
        not: { anyOf: [{ required: ['rate'] }, { required: ['duration'] }] },
      },
    ],
  })
  .describe('Open model: requests start at a set rate whether or not earlier ones have finished');

/** How a load run drives the suite, in k6's terms; exactly one of `closed` and `open`. */
export const loadSchema = z
  .strictObject({ closed: closedSchema.optional(), open: openSchema.optional() })
  .meta({ oneOf: [{ required: ['closed'] }, { required: ['open'] }] })
  .describe('Traffic shape for load runs (k6-style): closed or open');

export type LoadParsed = z.output<typeof loadSchema>;
