import { z } from 'zod';
import { DEPLOYMENT_DEFAULTS } from './defaults.js';
import { parseQuantity } from './parse-quantity.js';

const d = DEPLOYMENT_DEFAULTS;

/** A Kubernetes quantity as written (`250m`, `"1"`, 1, `512Mi`), kept as text. */
const Quantity = z
  .union([z.string(), z.number()])
  .superRefine((value, ctx) => {
    if (parseQuantity(value) !== undefined) return;
    ctx.addIssue({
      code: 'custom',
      message: 'not a Kubernetes quantity',
      params: { fix: 'write e.g. 250m or 0.5 for CPU, 512Mi or 1Gi for memory' },
    });
  })
  .transform(String);

const CpuAndMemory = (cpu: string, memory: string) =>
  z.strictObject({ cpu: Quantity.default(cpu), memory: Quantity.default(memory) }).prefault({});

/** What each replica asks the scheduler for, and the most it may use. */
export const ResourcesSchema = z.strictObject({
  requests: CpuAndMemory(d.resources.requests.cpu, d.resources.requests.memory),
  limits: CpuAndMemory(d.resources.limits.cpu, d.resources.limits.memory),
});

/** Horizontal autoscaling; `minReplicas ≤ maxReplicas` is checked with the other cross-field rules. */
export const ScalingSchema = z.strictObject({
  minReplicas: z.number().int().min(1).default(d.scaling.minReplicas),
  maxReplicas: z.number().int().min(1).default(d.scaling.maxReplicas),
  targetCPUUtilizationPercentage: z
    .number()
    .int()
    .min(1)
    .max(100)
    .default(d.scaling.targetCPUUtilizationPercentage),
  /** Scale on request rate too (needs a custom-metrics adapter); absent: CPU only. */
  targetRequestsPerSecond: z.number().positive().optional(),
});
