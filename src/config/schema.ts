import { z } from 'zod';
import { PATH_NAMES } from '../routing/path.js';
import { DEFAULT_CONFIG } from './defaults.js';
import { ResilienceSchema } from './resilience-schema.js';

const d = DEFAULT_CONFIG;
const PathName = z.enum(PATH_NAMES);
const Regex = z.string().refine(
  (source) => {
    try {
      new RegExp(source, 'i');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);
const Tokens = z.number().int().positive();
const AgentBudget = z.strictObject({
  maxMs: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('Longest an agent may hold a conversation'),
  maxCostUsd: z.number().positive().optional().describe("Most an agent's model calls may cost"),
});

const ModelPrice = z.strictObject({
  inputUsdPerMTok: z.number().nonnegative(),
  outputUsdPerMTok: z.number().nonnegative(),
  cachedInputUsdPerMTok: z.number().nonnegative().optional(),
  source: z.string().default('config'),
});

/** The bridge's configuration; every field has a default, so `{}` is a valid config. */
export const BridgeConfigSchema = z.strictObject({
  paths: z
    .strictObject({
      simple: z
        .strictObject({
          model: z.string().min(1).default(d.paths.simple.model),
          maxOutputTokens: Tokens.default(d.paths.simple.maxOutputTokens),
        })
        .prefault({}),
      complex: z
        .strictObject({
          model: z.string().min(1).default(d.paths.complex.model),
          maxSteps: z.number().int().min(1).max(50).default(d.paths.complex.maxSteps),
          maxOutputTokens: Tokens.default(d.paths.complex.maxOutputTokens),
        })
        .prefault({}),
      full: z
        .strictObject({
          maxHandoffs: z.number().int().min(0).max(20).default(d.paths.full.maxHandoffs),
          maxStepsPerAgent: z.number().int().min(1).max(50).default(d.paths.full.maxStepsPerAgent),
          maxOutputTokens: Tokens.default(d.paths.full.maxOutputTokens),
          handoffTranscriptMessages: z
            .number()
            .int()
            .min(0)
            .max(200)
            .default(d.paths.full.handoffTranscriptMessages)
            .describe('Messages of the conversation an agent sees after a handoff'),
          agentBudget: AgentBudget.prefault({ ...d.paths.full.agentBudget }).describe(
            "Every agent's own time and cost budget on the full path",
          ),
          agentBudgets: z
            .record(z.string(), AgentBudget)
            .default({})
            .describe('Per-agent budgets by agent name, replacing agentBudget for that agent'),
        })
        .prefault({}),
    })
    .prefault({}),
  prototype: z
    .strictObject({
      maxSteps: z.number().int().min(1).max(50).default(d.prototype.maxSteps),
      maxOutputTokens: Tokens.default(d.prototype.maxOutputTokens),
    })
    .prefault({}),
  routing: z
    .strictObject({
      default: PathName,
      rules: z.array(
        z.strictObject({
          name: z.string().min(1),
          path: PathName,
          patterns: z.array(Regex).min(1),
        }),
      ),
    })
    .default({
      default: d.routing.default,
      rules: d.routing.rules.map((r) => ({ ...r, patterns: [...r.patterns] })),
    }),
  /** The production layer around hybrid requests: retries, breakers, deadlines, fallbacks, cache, budgets. */
  resilience: ResilienceSchema.prefault({}),
  /** Stream model answers (time to first token is only measured when streaming). */
  stream: z.boolean().default(d.stream),
  /** Extra or overriding prices, USD per 1M tokens, keyed by model name. */
  prices: z.record(z.string(), ModelPrice).default({}),
});

export type BridgeConfigInput = z.input<typeof BridgeConfigSchema>;
export type BridgeConfig = z.output<typeof BridgeConfigSchema>;
