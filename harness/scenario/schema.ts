import { z } from 'zod';
import { faultProfileSchema } from '../../mocks/faults/index.js';
import { PATH_NAMES, type PathName } from '../../src/index.js';
import { loadSchema } from './load-schema.js';

/** Statistics an SLA may put a ceiling on; cost adds `max` (the single most expensive request). */
export const LATENCY_STATS = ['mean', 'p50', 'p90', 'p95', 'p99'] as const;
export const COST_STATS = ['mean', 'p50', 'p90', 'p95', 'p99', 'max'] as const;
export const OUTCOMES = ['resolved', 'escalated'] as const;
export const MESSAGE_ROLES = ['user', 'assistant'] as const;

/** Lowercase words joined by single dashes: `faq-shipping-time`. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const kebab = (what: string) => z.string().regex(KEBAB_CASE).describe(`${what} (kebab-case)`);
const text = z.string().min(1);
const positive = z.number().positive();

const latencySlaSchema = z.strictObject({
  stat: z.enum(LATENCY_STATS).describe('Statistic the ceiling applies to'),
  maxMs: positive.describe('Latency ceiling in milliseconds'),
});

const costSlaSchema = z.strictObject({
  stat: z.enum(COST_STATS).describe('Statistic the ceiling applies to'),
  maxUsd: positive.describe('Cost ceiling per request in US dollars'),
});

const successSlaSchema = z.strictObject({
  minRate: z
    .number()
    .min(0)
    .max(1)
    .describe('Lowest acceptable share of successful requests (0..1)'),
});

const pathSlaSchema = z
  .strictObject({
    latency: latencySlaSchema.optional(),
    cost: costSlaSchema.optional(),
    success: successSlaSchema.optional(),
  })
  .describe('Overrides of the default SLA for this path; each part is optional');

// `satisfies` keeps these keys in step with PATH_NAMES: a new path fails to compile here.
const slaShape = {
  simple: pathSlaSchema.optional(),
  complex: pathSlaSchema.optional(),
  full: pathSlaSchema.optional(),
} satisfies Record<PathName, unknown>;

export const messageSchema = z.strictObject({
  role: z.enum(MESSAGE_ROLES),
  content: text,
});

// Exactly one of outcome and escalated: expectation-checks.ts says so, `oneOf` tells editors.
const expectationSchema = z
  .strictObject({
    path: z.enum(PATH_NAMES).describe('The path the request should be routed to'),
    outcome: z.enum(OUTCOMES).optional().describe('How the conversation should end'),
    escalated: z
      .boolean()
      .optional()
      .describe('Shorthand for outcome: true is escalated, false is resolved'),
    contains: z
      .array(text)
      .optional()
      .describe('Case-insensitive substrings the final answer must contain'),
    notContains: z
      .array(text)
      .optional()
      .describe('Case-insensitive substrings the final answer must not contain'),
    regex: text.optional().describe('A JavaScript regular expression the final answer must match'),
    toolsCalled: z.array(text).optional().describe('Tool names that must all be called'),
    handoffs: z.array(text).min(1).optional().describe('Agent sequence expected on the full path'),
    maxLatencyMs: positive.optional().describe('Latency ceiling for this request in milliseconds'),
    maxCostUsd: positive.optional().describe('Cost ceiling for this request in US dollars'),
    jsonSchema: z
      .looseObject({})
      .optional()
      .describe('A JSON Schema the final answer, parsed as JSON, must satisfy'),
  })
  .meta({ oneOf: [{ required: ['outcome'] }, { required: ['escalated'] }] });

const requestSchema = z.strictObject({
  id: kebab('Unique id of the request within the suite'),
  description: z.string().optional(),
  tags: z.array(text).optional(),
  weight: positive.optional().describe('Share of the traffic mix (default 1)'),
  userId: text.optional(),
  messages: z
    .union([text, z.array(messageSchema).min(1)])
    .describe('One user message, or a conversation whose last message is from the user'),
  metadata: z
    .strictObject({
      path: z.enum(PATH_NAMES).optional().describe('Force this path, bypassing the classifier'),
    })
    .optional(),
  expect: expectationSchema,
});

/** The shape of a scenario suite file, as written (before defaults). */
export const suiteSchema = z
  .strictObject({
    suite: z.strictObject({
      name: kebab('Name of the suite'),
      description: z.string().optional(),
      version: text
        .optional()
        .describe('Version of the suite; baselines compare runs of the same version (default "1")'),
    }),
    load: loadSchema.optional(),
    faults: z
      .union([text, faultProfileSchema])
      .optional()
      .describe('Faults to inject: a built-in profile name, a profile file, or a profile'),
    sla: z.strictObject(slaShape).optional().describe('Per-path overrides of the SLA defaults'),
    defaults: z
      .strictObject({
        repetitions: z.int().min(1).optional().describe('Times each request runs (default 1)'),
      })
      .optional(),
    requests: z.array(requestSchema).min(1),
  })
  .meta({
    title: 'hybrid-bench scenario suite',
    description: 'A suite of requests replayed against an AI support agent, with expectations.',
  });

export type SuiteInput = z.input<typeof suiteSchema>;
export type SuiteParsed = z.output<typeof suiteSchema>;
