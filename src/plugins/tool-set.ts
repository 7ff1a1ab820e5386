import { z } from 'zod';
import { type Agent, defineAgent } from '../agents/agent.js';
import { type AgentTeam, defineTeam } from '../agents/team.js';
import type { AnyTool } from '../agents/tool.js';
import { formatPath } from '../config/format-path.js';
import { isRecord, valueAt } from '../config/yaml/raw-data.js';
import { HybridBenchError } from '../errors.js';
import type { PluginToolSet } from './define-plugin.js';
import { PluginError, PluginErrorCodes } from './plugin-error.js';
import { describeExport } from './plugin-schema.js';

/** The agent name that means the single prototype agent in a tool set's `agents`. */
export const PROTOTYPE_AGENT = 'prototype';

const ToolLike = z.custom<AnyTool>(
  (value) =>
    isRecord(value) &&
    typeof value.name === 'string' &&
    typeof value.execute === 'function' &&
    isRecord(value.spec) &&
    isRecord(value.parameters),
  { error: 'expected a tool made with defineTool' },
);

const ToolSetShape = z.strictObject({
  agents: z
    .array(z.string({ error: 'expected an agent name' }), {
      error: `expected a list of agent names ("${PROTOTYPE_AGENT}" or team agents)`,
    })
    .min(1, { error: 'expected at least one agent' })
    .optional(),
  tools: z.array(ToolLike, { error: 'expected a list of tools made with defineTool' }),
});

/** A tools factory's result, checked; `agents` defaults to the prototype. */
export function checkToolSet(
  value: unknown,
  label: string,
  module: string,
): PluginToolSet & { agents: readonly string[] } {
  const parsed = ToolSetShape.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const got = describeExport(issue.path.length === 0 ? value : valueAt(value, issue.path));
      const where = issue.path.length === 0 ? 'result' : formatPath(issue.path);
      return `${where}: ${issue.message}, got ${got}`;
    });
    throw new PluginError(
      PluginErrorCodes.factoryFailed,
      `${label}: its tools factory returned something that is not a tool set ({ agents?, tools }): ${problems.join('; ')}`,
      { module },
    );
  }
  return { agents: parsed.data.agents ?? [PROTOTYPE_AGENT], tools: parsed.data.tools };
}

export interface ToolSetSource {
  readonly agents: readonly string[];
  readonly tools: readonly AnyTool[];
  readonly plugin: string;
  readonly module: string;
}

function withTools(agent: Agent, added: readonly AnyTool[], sources: string): Agent {
  if (added.length === 0) return agent;
  try {
    return defineAgent({
      name: agent.name,
      instructions: agent.instructions,
      model: agent.model,
      // Handoff tools are derived from `handoffs` again.
      tools: [...agent.tools.filter((t) => !agent.handoffTools.has(t.name)), ...added],
      handoffs: agent.handoffs,
    });
  } catch (error: unknown) {
    const reason = error instanceof HybridBenchError ? error.message : String(error);
    throw new PluginError(
      PluginErrorCodes.factoryFailed,
      `${sources}: cannot add tools to agent "${agent.name}": ${reason} (fix: rename the plugin's tool)`,
      { cause: error },
    );
  }
}

/**
 * The prototype and team with each plugin tool set added to the agents it names
 * (`prototype` and/or team agents). An unknown agent name or a tool name an agent already has
 * is a `PluginError` naming the plugin.
 *
 * @example
 * const demo = withPluginTools(createSupportDemo(), plugins.toolSets);
 */
export function withPluginTools<T extends { prototype: Agent; team: AgentTeam }>(
  demo: T,
  toolSets: readonly ToolSetSource[],
): T {
  if (toolSets.length === 0) return demo;
  const known = [PROTOTYPE_AGENT, ...demo.team.agents.keys()];
  const added = new Map<string, { tools: AnyTool[]; from: string[] }>();
  for (const set of toolSets) {
    for (const agent of set.agents) {
      if (!known.includes(agent)) {
        throw new PluginError(
          PluginErrorCodes.factoryFailed,
          `plugin "${set.plugin}" (${set.module}): its tool set names agent "${agent}", which is not one of ${known.join(', ')} (fix: name one of those in the tool set's agents)`,
          { module: set.module },
        );
      }
      const slot = added.get(agent) ?? { tools: [], from: [] };
      slot.tools.push(...set.tools);
      slot.from.push(`plugin "${set.plugin}" (${set.module})`);
      added.set(agent, slot);
    }
  }
  const extend = (agent: Agent, key: string) => {
    const slot = added.get(key);
    return slot === undefined ? agent : withTools(agent, slot.tools, slot.from.join(', '));
  };
  const team = defineTeam({
    entry: demo.team.entry,
    ...(demo.team.escalation === undefined ? {} : { escalation: demo.team.escalation }),
    agents: [...demo.team.agents.values()].map((agent) => extend(agent, agent.name)),
  });
  return { ...demo, prototype: extend(demo.prototype, PROTOTYPE_AGENT), team };
}
