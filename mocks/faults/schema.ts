import { z } from 'zod';
import { FAULT_DIALECTS, type FaultKind } from './fault-profile.js';

const ms = z.number().int().min(0);
const positiveMs = z.number().int().positive();
const afterEvents = z.number().int().min(0);
const noParams = z.strictObject({});

const matchSchema = z.strictObject({
  models: z.array(z.string().min(1)).optional(),
  paths: z.array(z.string().min(1)).optional(),
  providers: z.array(z.enum(FAULT_DIALECTS)).optional(),
  agents: z.array(z.string().min(1)).optional(),
  scenarios: z.array(z.string().min(1)).optional(),
});

/** The parameters each fault accepts: unknown keys are errors, so a typo never passes quietly. */
const paramsByKind = {
  rate_limit: z.strictObject({ retryAfterMs: ms.optional() }),
  server_error: noParams,
  unavailable: noParams,
  overloaded: noParams,
  reset: noParams,
  stall_before_first_byte: z.strictObject({ stallMs: ms.optional() }),
  stall_mid_stream: z.strictObject({ afterEvents: afterEvents.optional(), stallMs: ms.optional() }),
  stream_cut: z.strictObject({ afterEvents: afterEvents.optional() }),
  malformed_json: z.strictObject({ afterEvents: afterEvents.optional() }),
  wrong_content_type: z.strictObject({
    status: z.union([z.literal(200), z.literal(502)]).optional(),
  }),
  context_length: z.strictObject({ maxContextTokens: z.number().int().positive().optional() }),
  flapping: z.strictObject({ upMs: positiveMs.optional(), downMs: positiveMs.optional() }),
  slow_drip: z.strictObject({ chunkDelayMs: ms.optional() }),
} satisfies Record<FaultKind, z.ZodType>;

function ruleFor<K extends FaultKind>(fault: K) {
  return z.strictObject({
    fault: z.literal(fault),
    probability: z.number().min(0).max(1),
    match: matchSchema.optional(),
    params: paramsByKind[fault].optional(),
  });
}

const ruleSchema = z.discriminatedUnion('fault', [
  ruleFor('rate_limit'),
  ruleFor('server_error'),
  ruleFor('unavailable'),
  ruleFor('overloaded'),
  ruleFor('reset'),
  ruleFor('stall_before_first_byte'),
  ruleFor('stall_mid_stream'),
  ruleFor('stream_cut'),
  ruleFor('malformed_json'),
  ruleFor('wrong_content_type'),
  ruleFor('context_length'),
  ruleFor('flapping'),
  ruleFor('slow_drip'),
]);

/** A fault profile as written in a YAML or JSON file. */
export const faultProfileSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().default(''),
  rules: z.array(ruleSchema),
});

/** A profile file's content before defaults (`description` may be left out). */
export type FaultProfileInput = z.input<typeof faultProfileSchema>;
