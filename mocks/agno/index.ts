export type {
  AgnoMockAgent,
  AgnoMockAgents,
  AgnoMockTool,
  AgnoMockToolContext,
} from './agent-definition.js';
export type { AgnoAgentOSHandler, AgnoAgentOSMockOptions } from './create-agno-agentos-mock.js';
export { createAgnoAgentOSMock } from './create-agno-agentos-mock.js';
export { createDefaultAgnoAgents, createSupportAgent } from './support-agent.js';
