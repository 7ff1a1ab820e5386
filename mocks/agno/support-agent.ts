import { createSupportDemo } from '../../src/agents/support/support-demo.js';
import type { AnyTool, ToolContext } from '../../src/agents/tool.js';
import type {
  AgnoMockAgent,
  AgnoMockAgents,
  AgnoMockTool,
  AgnoMockToolContext,
} from './agent-definition.js';

/** The tool's signal never aborts: the mock's tools run instantly and nothing cancels them. */
const NEVER_ABORTS = new AbortController().signal;

/**
 * One of the prototype's tools as an Agno tool: the model sees its JSON schema; a call validates
 * its arguments with the tool's zod schema (a mismatch throws, which Agno reports as a failed
 * tool call) and runs the tool in the run's session, so side effects are idempotent per session.
 */
function toAgnoTool(tool: AnyTool, agentId: string): AgnoMockTool {
  return {
    name: tool.name,
    description: tool.spec.description,
    parameters: tool.spec.parameters,
    execute: async (args: Record<string, unknown>, run: AgnoMockToolContext) => {
      const parsed = tool.parameters.safeParse(args);
      if (!parsed.success) {
        const problems = parsed.error.issues.map(
          (issue) => `${issue.path.join('.') || '(arguments)'}: ${issue.message}`,
        );
        throw new Error(`Invalid arguments for ${tool.name}: ${problems.join('; ')}`);
      }
      const context: ToolContext = {
        signal: NEVER_ABORTS,
        conversationId: run.sessionId,
        agent: agentId,
        ...(run.userId === undefined ? {} : { userId: run.userId }),
      };
      return tool.execute(parsed.data as never, context);
    },
  };
}

/**
 * The project's prototype (`createSupportDemo().prototype`) as an AgentOS agent: the same
 * instructions, model and tools, so an agno-only run benchmarks the agent a team prototyped.
 * Each call makes a fresh side-effect ledger: refunds and tickets are remembered per mock.
 */
export function createSupportAgent(agentId = 'support-agent'): AgnoMockAgent {
  const { prototype } = createSupportDemo();
  return {
    name: 'Support Agent',
    model: prototype.model,
    instructions: prototype.instructions,
    tools: prototype.tools.map((tool) => toAgnoTool(tool, agentId)),
  };
}

/** The default `agents` option of {@link createAgnoAgentOSMock}: `support-agent` only. */
export function createDefaultAgnoAgents(): AgnoMockAgents {
  return { 'support-agent': createSupportAgent('support-agent') };
}
