import { z } from 'zod';
import { BridgeConfigSchema } from '../schema.js';
import { DEPLOYMENT_API_VERSION, DEPLOYMENT_KIND } from './defaults.js';
import { IntegrationsSchema, SecuritySchema } from './integrations-schema.js';
import { MonitoringSchema } from './monitoring-schema.js';
import { ResourcesSchema, ScalingSchema } from './resources-schema.js';
import { TestingSchema } from './testing-schema.js';
import { ResourceName } from './text-rules.js';

export const ENVIRONMENTS = ['development', 'test', 'staging', 'production'] as const;

/**
 * One plugin to load at start: a module path (relative to the deployment file) or a package
 * name, and the options its factories get. Optional, with no default, so deployments without
 * plugins keep their revision.
 */
const PluginEntrySchema = z.strictObject({
  module: z.string().min(1),
  options: z.record(z.string(), z.unknown()).optional(),
});

/**
 * A deployment file (`config/agent-deployment.yaml`): the bridge's runtime config plus how it
 * runs — scaling, resources, monitoring, backends, rate limits, flags — and A/B experiments.
 * Rules across fields (min ≤ max, names that refer to each other) are checked beside it, in
 * `checkDeployment`, so they run even when a field is wrong and every problem shows at once.
 */
export const DeploymentSchema = z
  .strictObject({
    apiVersion: z.literal(DEPLOYMENT_API_VERSION),
    kind: z.literal(DEPLOYMENT_KIND),
    metadata: z.strictObject({
      name: ResourceName,
      environment: z.enum(ENVIRONMENTS),
      labels: z.record(z.string(), z.string()).default({}),
    }),
    spec: z
      .strictObject({
        /** The bridge's own config, exactly as `BridgeConfigSchema` takes it. */
        runtime: BridgeConfigSchema.prefault({}),
        scaling: ScalingSchema.prefault({}),
        resources: ResourcesSchema.prefault({}),
        monitoring: MonitoringSchema.prefault({}),
        integrations: IntegrationsSchema.prefault({}),
        security: SecuritySchema.prefault({}),
        features: z
          .strictObject({ flags: z.record(z.string(), z.boolean()).default({}) })
          .prefault({}),
        /** Providers, tool sets and a router from outside the project (see src/plugins). */
        plugins: z.array(PluginEntrySchema).optional(),
      })
      .prefault({}),
    testing: TestingSchema.prefault({}),
  })
  .meta({ title: 'hybrid-bench agent deployment' });

export type DeploymentInput = z.input<typeof DeploymentSchema>;
export type Deployment = z.output<typeof DeploymentSchema>;
export type ExternalService = Deployment['spec']['integrations']['externalServices'][number];
export type RateLimitRule = Deployment['spec']['security']['rateLimiting']['rules'][number];
export type Experiment = Deployment['testing']['experiments'][number];
export type Alert = Deployment['spec']['monitoring']['alerts'][number];
export type PluginEntry = NonNullable<Deployment['spec']['plugins']>[number];
