export type { Agent, AgentDefinition } from './agent.js';
export { defineAgent, HandoffArgs, handoffToolName, withModel } from './agent.js';
export type { AgentRunResult, ModelCaller, RunAgentOptions } from './run-agent.js';
export { runAgent, stoppedBy } from './run-agent.js';
export type {
  AgentTurnOutcome,
  AgentTurnRecord,
  HandoffKind,
  HandoffRecord,
  ModelCallRecord,
  RunFailure,
  ToolRunRecord,
} from './run-records.js';
export { HANDOFF_KINDS } from './run-records.js';
export type { SupportDemo, SupportDemoModels } from './support/index.js';
export { createSupportDemo, SHOP_FACTS } from './support/index.js';
export type { AgentTeam } from './team.js';
export { defineTeam } from './team.js';
export type { AnyTool, Tool, ToolContext } from './tool.js';
export { defineTool, toToolJsonSchema } from './tool.js';
