import { availableParallelism } from 'node:os';
import { z } from 'zod';

/** The tool that wrote a report, and the machine it ran on: the same in every kind of report. */
export const ToolSchema = z.strictObject({ name: z.literal('hybrid-bench'), version: z.string() });
export const EnvironmentSchema = z.strictObject({
  node: z.string(),
  platform: z.string(),
  arch: z.string(),
  cpus: z.int().positive(),
});

/** This process's runtime and machine, as a report records them. */
export function runEnvironment(): z.output<typeof EnvironmentSchema> {
  return {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpus: availableParallelism(),
  };
}
